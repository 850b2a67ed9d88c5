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
 * The default graph is the union of the named graphs, so it can be read but not written.
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
        String graph = writableTarget(request).iri();
        Model body = ModelFactory.createModelForGraph(parseBody(request, graph));
        AtomicBoolean existed = new AtomicBoolean();
        store.write(connection -> {
            existed.set(exists(connection, graph));
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
        String graph = writableTarget(request).iri();
        Model body = ModelFactory.createModelForGraph(parseBody(request, graph));
        AtomicBoolean existed = new AtomicBoolean();
        store.write(connection -> {
            existed.set(exists(connection, graph));
            connection.load(graph, body);
        });
        return existed.get() ? ResponseEntity.noContent().build() : ResponseEntity.status(HttpStatus.CREATED).build();
    }

    @DeleteMapping(PATH)
    ResponseEntity<Void> delete(HttpServletRequest request) {
        String graph = writableTarget(request).iri();
        AtomicBoolean existed = new AtomicBoolean();
        store.write(connection -> {
            existed.set(exists(connection, graph));
            if (existed.get()) {
                connection.delete(graph);
            }
        });
        if (!existed.get()) {
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
        if (target.isDefault()) {
            throw SparqlProtocolException.badRequest("The default graph is the read-only union of all named graphs: "
                    + "write into a named graph with ?graph=IRI");
        }
        return target;
    }

    private Graph parseBody(HttpServletRequest request, String base) {
        Lang lang = RdfPayload.tripleLang(request.getContentType());
        if (lang == null) {
            throw new SparqlProtocolException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type "
                    + request.getContentType() + " is not an RDF graph syntax InnoGraph reads: use text/turtle, "
                    + "application/n-triples, application/ld+json or application/rdf+xml");
        }
        byte[] body = RequestBodies.read(request, properties.maxRequestSize());
        return RdfPayload.parseGraph(body, lang, base);
    }

    /** Which graph a request names: {@code ?graph=IRI}, {@code ?default}, or neither (the whole dataset). */
    private record GraphTarget(String iri, boolean isDefault) {

        static GraphTarget of(HttpServletRequest request) {
            String graph = request.getParameter("graph");
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
