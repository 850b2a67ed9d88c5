package org.innograph.linkeddata;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFDataMgr;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** RDF as an HTTP answer in the chosen syntax; the answer varies by Accept, so caches must key on it. */
final class RdfResponses {

    private RdfResponses() {
    }

    static ResponseEntity<byte[]> of(Model rdf, RdfFormat format) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        RDFDataMgr.write(body, rdf, format.writerFormat());
        return ResponseEntity.ok().contentType(new MediaType(format.mediaType(), StandardCharsets.UTF_8))
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT).body(body.toByteArray());
    }
}
