package org.innograph.sparql;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.ParameterizedSparqlString;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.innograph.ingest.GraphNames;
import org.innograph.ingest.RdfPayload;
import org.innograph.ingest.RequestMediaType;
import org.innograph.store.GraphStore;
import org.springframework.http.HttpStatus;
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

    private final GraphStore store;
    private final ResultWriter writer;
    private final SparqlProperties properties;

    GraphStoreController(GraphStore store, ResultWriter writer, SparqlProperties properties) {
        this.store = store;
        this.writer = writer;
        this.properties = properties;
    }

    @GetMapping(PATH)
    void get(HttpServletRequest request, HttpServletResponse response) throws IOException {
        GraphTarget target = GraphTarget.of(request);
        if (target.isWholeDataset()) {
            writer.writeDataset(store.read(GraphStoreController::copyOfDataset), request, response);
            return;
        }
        Model graph = store.read(connection -> read(connection, target));
        if (!target.isDefault() && graph.isEmpty()) {
            throw new SparqlProtocolException(HttpStatus.NOT_FOUND, "No graph <" + target.iri() + "> in the store");
        }
        writer.writeGraph(graph, request, response);
    }

    @PutMapping(PATH)
    ResponseEntity<Void> put(HttpServletRequest request) {
        GraphTarget target = writableTarget(request);
        String graph = graphWritten(target);
        Model body = ModelFactory.createModelForGraph(parseBody(request, graph));
        AtomicBoolean existed = new AtomicBoolean(target.isDefault());
        store.write(connection -> {
            existed.compareAndSet(false, exists(connection, graph));
            connection.put(graph, body);
        });
        return existed.get() ? ResponseEntity.noContent().build() : ResponseEntity.status(HttpStatus.CREATED).build();
    }

    @PostMapping(PATH)
    ResponseEntity<Void> post(HttpServletRequest request) {
        GraphTarget target = GraphTarget.of(request);
        if (target.isWholeDataset()) {
            // GSP §5.5: a POST to the service itself creates a new graph and says where it is.
            String graph = GraphNames.GRAPH_BASE + "upload/" + UUID.randomUUID();
            Model body = ModelFactory.createModelForGraph(parseBody(request, graph));
            store.write(connection -> connection.put(graph, body));
            return ResponseEntity.status(HttpStatus.CREATED)
                    .header("Location", PATH + "?graph=" + URLEncoder.encode(graph, StandardCharsets.UTF_8)).build();
        }
        String graph = graphWritten(target);
        Model body = ModelFactory.createModelForGraph(parseBody(request, graph));
        AtomicBoolean existed = new AtomicBoolean(target.isDefault());
        store.write(connection -> {
            existed.compareAndSet(false, exists(connection, graph));
            connection.load(graph, body);
        });
        return existed.get() ? ResponseEntity.noContent().build() : ResponseEntity.status(HttpStatus.CREATED).build();
    }

    @DeleteMapping(PATH)
    ResponseEntity<Void> delete(HttpServletRequest request) {
        GraphTarget target = writableTarget(request);
        String graph = graphWritten(target);
        AtomicBoolean existed = new AtomicBoolean();
        store.write(connection -> {
            existed.set(exists(connection, graph));
            if (existed.get()) {
                connection.delete(graph);
            }
        });
        if (!existed.get() && !target.isDefault()) {
            throw new SparqlProtocolException(HttpStatus.NOT_FOUND, "No graph <" + graph + "> in the store");
        }
        return ResponseEntity.noContent().build();
    }

    /**
     * A copy, because the embedded store's dataset must not be read after its transaction ends. Asked as a
     * query: a Graph Store request for the whole dataset is not part of SPARQL 1.1, and Jena's remote
     * connection refuses it without a dataset URL, so the remote mode answered 500.
     */
    private static DatasetGraph copyOfDataset(RDFConnection connection) {
        DatasetGraph copy = DatasetGraphFactory.create();
        try (QueryExecution execution = connection.query("SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }")) {
            execution.execSelect().forEachRemaining(row -> copy.add(row.get("g").asNode(), row.get("s").asNode(),
                    row.get("p").asNode(), row.get("o").asNode()));
        }
        return copy;
    }

    private static Model read(RDFConnection connection, GraphTarget target) {
        // Asked as a query so that "default" means the union, the same on every store.
        String query = target.isDefault() ? "CONSTRUCT WHERE { ?s ?p ?o }"
                : "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }";
        ParameterizedSparqlString construct = new ParameterizedSparqlString(query);
        if (!target.isDefault()) {
            construct.setIri("g", target.iri());
        }
        return connection.queryConstruct(construct.asQuery());
    }

    private static boolean exists(RDFConnection connection, String graph) {
        ParameterizedSparqlString ask = new ParameterizedSparqlString("ASK { GRAPH ?g { ?s ?p ?o } }");
        ask.setIri("g", graph);
        return connection.queryAsk(ask.asQuery());
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
