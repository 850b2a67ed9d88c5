package org.innograph.sparql;

import java.io.IOException;
import java.net.URLEncoder;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Iterator;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.exec.RowSet;
import org.innograph.backup.DatasetDump;
import org.innograph.backup.DumpFormat;
import org.innograph.backup.Progress;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.rdfconnection.RDFConnection;
import org.innograph.ingest.GraphNames;
import org.innograph.ingest.RdfPayload;
import org.innograph.ingest.RequestMediaType;
import org.innograph.cache.GenerationSnapshots;
import org.innograph.store.GraphStore;
import org.innograph.store.SupervisorProperties;
import org.innograph.vocabulary.SparqlFiles;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * SPARQL 1.1 Graph Store HTTP Protocol with indirect identification: {@code ?graph=IRI} or {@code ?default}.
 * The default graph is read as the union of the named graphs; PUT, POST and DELETE addressed to it act on the
 * designated named graph ({@code innograph.sparql.default-write-graph}, see {@link DefaultGraphWrites}), which
 * always exists as far as the protocol is concerned (never 201 or 404).
 */
@RestController
class GraphStoreController {

    private static final String PATH = "/sparql/data";
    private static final Var S = Var.alloc("s");
    private static final Var P = Var.alloc("p");
    private static final Var O = Var.alloc("o");

    private final GraphStore store;
    private final ResultWriter writer;
    private final SparqlProperties properties;
    private final Duration downloadTimeout;
    private final GenerationSnapshots snapshots;

    GraphStoreController(GraphStore store, ResultWriter writer, SparqlProperties properties,
                         SupervisorProperties supervision, GenerationSnapshots snapshots) {
        this.store = store;
        this.writer = writer;
        this.properties = properties;
        this.downloadTimeout = supervision.downloadTimeout();
        this.snapshots = snapshots;
    }

    /**
     * Streams the graph (or the whole dataset) as it is read, as one supervised query with the download time
     * limit: nothing is copied into memory first, whatever the size of the store.
     */
    @GetMapping(PATH)
    void get(HttpServletRequest request, HttpServletResponse response) throws IOException {
        GraphTarget target = GraphTarget.of(request);
        if (target.isWholeDataset()) {
            MediaType type = writer.negotiate(request, ResultFormat.DATASET, "an RDF dataset");
            AnswerBody body = new AnswerBody(response, type);
            try {
                DatasetDump.write(store, null, DumpFormat.named(type.toString()).orElseThrow(), body,
                        downloadTimeout, 0, Progress.NONE);
                body.finish();
            } catch (RuntimeException e) {
                throw body.failed(e);
            }
            return;
        }
        AnswerBody body = new AnswerBody(response, writer.negotiate(request, ResultFormat.GRAPH, "an RDF graph"));
        long cap = properties.maxResultTriples();
        try {
            boolean any = store.query(triplesOf(target), downloadTimeout, execution -> {
                RowSet rows = RowSet.adapt(execution.execSelect());
                if (!rows.hasNext() && !target.isDefault()) {
                    return false;
                }
                Iterator<Triple> triples = Iter.map(rows, row -> Triple.create(row.get(S), row.get(P), row.get(O)));
                writer.writeTriples(triples, PrefixMapping.Standard, cap, () -> new SparqlProtocolException(
                        HttpStatus.UNPROCESSABLE_CONTENT, "The graph has more than " + cap + " triples "
                        + "(innograph.sparql.max-result-triples), too many to gather for JSON-LD or RDF/XML: ask for "
                        + "text/turtle or application/n-triples, which stream"), body);
                return true;
            });
            if (!any) {
                throw new SparqlProtocolException(HttpStatus.NOT_FOUND, "No graph <" + target.iri() + "> in the store");
            }
            body.finish();
        } catch (RuntimeException e) {
            throw body.failed(e);
        }
    }

    @PutMapping(PATH)
    ResponseEntity<Void> put(HttpServletRequest request) {
        return writeGraph(writableTarget(request), request, true);
    }

