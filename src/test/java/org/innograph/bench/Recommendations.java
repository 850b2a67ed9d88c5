package org.innograph.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.graph.Node;
import org.apache.jena.query.ParameterizedSparqlString;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.Syntax;
import org.innograph.bench.QueryLoad.Measurement;
import org.innograph.bench.ResultTable.Goal;
import org.innograph.bench.ResultTable.Row;

/**
 * Recommendations for a region through the API and through their SPARQL face (the stored query run on
 * /sparql): the same practices must come back, and the ratio says what the API's own work is worth.
 * Runs only where the build has both.
 */
final class Recommendations {

    static final String QUERY = "recommend-practices-for-region";
    private static final Pattern PRACTICE = Pattern.compile("https://w3id\\.org/innograph/id/practice/[^\"<>\\s]+");

    private final String base;
    private final String sparql;
    private final ServerProcess innograph;
    private final QueryMix mix;
    private final QueryLoad load;

    private Recommendations(String base, String sparql, ServerProcess innograph, QueryMix mix, QueryLoad load) {
        this.base = base;
        this.sparql = sparql;
        this.innograph = innograph;
        this.mix = mix;
        this.load = load;
    }

    /** Null unless the stored query exists and the API answers for a region of the data. */
    static Recommendations find(Path root, ServerProcess innograph, QueryMix mix, QueryLoad load)
            throws IOException, InterruptedException {
        Path file = root.resolve("src/main/resources/queries/" + QUERY + ".rq");
        if (!Files.isRegularFile(file)) {
            return null;
        }
        String base = innograph.queryEndpoint().replaceFirst("/sparql$", "");
        Node region = mix.draw(QueryMix.Kind.REGION, new SplittableRandom(1));
        if (region == null || load.status(api(base, region)) != 200) {
            return null;
        }
        return new Recommendations(base, Files.readString(file, StandardCharsets.UTF_8), innograph, mix, load);
    }

    void measure(String scale, ResultTable table, Duration duration, long seed)
            throws IOException, InterruptedException {
        SplittableRandom random = new SplittableRandom(seed);
        List<HttpRequest> viaApi = new ArrayList<>();
        List<HttpRequest> viaSparql = new ArrayList<>();
        List<QueryMix.Request> sparqlRequests = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            Node region = mix.draw(QueryMix.Kind.REGION, random);
            viaApi.add(api(base, region));
            sparqlRequests.add(new QueryMix.Request(QUERY, bound(region)));
        }
        viaSparql.addAll(QueryLoad.prepare(innograph.queryEndpoint(), sparqlRequests));
        int different = 0;
        for (int i = 0; i < 20; i++) {
            if (!practices(load.fetch(viaApi.get(i))).equals(practices(load.fetch(viaSparql.get(i))))) {
                different++;
            }
        }
        table.note(scale + ": recommendations, API vs SPARQL face: " + (different == 0
                ? "same practices for 20 regions" : "DIFFERENT practices for " + different + " of 20 regions"));
        List<String> names = java.util.Collections.nCopies(viaApi.size(), QUERY);
        load.run(viaApi, names, 1, duration);
        load.run(viaSparql, names, 1, duration);
        Measurement a = load.run(viaApi, names, 1, duration);
        Measurement s = load.run(viaSparql, names, 1, duration);
        table.add(new Row(scale, "recommendations", "throughput, API vs SPARQL", "requests/s", a.throughput(),
                s.throughput(), "SPARQL face", Goal.AT_LEAST, 10, ""));
        table.add(new Row(scale, "recommendations", "p50 latency, API vs SPARQL", "ms", a.percentileMillis(50),
                s.percentileMillis(50), "SPARQL face", Goal.NONE, 0, "goal: API p50 < 20 ms at 100K"));
    }

    /** The stored query with ?region bound: in its VALUES block if it has one, else substituted. */
    private String bound(Node region) {
        Query query = QueryFactory.create(sparql, Syntax.syntaxARQ);
        String withValues = mix.bindTo(query, QueryMix.Kind.REGION, region);
        if (!withValues.equals(query.serialize())) {
            return withValues;
        }
        ParameterizedSparqlString text = new ParameterizedSparqlString(sparql);
        text.setIri("region", region.getURI());
        return text.toString();
    }

    private static HttpRequest api(String base, Node region) {
        String code = region.getURI().substring(region.getURI().lastIndexOf('/') + 1);
        return HttpRequest.newBuilder(URI.create(base + "/api/recommendations?region="
                        + URLEncoder.encode(code, StandardCharsets.UTF_8)))
                .header("Accept", "application/json").timeout(Duration.ofSeconds(60)).GET().build();
    }

    private static TreeSet<String> practices(String body) {
        TreeSet<String> found = new TreeSet<>();
        Matcher matcher = PRACTICE.matcher(body);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }
}
