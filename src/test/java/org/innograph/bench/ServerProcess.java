package org.innograph.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server under test, started as its own JVM: InnoGraph or Fuseki. Start-up is timed from launching the
 * process to the first correct answer, which is what a user waits for.
 */
final class ServerProcess implements AutoCloseable {

    static final String FIRST_ANSWER_QUERY = "ASK { ?p a <https://w3id.org/innograph/ontology#GoodPractice> }";
    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");
    private static final Pattern RSS = Pattern.compile("VmRSS:\\s+(\\d+) kB");

    private final String name;
    private final Process process;
    private final String queryEndpoint;
    private final double startSeconds;

    private ServerProcess(String name, Process process, String queryEndpoint, double startSeconds) {
        this.name = name;
        this.process = process;
        this.queryEndpoint = queryEndpoint;
        this.startSeconds = startSeconds;
    }

    /**
     * Launches {@code command} and waits until {@code queryEndpoint} answers {@link #FIRST_ANSWER_QUERY} with
     * true (the data is there, not only the port).
     */
    static ServerProcess start(String name, List<String> command, String queryEndpoint, Path log, Duration timeout) {
        try {
            Files.createDirectories(log.getParent());
            long start = System.nanoTime();
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            HttpRequest ask = HttpRequest.newBuilder(URI.create(queryEndpoint + "?query="
                    + URLEncoder.encode(FIRST_ANSWER_QUERY, StandardCharsets.UTF_8)))
                    .header("Accept", "application/sparql-results+json").timeout(Duration.ofSeconds(10)).build();
            long deadline = start + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
                }
                try {
                    HttpResponse<String> response = client.send(ask, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200 && response.body().contains("true")) {
                        return new ServerProcess(name, process, queryEndpoint, (System.nanoTime() - start) / 1e9);
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                Thread.sleep(25);
            }
            process.destroyForcibly();
            throw new IllegalStateException(name + " gave no answer within " + timeout + "; see " + log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String name() {
        return name;
    }

    String queryEndpoint() {
        return queryEndpoint;
    }

    double startSeconds() {
        return startSeconds;
    }

    /** Live heap after a full collection, in MB, or -1 where the JVM cannot be attached to. */
    double heapAfterGcMb() {
        String pid = Long.toString(process.pid());
        if (run(List.of("jcmd", pid, "GC.run")) == null) {
            return -1;
        }
        String info = run(List.of("jcmd", pid, "GC.heap_info"));
        if (info == null) {
            return -1;
        }
        Matcher used = HEAP_USED.matcher(info);
        return used.find() ? Long.parseLong(used.group(1)) / 1024.0 : -1;
    }

    /** Resident memory of the process (heap, memory-mapped TDB2 pages in use, code), in MB. */
    double residentMb() {
        try {
            Matcher rss = RSS.matcher(Files.readString(Path.of("/proc", Long.toString(process.pid()), "status")));
            return rss.find() ? Long.parseLong(rss.group(1)) / 1024.0 : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    private static String run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The same JVM settings for every server, so neither wins on heap size or collector. */
    static List<String> java(List<String> jvmOptions, String... rest) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of(rest));
        return command;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