    @PostMapping(PATH)
    ResponseEntity<Void> post(HttpServletRequest request) {
        GraphTarget target = GraphTarget.of(request);
        if (target.isWholeDataset()) {
            // GSP §5.5: a POST to the service itself creates a new graph and says where it is.
            String graph = GraphNames.GRAPH_BASE + "upload/" + UUID.randomUUID();
            Model body = ModelFactory.createModelForGraph(parseBody(request, graph));
            store.write(connection -> {
                connection.put(graph, body);
                return null;
            });
            snapshots.awaitCurrent();
            return ResponseEntity.status(HttpStatus.CREATED)
                    .header("Location", PATH + "?graph=" + URLEncoder.encode(graph, StandardCharsets.UTF_8)).build();
        }
        return writeGraph(target, request, false);
    }

    /**
     * The body into the target graph, replacing it (PUT) or added to it (POST): 204 when the graph was there
     * before, 201 when this write made it (the designated default graph always counts as there).
     */
    private ResponseEntity<Void> writeGraph(GraphTarget target, HttpServletRequest request, boolean replace) {
        String graph = graphWritten(target);
        Model body = ModelFactory.createModelForGraph(parseBody(request, graph));
        boolean existed = store.write(connection -> {
            boolean had = target.isDefault() || exists(connection, graph);
            if (replace) {
                connection.put(graph, body);
            } else {
                connection.load(graph, body);
            }
            return had;
        });
        snapshots.awaitCurrent();
        return existed ? ResponseEntity.noContent().build() : ResponseEntity.status(HttpStatus.CREATED).build();
    }

    @DeleteMapping(PATH)
    ResponseEntity<Void> delete(HttpServletRequest request) {
        GraphTarget target = writableTarget(request);
        String graph = graphWritten(target);
        boolean existed = store.write(connection -> {
            boolean had = exists(connection, graph);
            if (had) {
                connection.delete(graph);
            }
            return had;
        });
        if (!existed && !target.isDefault()) {
            throw new SparqlProtocolException(HttpStatus.NOT_FOUND, "No graph <" + graph + "> in the store");
        }
        snapshots.awaitCurrent();
        return ResponseEntity.noContent().build();
    }

    /**
     * Asked as a query so that "default" means the union, the same on every store; DISTINCT because a triple may
     * be in several graphs (it spills to disk on a large store).
     */
    private static Query triplesOf(GraphTarget target) {
        if (target.isDefault()) {
            return SparqlFiles.query("store/union-triples.rq");
        }
        return SparqlFiles.query("store/graph-triples.rq", Map.of("g", NodeFactory.createURI(target.iri())));
    }

    private static boolean exists(RDFConnection connection, String graph) {
        return connection.queryAsk(SparqlFiles.query("store/graph-exists.rq", Map.of("g", NodeFactory.createURI(graph))));
    }

    private static GraphTarget writableTarget(HttpServletRequest request) {
        GraphTarget target = GraphTarget.of(request);
        if (target.isWholeDataset()) {
            throw SparqlProtocolException.badRequest("Name the graph to write with ?graph=IRI");
        }
        return target;
    }

    /** The named graph a write goes to: the one named, or the designated one for {@code ?default}. */
    private String graphWritten(GraphTarget target) {
        return target.isDefault() ? properties.defaultWriteGraph() : target.iri();
    }

    private Graph parseBody(HttpServletRequest request, String base) {
        RequestMediaType contentType = RequestMediaType.of(request.getContentType());
        Lang lang = RdfPayload.tripleLang(contentType);
        if (lang == null) {
            throw new SparqlProtocolException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type "
                    + contentType + " is not an RDF graph syntax InnoGraph reads: use text/turtle, "
                    + "application/n-triples, application/ld+json or application/rdf+xml");
        }
        byte[] body = RequestBodies.read(request, properties.maxRequestSize());
        return RdfPayload.parseGraph(body, lang, base);
    }

    /** Which graph a request names: {@code ?graph=IRI}, {@code ?default}, or neither (the whole dataset). */
    private record GraphTarget(String iri, boolean isDefault) {

        static GraphTarget of(HttpServletRequest request) {
            String graph = OperationText.single(request, "graph");
            boolean isDefault = request.getParameter("default") != null;
            if (graph != null && isDefault) {
                throw SparqlProtocolException.badRequest("Give either ?graph=IRI or ?default, not both");
            }
            if (graph != null) {
                ProtocolDataset.requireAbsoluteIri(graph);
            }
            return new GraphTarget(graph, isDefault);
        }

        boolean isWholeDataset() {
            return iri == null && !isDefault;
        }
    }
}
