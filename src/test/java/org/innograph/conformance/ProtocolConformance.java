package org.innograph.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.innograph.conformance.Requirement.Outcome;
import org.innograph.conformance.Requirement.Verdict;

/**
 * A black-box check of a server against the W3C SPARQL 1.1 Protocol and Graph Store HTTP Protocol, written from
 * the text of the two specifications: every MUST and SHOULD a client can observe, one check each, named after
 * its section. It speaks plain HTTP to three URLs and works against any server.
 *
 * <pre>
 * bench/conformance --base=http://localhost:8080 [--user=U --password=P] [--out=report.md]
 * bench/conformance --query=URL --update=URL --gsp=URL [...]
 * bench/conformance --fuseki=http://localhost:3030/ds [...]
 * </pre>
 *
 * Exit status 0 when no MUST failed, 1 otherwise.
 */
public final class ProtocolConformance {

    /** What one requirement came to on one server. */
    public record Result(String id, String section, String level, String text, Verdict verdict, String detail,
            long millis) {
    }

    private ProtocolConformance() {
    }

    static List<Requirement> requirements() {
        List<Requirement> all = new ArrayList<>(ProtocolChecks.all());
        all.addAll(UpdateChecks.all());
        all.addAll(GraphStoreChecks.all());
        return all;
    }

    /** Runs every check against the server and takes back what the checks wrote. */
    public static List<Result> run(String queryUrl, String updateUrl, String gspUrl, String user, String password) {
        Fixture fixture = new Fixture(new Endpoints(queryUrl, updateUrl, gspUrl, user, password));
        List<Result> results = new ArrayList<>();
        try {
            fixture.setUp();
            for (Requirement requirement : requirements()) {
                Outcome outcome;
                long start = System.nanoTime();
                try {
                    outcome = requirement.check().run(fixture);
                } catch (RuntimeException e) {
                    outcome = Outcome.fail("the check could not run: " + e);
                }
                results.add(new Result(requirement.id(), requirement.section(), requirement.level().name(),
                        requirement.text(), outcome.verdict(), outcome.detail(),
                        (System.nanoTime() - start) / 1_000_000));
            }
        } finally {
            fixture.cleanUp();
        }
        return results;
    }

    /** The table, as Markdown: one row per requirement, then the counts. */
    public static String markdown(String title, List<Result> results) {
        StringBuilder table = new StringBuilder("### ").append(title).append("\n\n")
                .append("| id | spec | level | requirement | result | detail | ms |\n|---|---|---|---|---|---|---:|\n");
        for (Result result : results) {
            String spec = (result.id().startsWith("G-") ? "GSP " : "Protocol ") + result.section();
            table.append("| ").append(result.id()).append(" | ").append(spec).append(" | ").append(result.level())
                    .append(" | ").append(cell(result.text())).append(" | ").append(label(result.verdict()))
                    .append(" | ").append(cell(result.detail())).append(" | ").append(result.millis()).append(" |\n");
        }
        table.append('\n').append(counts(results)).append('\n');
        return table.toString();
    }

    public static String counts(List<Result> results) {
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        results.forEach(result -> counts.merge(result.verdict(), 1, Integer::sum));
        long mustFailures = mustFailures(results).size();
        return results.size() + " requirements: " + counts.getOrDefault(Verdict.PASS, 0) + " pass, "
                + counts.getOrDefault(Verdict.FAIL, 0) + " fail (" + mustFailures + " of them MUST), "
                + counts.getOrDefault(Verdict.NOT_APPLICABLE, 0) + " not applicable";
    }

    public static List<Result> failures(List<Result> results) {
        return results.stream().filter(result -> result.verdict() == Verdict.FAIL).toList();
    }

    public static List<Result> mustFailures(List<Result> results) {
        return failures(results).stream().filter(result -> result.level().equals("MUST")).toList();
    }

    private static String label(Verdict verdict) {
        return switch (verdict) {
            case PASS -> "pass";
            case FAIL -> "**FAIL**";
            case NOT_APPLICABLE -> "n/a";
        };
    }

    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = new java.util.HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                System.err.println("Usage: --base=URL (InnoGraph layout) | --fuseki=DATASET_URL | --query=URL "
                        + "--update=URL --gsp=URL; optional --user= --password= --out=FILE.md --title=TEXT");
                System.exit(2);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        String user = options.get("user");
        String password = options.get("password");
        Endpoints endpoints;
        if (options.containsKey("base")) {
            endpoints = Endpoints.innoGraph(trim(options.get("base")), user, password);
        } else if (options.containsKey("fuseki")) {
            endpoints = Endpoints.fuseki(trim(options.get("fuseki")), user, password);
        } else {
            endpoints = new Endpoints(options.get("query"), options.get("update"), options.get("gsp"), user, password);
        }
        List<Result> results = run(endpoints.query(), endpoints.update(), endpoints.graphStore(), user, password);
        String title = options.getOrDefault("title", "SPARQL 1.1 Protocol and Graph Store Protocol: "
                + endpoints.query());
        String table = markdown(title, results);
        System.out.println(table);
        Path out = Path.of(options.getOrDefault("out", "target/conformance/report.md"));
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        Files.writeString(out, table);
        System.out.println("Written to " + out);
        System.exit(mustFailures(results).isEmpty() ? 0 : 1);
    }

    private static String trim(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
