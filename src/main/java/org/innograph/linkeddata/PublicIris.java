package org.innograph.linkeddata;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.springframework.stereotype.Component;

/** Where on this server each IRI is shown: our minted IRIs at their own path, everything else via /resource. */
@Component
public class PublicIris {

    private final String base;

    public PublicIris(LinkedDataProperties properties) {
        this.base = properties.baseIri();
    }

    public String base() {
        return base;
    }

    /** The IRI a path of this server stands for, e.g. {@code /id/practice/x} → {@code {base}id/practice/x}. */
    public String iriOf(String path) {
        return base + (path.startsWith("/") ? path.substring(1) : path);
    }

    /** Whether the IRI is one we mint and serve at its own path. */
    public boolean isMinted(String iri) {
        if (!iri.startsWith(base)) {
            return false;
        }
        String rest = iri.substring(base.length());
        return rest.startsWith("id/") || rest.startsWith("theme/") || rest.equals("ontology")
                || rest.startsWith("ontology#");
    }

    /** The page of this server that shows the IRI. */
    public String pageOf(String iri) {
        if (isMinted(iri)) {
            return "/" + iri.substring(base.length());
        }
        return "/resource?uri=" + URLEncoder.encode(iri, StandardCharsets.UTF_8);
    }
}
