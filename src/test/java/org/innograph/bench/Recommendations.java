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
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.core.Var;
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
    private final SparqlServer innograph;
    private final QueryMix mix;
    private final QueryLoad load;

    private Recommendations(String base, String sparql, SparqlServer innograph, QueryMix mix, QueryLoad load) {
        this.base = base;
        this.sparql = sparql;
        this.innograph = innograph;
        this.mix = mix;
        this.load = load;
    }

    /** Null unless the stored query exists and the API answers for a region of the data. */
    static Recommendations find(Path root, SparqlServer innograph, QueryMix mix, QueryLoad load)
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
        // The API gives the best few; the SPARQL face ranks them all: the API's must be its top ones.
        int different = 0;
        int compared = 0;
        try {
            for (; compared < 20; compared++) {
                List<String> api = practices(load.fetch(viaApi.get(compared)));
                List<String> sparqlTop = practices(load.fetch(viaSparql.get(compared)));
                sparqlTop = sparqlTop.subList(0, Math.min(api.size(), sparqlTop.size()));
                if (!new TreeSet<>(api).equals(new TreeSet<>(sparqlTop))) {
                    different++;
                }
            }
        } catch (IOException e) {
            // e.g. the SPARQL face running into the service's query time limit at a large scale
            table.note(scale + ": recommendations compared for " + compared + " regions, then: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
        table.note(scale + ": recommendations, API vs SPARQL face: " + (different == 0
                ? "same practices for " + compared + " regions"
                : "DIFFERENT practices for " + different + " of " + compared + " regions"));
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

    /** The stored query with ?region bound as the API binds it: a VALUES block before its pattern. */
    private String bound(Node region) {
        // The first page, as the stored-query API asks for it (page size 10, and one row more).
        var query = QueryFactory.create(QueryMix.withValue(QueryFactory.create(sparql, Syntax.syntaxARQ),
                Var.alloc("region"), region), Syntax.syntaxARQ);
        query.setLimit(11);
        return query.serialize();
    }

    private static HttpRequest api(String base, Node region) {
        String code = region.getURI().substring(region.getURI().lastIndexOf('/') + 1);
        return HttpRequest.newBuilder(URI.create(base + "/api/recommendations?region="
                        + URLEncoder.encode(code, StandardCharsets.UTF_8)))
                .header("Accept", "application/json").timeout(Duration.ofSeconds(60)).GET().build();
    }

    /** The practices a response names, in order of first mention. */
    private static List<String> practices(String body) {
        java.util.LinkedHashSet<String> found = new java.util.LinkedHashSet<>();
        Matcher matcher = PRACTICE.matcher(body);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return new ArrayList<>(found);
    }
}
