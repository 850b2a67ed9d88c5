package org.innograph.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
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
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.innograph.InnoGraphApplication;

/**
 * A server under test started as its own operating-system process, as it runs in production (InnoGraph, or
 * Fuseki): its output goes to a log file that failures quote, it is ready once a URL answers as asked (the time
 * from launch to that answer is what a user waits for), and it stops with a real SIGTERM (SIGKILL if it lingers) or
 * is killed outright. It never outlives the test JVM.
 */
public final class ServerProcess implements AutoCloseable {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");
    private static final Pattern RSS = Pattern.compile("VmRSS:\\s+(\\d+) kB");

    private final String name;
    private final Process process;
    private final Path log;
    private final long launched;
    private final Http http;
    private double startSeconds = Double.NaN;

    private ServerProcess(String name, Process process, Path log, long launched, Http http) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.launched = launched;
        this.http = http;
    }

    /** Launches {@code command} in the current directory, its output appended to {@code log}. */
    public static ServerProcess start(String name, List<String> command, Path log) {
        return start(name, command, null, log, null);
    }

    /** Launches {@code command} in {@code directory} (Fuseki keeps its run area there), output in name.log there. */
    public static ServerProcess startIn(Path directory, String name, List<String> command) {
        return start(name, command, directory, directory.resolve(name + ".log"), null);
    }

    /**
     * InnoGraph from the test class path, embedded or remote as {@code arguments} say (each setting given once:
     * Spring joins a repeated argument), on a loopback port with the test writer; returns once it reports healthy
     * (the shipped data loaded, if asked).
     */
    public static ServerProcess innoGraph(List<String> jvmOptions, Path log, List<String> arguments) {
        int port = freeLoopbackPort();
        List<String> command = java(jvmOptions, "-cp", System.getProperty("java.class.path"),
                InnoGraphApplication.class.getName(),
                "--server.port=" + port,
                "--server.address=127.0.0.1",
                "--innograph.security.writer.username=" + Http.WRITER,
                "--innograph.security.writer.password=" + Http.WRITER_PASSWORD,
                "--spring.main.banner-mode=off");
        command.addAll(arguments);
        ServerProcess server = start("InnoGraph", command, null, log, Http.onPort(port));
        server.awaitAnswer(URI.create(server.http.base() + "/actuator/health"), response -> response.statusCode() == 200,
                Duration.ofSeconds(300));
        return server;
    }

    private static ServerProcess start(String name, List<String> command, Path directory, Path log, Http http) {
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            long launched = System.nanoTime();
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            if (directory != null) {
                builder.directory(directory.toFile());
            }
            Process process = builder.start();
            // Should the test JVM itself be stopped (a build time-out), the server must not outlive it.
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
            return new ServerProcess(name, process, log, launched, http);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Polls {@code url} until the answer passes; the seconds from launch to the first such answer become
     * {@link #startSeconds}.
     * A server that exits or is not ready in time is stopped, and the failure quotes its log.
     */
    public void awaitAnswer(URI url, Predicate<HttpResponse<String>> ready, Duration within) {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10)).GET().build();
        long deadline = System.nanoTime() + within.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + tail());
            }
            try {
                HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
                if (ready.test(response)) {
                    if (Double.isNaN(startSeconds)) {
                        startSeconds = secondsSinceLaunch();
                    }
                    return;
                }
                last = response.statusCode() + " " + response.body();
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            // short, so that the start-up time measured is the server's, not the poll interval's
            sleep(25);
        }
        process.destroyForcibly();
        throw new IllegalStateException(name + " not ready at " + url + " within " + within.toSeconds() + " s (last: "
                + last + "):\n" + tail());
    }

    public String name() {
        return name;
    }

    /** The InnoGraph started by {@link #innoGraph}, over HTTP. */
    public Http http() {
        if (http == null) {
            throw new IllegalStateException(name + " was not started as InnoGraph: no client for it");
        }
        return http;
    }

    /** Seconds from launch to the first answer {@link #awaitAnswer} accepted. */
    public double startSeconds() {
        return startSeconds;
    }

    public double secondsSinceLaunch() {
        return (System.nanoTime() - launched) / 1e9;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The whole log, for failure messages. */
    public String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** The last lines of the log, for failure messages. */
    public String tail() {
        List<String> lines = logText().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    /** Live heap after a full collection, in MB, or -1 where the JVM cannot be attached to. */
    public double heapAfterGcMb() {
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
    public double residentMb() {
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

    /** SIGKILL: no shutdown hook, no flush, no chance to finish the transaction. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGTERM, and SIGKILL for whatever is left after a grace period; returns once the process is gone. */
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

    /** A command on this JVM's java, so that every server runs on the same JDK; the list may be added to. */
    public static List<String> java(List<String> jvmOptions, String... rest) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of(rest));
        return command;
    }

    public static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
