package org.innograph.queries;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ResultSet;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.update.UpdateFactory;
import org.innograph.bench.PracticeGraphGenerator;
import org.innograph.ingest.ShippedDataLoader;
import org.innograph.store.EmbeddedStore;
import org.innograph.vocabulary.SparqlFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stored queries rewritten for speed answer exactly as the formulation they replaced, kept under
 * {@code src/test/resources/stored-queries/reference-queries}: the same rows with the same terms and datatypes, in
 * the same order, ties included as Jena's sort leaves them on TDB2 (also when the sort spills to disk), for every
 * parameter combination and page, before and after writes. The store is a real TDB2 one with the shipped data, a
 * generated graph and the hard cases the generated graph lacks ({@code stored-queries/rewrite-cases}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StoredQueryRewriteTest {

    private static final String ID = "https://w3id.org/innograph/id/";
    private static final String CASES_GRAPH = "https://w3id.org/innograph/graph/rewrite-cases";
    private static final List<String> CERTAINTIES = List.of("", "confirmed", "likely", "possible", "context");
    /** The API's default, a generated project, the hard cases' project (levels, a link without certainty), none. */
    private static final List<String> PROJECTS = List.of(ID + "project/inno-industry", ID + "project/synthetic-3",
            ID + "project/hard-project", ID + "project/no-such-project");
    /** Rows past which a sort spills to disk here, so that the spilling sort of a large store is exercised too. */
    private static final long SMALL_SORT = 400;

    @TempDir
    static Path directory;

    private static EmbeddedStore store;
    private static Map<String, StoredQuery> shipped;

    @BeforeAll
    static void load() {
        Path generated = directory.resolve("generated");
        PracticeGraphGenerator.fromShippedData(Path.of(".")).generate(1500, 17, generated.resolve("synthetic.nt"));
        store = new EmbeddedStore(directory.resolve("tdb2"));
        new ShippedDataLoader(store, List.of(Path.of("ontology"), Path.of("data"), generated)).synchronise();
        store.write(connection -> {
            connection.load(CASES_GRAPH, "src/test/resources/stored-queries/rewrite-cases/hard-cases.ttl");
            return null;
        });
        shipped = new QueryCatalogue(new QueriesProperties(null, 10_000, 100)).contents().queries();
    }

    @AfterAll
    static void close() {
        if (store != null) {
            store.close();
        }
    }

    @Test
    @Order(1)
    void learningFlowsAnswerAsTheirReference() {
        everyPage("learning-flows", Map.of());
        List<Map<String, Node>> reference = sameAnswer("learning-flows", Map.of(), 0, 0);
        // The hard cases are in the answer: a practice in two most specific regions, a partner without one, a link
        // without certainty.
        assertThat(reference).anyMatch(row -> is(row, "practice", ID + "practice/hard-levels")
                && is(row, "practiceRegion", "http://data.europa.eu/nuts/code/AT31"));
        assertThat(reference).anyMatch(row -> is(row, "practice", ID + "practice/hard-levels")
                && is(row, "practiceRegion", "http://data.europa.eu/nuts/code/AT123"));
        assertThat(reference).anyMatch(row -> is(row, "partner", ID + "organisation/hard-partner-nowhere")
                && row.get("learnerRegion") == null);
        assertThat(reference).anyMatch(row -> is(row, "practice", ID + "practice/hard-twins")
                && row.get("certainty") == null);
        assertThat(reference.size()).as("a sort past the small bound").isGreaterThan((int) SMALL_SORT);
    }

    @Test
    @Order(2)
    void practicesByLinkCertaintyAnswerAsTheirReferenceForEveryCertaintyProjectAndPage() {
        for (String certainty : CERTAINTIES) {
            for (String project : PROJECTS) {
                Map<String, String[]> parameters = new LinkedHashMap<>();
                parameters.put("project", new String[] {project});
                if (!certainty.isEmpty()) {
                    parameters.put("certainty", new String[] {certainty});
                }
                everyPage("practices-by-link-certainty", parameters);
            }
        }
        // The hard cases are in the answer: a practice linked twice at two levels, a link without certainty as context.
        List<Map<String, Node>> hard = answer(reference("practices-by-link-certainty"),
                Map.of("project", new String[] {ID + "project/hard-project"}), 0, 0);
        assertThat(hard).filteredOn(row -> is(row, "practice", ID + "practice/hard-levels")).hasSize(2);
        assertThat(hard).anyMatch(row -> is(row, "practice", ID + "practice/hard-twins")
                && row.get("certainty").getLiteralLexicalForm().equals("context"));
    }

    /**
     * Without the project, as a SPARQL client may send it (the API always binds its default): the query falls back
     * to INNO INDUSTRY itself.
     */
    @Test
    @Order(3)
    void practicesByLinkCertaintyAnswerAsTheirReferenceWithoutAProject() {
        for (String certainty : CERTAINTIES) {
            Map<Var, List<Node>> values = certainty.isEmpty() ? Map.of()
                    : Map.of(Var.alloc("certainty"), List.of(NodeFactory.createLiteralString(certainty)));
            for (long[] window : new long[][] {{0, 0}, {51, 0}, {51, 50}}) {
                Query expected = SparqlFiles.withValues(QueryFactory.create(reference("practices-by-link-certainty")
                        .query()), values);
                Query actual = SparqlFiles.withValues(QueryFactory.create(shipped.get("practices-by-link-certainty")
                        .query()), values);
                for (long bound : new long[] {SMALL_SORT, EmbeddedStore.MAX_ROWS_IN_MEMORY}) {
                    sortBound(bound);
                    assertThat(rows(windowed(actual, window[0], window[1])))
                            .as("certainty '%s', no project, LIMIT %d OFFSET %d, sort bound %d", certainty, window[0],
                                    window[1], bound)
                            .containsExactlyElementsOf(rows(windowed(expected, window[0], window[1])));
                }
            }
        }
    }

    @Test
    @Order(4)
    void bothStillAnswerAsTheirReferencesAfterWrites() {
        update("""
                PREFIX ig:  <https://w3id.org/innograph/ontology#>
                PREFIX dct: <http://purl.org/dc/terms/>
                PREFIX nuts: <http://data.europa.eu/nuts/code/>
                DELETE WHERE { GRAPH ?g { <%1$spractice/hard-levels> dct:spatial nuts:AT123 } } ;
                DELETE WHERE { GRAPH ?g { <%1$spractice/synthetic-7> dct:spatial ?place } } ;
                DELETE WHERE { GRAPH ?g { <%1$spractice/synthetic-8/project-link/synthetic> ig:linkCertainty ?level } } ;
                INSERT DATA { GRAPH <%2$s> {
                  <%1$spractice/hard-levels> dct:spatial nuts:AT12 .
                  <%1$spractice/hard-twins/link-unstated> ig:linkCertainty ig:confirmed .
                  <%1$spractice/synthetic-9> dct:spatial nuts:SE , nuts:SE1 ; dct:title "Hard case: nowhere"@en .
                  <%1$saction/hard-5> a ig:Action ; ig:inspiredBy <%1$spractice/synthetic-7> , <%1$spractice/synthetic-9> .
                  <%1$saction-plan/hard-no-partner> ig:hasAction <%1$saction/hard-5> .
                } }
                """.formatted(ID, CASES_GRAPH));
        everyPage("learning-flows", Map.of());
        List<Map<String, Node>> flows = sameAnswer("learning-flows", Map.of(), 0, 0);
        assertThat(flows).anyMatch(row -> is(row, "practice", ID + "practice/hard-levels")
                && is(row, "practiceRegion", "http://data.europa.eu/nuts/code/AT12"));
        for (String certainty : CERTAINTIES) {
            Map<String, String[]> parameters = new LinkedHashMap<>();
            parameters.put("project", new String[] {ID + "project/hard-project"});
            if (!certainty.isEmpty()) {
                parameters.put("certainty", new String[] {certainty});
            }
            everyPage("practices-by-link-certainty", parameters);
            parameters.put("project", new String[] {ID + "project/synthetic-0"});
            everyPage("practices-by-link-certainty", parameters);
        }
    }

    /**
     * The whole answer, the first and second page as the API asks them (its page size, and one row more), and a page
     * far enough for Jena to sort everything rather than keep the top rows.
     */
    private static void everyPage(String name, Map<String, String[]> parameters) {
        Integer size = shipped.get(name).pageSize();
        long page = (size != null ? size : 100) + 1L;
        sameAnswer(name, parameters, 0, 0);
        sameAnswer(name, parameters, page, 0);
        sameAnswer(name, parameters, page, page - 1);
        sameAnswer(name, parameters, page, 1200);
    }

    /** The rewritten and the reference answer, equal row for row with the sort bound small and as configured. */
    private static List<Map<String, Node>> sameAnswer(String name, Map<String, String[]> parameters, long limit,
            long offset) {
        List<Map<String, Node>> expected = null;
        for (long bound : new long[] {SMALL_SORT, EmbeddedStore.MAX_ROWS_IN_MEMORY}) {
            sortBound(bound);
            expected = answer(reference(name), parameters, limit, offset);
            assertThat(answer(shipped.get(name), parameters, limit, offset))
                    .as("%s %s, LIMIT %d OFFSET %d, sort bound %d", name, describe(parameters), limit, offset, bound)
                    .containsExactlyElementsOf(expected);
        }
        return expected;
    }

    private static List<Map<String, Node>> answer(StoredQuery query, Map<String, String[]> parameters, long limit,
            long offset) {
        return rows(windowed(query.bind(parameters), limit, offset));
    }

    /** As the stored-query API cuts a page: LIMIT page size + 1, OFFSET; 0 for the whole answer. */
    private static Query windowed(Query query, long limit, long offset) {
        if (limit > 0) {
            query.setLimit(limit);
            query.setOffset(offset);
        }
        return query;
    }

    private static List<Map<String, Node>> rows(Query query) {
        return store.query(query, Duration.ofMinutes(2), execution -> {
            List<Map<String, Node>> rows = new ArrayList<>();
            ResultSet results = execution.execSelect();
            while (results.hasNext()) {
                Binding binding = results.nextBinding();
                Map<String, Node> row = new LinkedHashMap<>();
                for (String var : results.getResultVars()) {
                    row.put(var, binding.get(var));
                }
                rows.add(row);
            }
            return rows;
        });
    }

    /** Where Jena's sort spills to disk: the store's bound, or a small one to make this store's sorts spill. */
    private static void sortBound(long rows) {
        store.dataset().getContext().set(ARQ.spillToDiskThreshold, rows);
    }

    private static StoredQuery reference(String name) {
        Path file = Path.of("src/test/resources/stored-queries/reference-queries", name + ".rq");
        try {
            return QueryFileReader.read(name, file.toString(), Files.readString(file, StandardCharsets.UTF_8),
                    "shipped");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void update(String text) {
        store.update(UpdateFactory.create(text), Duration.ofMinutes(1));
    }

    private static boolean is(Map<String, Node> row, String var, String iri) {
        return Objects.equals(row.get(var), NodeFactory.createURI(iri));
    }

    private static String describe(Map<String, String[]> parameters) {
        StringBuilder text = new StringBuilder();
        parameters.forEach((name, values) -> text.append(name).append('=').append(String.join(",", values)).append(' '));
        return text.toString().strip();
    }
}
