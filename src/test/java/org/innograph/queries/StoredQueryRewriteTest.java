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
 * parameter combination and page, before and after writes. The store is a real TDB2 one with the shipped practices,
 * a generated graph and the hard cases the generated graph lacks ({@code stored-queries/rewrite-cases}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StoredQueryRewriteTest {

    private static final String ID = "https://w3id.org/innograph/id/";
    private static final String GRAPHS = "https://w3id.org/innograph/graph/";
    private static final String CASES_GRAPH = GRAPHS + "rewrite-cases";
    private static final List<String> CERTAINTIES = List.of("", "confirmed", "likely", "possible", "context");
    /** The API's default, a generated project, the hard cases' project (two levels, a link without certainty). */
    private static final List<String> PROJECTS = List.of(ID + "project/inno-industry", ID + "project/synthetic-3",
            ID + "project/hard-project");
    /** Rows past which a sort spills to disk here, so that the spilling sort of a large store is exercised too. */
    private static final long SMALL_SORT = 400;
    /** Up to this many rows (offset and limit) Jena sorts a page by keeping the top rows only (ARQ's top-N). */
    private static final long NEAR_PAGES = 1000;

    @TempDir
    static Path directory;

    private static EmbeddedStore store;
    private static Map<String, StoredQuery> shipped;

    @BeforeAll
    static void load() {
        Path generated = directory.resolve("generated");
        PracticeGraphGenerator.fromShippedData(Path.of(".")).generate(1200, 17, generated.resolve("synthetic.nt"));
        store = new EmbeddedStore(directory.resolve("tdb2"));
        // The shipped graphs with practices, projects and their links, each in its graph as the loader puts them.
        store.write(connection -> {
            for (String name : List.of("inno-industry", "inno-industry-inferred", "context-practices")) {
                connection.load(GRAPHS + name, "data/" + name + ".ttl");
            }
            connection.load(GRAPHS + "synthetic", generated.resolve("synthetic.nt").toString());
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
    @Order(2)
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
    @Order(3)
    void practicesByLinkCertaintyStillAnswerAsTheirReferenceAfterWrites() {
        update("""
                PREFIX ig:  <https://w3id.org/innograph/ontology#>
                PREFIX dct: <http://purl.org/dc/terms/>
                DELETE WHERE { GRAPH ?g { <%1$spractice/synthetic-8/project-link/synthetic> ig:linkCertainty ?level } } ;
                DELETE WHERE { GRAPH ?g { <%1$spractice/hard-levels> dct:title ?title } } ;
                INSERT DATA { GRAPH <%2$s> {
                  <%1$spractice/hard-twins/link-unstated> ig:linkCertainty ig:confirmed .
                  <%1$spractice/synthetic-9> dct:title "Hard case: nowhere"@en ; ig:innoLinkNote "added later"@en .
                  <%1$spractice/synthetic-10> ig:projectLink <%1$spractice/hard-levels/link-possible> .
                } }
                """.formatted(ID, CASES_GRAPH));
        assertThat(answer(reference("practices-by-link-certainty"), Map.of("project",
                new String[] {ID + "project/hard-project"}, "certainty", new String[] {"confirmed"}), 0, 0))
                .as("the write is seen").anyMatch(row -> is(row, "practice", ID + "practice/hard-twins"));
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
        sameAnswer(name, parameters, page, NEAR_PAGES);
    }

    /** The rewritten and the reference answer, equal row for row with the sort bound small and as configured. */
    private static List<Map<String, Node>> sameAnswer(String name, Map<String, String[]> parameters, long limit,
            long offset) {
        List<Map<String, Node>> expected = null;
        // Only a full sort spills; Jena keeps the top rows of a near page in memory whatever the bound.
        long[] bounds = limit == 0 || offset + limit > NEAR_PAGES ? new long[] {SMALL_SORT, EmbeddedStore.MAX_ROWS_IN_MEMORY}
                : new long[] {EmbeddedStore.MAX_ROWS_IN_MEMORY};
        for (long bound : bounds) {
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
        store.write(connection -> {
            connection.update(UpdateFactory.create(text));
            return null;
        });
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
