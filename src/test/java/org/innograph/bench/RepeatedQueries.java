package org.innograph.bench;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.innograph.bench.QueryLoad.Measurement;
import org.innograph.bench.ResultTable.Goal;

/**
 * The same few requests over and over, as a dashboard, a shared notebook or a class of students send them:
 * InnoGraph with its answer cache on (the default) against Fuseki, which evaluates every request. The requests
 * are drawn from the stored-query mix; each server's answers are compared with the other's first, the second
 * InnoGraph answer (a kept one) included.
 */
final class RepeatedQueries {

    /** Distinct requests in the mix: a busy page's worth, far below the cache's default bounds. */
    static final int DISTINCT = 40;

    private RepeatedQueries() {
    }

    static void measure(String scale, QueryMix mix, SparqlServer innograph, SparqlServer fuseki, QueryLoad load,
                        ResultTable table, long seed, List<Integer> clients, Duration warmup, Duration half)
            throws IOException, InterruptedException {
        List<QueryMix.Request> requests = mix.requests(seed + 7, DISTINCT);
        List<HttpRequest> toInnograph = QueryLoad.prepare(innograph.queryEndpoint(), requests);
        List<HttpRequest> toFuseki = QueryLoad.prepare(fuseki.queryEndpoint(), requests);
        List<String> names = requests.stream().map(QueryMix.Request::name).toList();
        List<String> different = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            List<String> evaluated = Answers.rows(load.fetch(toInnograph.get(i)));
            List<String> kept = Answers.rows(load.fetch(toInnograph.get(i)));
            List<String> reference = Answers.rows(load.fetch(toFuseki.get(i)));
            if (!evaluated.equals(reference) || !kept.equals(reference)) {
                different.add(names.get(i));
            }
        }
        table.note(scale + ": repeated queries (" + requests.size() + " distinct requests of the stored-query mix, "
                + "answer cache on): answers " + (different.isEmpty() ? "all the same as Fuseki's, kept ones included"
                : "DIFFERENT for " + different));
        for (int c : clients) {
            Measurement[] measured = load.sideBySide(toInnograph, toFuseki, names, c, warmup, half);
            Measurement a = measured[0];
            Measurement b = measured[1];
            String section = "repeated queries, " + c + (c == 1 ? " client" : " clients");
            table.addLoadAgainstFuseki(scale, section, a, b, 10, Goal.NONE, 0);
        }
    }
}
