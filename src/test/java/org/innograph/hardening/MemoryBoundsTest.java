package org.innograph.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.innograph.testing.Http;
import org.junit.jupiter.api.Test;

/**
 * The memory bounds, each reached on purpose: the triple cap, the bound on groups, sorts that spill to disk
 * and still sort right, REPLACE stopped by the time limit, and an answer that fails after it started to
 * stream, which the client must see as a failed transfer, never as a complete shorter answer.
 */
class MemoryBoundsTest extends HardenedServer {

    /** More values than {@code innograph.store.max-rows-in-memory} (2000 here). */
    static final String VALUES = IntStream.rangeClosed(1, 5000).mapToObj(Integer::toString)
            .collect(Collectors.joining(" "));

    @Test
    void aConstructAnswerOverTheTripleCapIs422NamingTheSetting() {
        String construct = "CONSTRUCT { ?a <urn:x:next> ?d } WHERE { VALUES ?n { " + VALUES + " } "
                + "BIND(IRI(CONCAT(\"urn:x:\", STR(?n))) AS ?a) BIND(IRI(CONCAT(\"urn:y:\", STR(?n))) AS ?d) }";
        HttpResponse<String> response = query(construct, "text/turtle");
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains("more than 1000 triples").contains("innograph.sparql.max-result-triples");

        HttpResponse<String> within = query(construct.replace(VALUES, "1 2 3"), "application/n-triples");
        assertThat(within.statusCode()).as(within.body()).isEqualTo(200);
        assertThat(parse(within.body(), Lang.NTRIPLES).size()).isEqualTo(3);
    }

    @Test
    void aGroupingWithMoreGroupsThanTheBoundIs422AndOneWithinItCountsRight() {
        HttpResponse<String> refused = query("SELECT ?n (COUNT(*) AS ?c) WHERE { VALUES ?n { " + VALUES
                + " } } GROUP BY ?n", "text/csv");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("more than 2000 groups").contains("innograph.store.max-rows-in-memory");

        HttpResponse<String> counted = query("SELECT ?even (COUNT(*) AS ?c) WHERE { VALUES ?n { " + VALUES
                + " } BIND(?n - 2 * FLOOR(?n / 2) = 0 AS ?even) } GROUP BY ?even ORDER BY ?even", "text/csv");
        assertThat(counted.statusCode()).as(counted.body()).isEqualTo(200);
        assertThat(counted.body()).isEqualTo("even,c\r\nfalse,2500\r\ntrue,2500\r\n");
    }

    /**
     * 5000 rows, past the spill threshold and past the top-N shortcut (offset + limit over 1000): a real sort;
     * and 2500 distinct values, past the threshold too.
     */
    @Test
    void aSortLargerThanMemorySpillsAndStillSortsRight() {
        HttpResponse<String> sorted = query("SELECT ?n WHERE { VALUES ?n { " + VALUES + " } } ORDER BY DESC(?n) "
                + "OFFSET 4000 LIMIT 3", "text/csv");
        assertThat(sorted.statusCode()).as(sorted.body()).isEqualTo(200);
        assertThat(sorted.body()).isEqualTo("n\r\n1000\r\n999\r\n998\r\n");

        String twice = IntStream.rangeClosed(1, 2500).mapToObj(Integer::toString).collect(Collectors.joining(" "));
        HttpResponse<String> distinct = query("SELECT (COUNT(*) AS ?c) WHERE { SELECT DISTINCT ?n WHERE { VALUES ?n { "
                + twice + " " + twice + " } } }", "text/csv");
        assertThat(distinct.body()).isEqualTo("c\r\n2500\r\n");
    }

    /** {@code (.*a){12}c} over 40 characters backtracks for hours (24 take 6 s); the time limit (3 s) must stop it. */
    @Test
    void replaceWithCatastrophicBacktrackingIsStoppedByTheTimeLimit() {
        long start = System.nanoTime();
        HttpResponse<String> response = query("SELECT ?r WHERE { VALUES ?n { 1 } BIND(REPLACE(CONCAT(\""
                + "a".repeat(40) + "\", STR(?n)), \"(.*a){12}c\", \"x\") AS ?r) }", "text/csv");
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains("time limit");
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(30);

        HttpResponse<String> replaced = query("SELECT ?r WHERE { VALUES ?t { \"policy\"@en } "
                + "BIND(REPLACE(?t, \"(o)(l)\", \"$2$1\") AS ?r) }", "text/csv");
        assertThat(replaced.body()).isEqualTo("r\r\nploicy\r\n");
    }

    /**
     * 1001 rows of 3 KB each: past the 2 MB held back before the 200, the row cap is reached only once the
     * answer streams. The transfer is cut off, so the client cannot take it for a complete answer.
     */
    @Test
    void anAnswerThatFailsAfterItStartedStreamingIsCutOffNotCompleted() {
        assertThatThrownBy(() -> query(wideRows(1001), "text/csv")).isInstanceOf(UncheckedIOException.class);

        HttpResponse<String> within = query(wideRows(600), "text/csv");
        assertThat(within.statusCode()).isEqualTo(200);
        assertThat(within.body().lines().count()).isEqualTo(601);
    }

    @Test
    void describeStreamsTheResourcesTriples() {
        HttpResponse<String> described = query("DESCRIBE ?p WHERE { ?p a <https://w3id.org/innograph/ontology#GoodPractice> }",
                "application/n-triples");
        assertThat(described.statusCode()).as(described.body()).isEqualTo(200);
        HttpResponse<String> constructed = query("CONSTRUCT { ?p ?q ?o } WHERE { ?p a "
                + "<https://w3id.org/innograph/ontology#GoodPractice> ; ?q ?o }", "application/n-triples");
        Model expected = parse(constructed.body(), Lang.NTRIPLES);
        assertThat(expected.size()).isPositive();
        assertThat(parse(described.body(), Lang.NTRIPLES).isIsomorphicWith(expected)).isTrue();
    }

    private static String wideRows(int rows) {
        return "SELECT ?n ?text WHERE { VALUES ?n { " + IntStream.rangeClosed(1, rows).mapToObj(Integer::toString)
                .collect(Collectors.joining(" ")) + " } BIND(CONCAT(STR(?n), \"" + "x".repeat(3000) + "\") AS ?text) }";
    }

    private HttpResponse<String> query(String sparql, String accept) {
        return http.send(http.request("/sparql").header("Content-Type", "application/sparql-query")
                .header("Accept", accept).POST(HttpRequest.BodyPublishers.ofString(sparql)));
    }

    private static Model parse(String text, Lang lang) {
        Model model = ModelFactory.createDefaultModel();
        RDFParser.fromString(text, lang).parse(model);
        return model;
    }
}
