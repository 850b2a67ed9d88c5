package org.innograph.hardening;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.innograph.InnoGraphApplication;
import org.innograph.testing.Http;

/** The service as a separate JVM (embedded mode), as an operator runs it: it can be killed like one. */
final class ServerProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    final Http http;

    private ServerProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.http = Http.onPort(port);
    }

    static ServerProcess start(Path store, Path log, String... extraArguments) {
        List<String> arguments = new ArrayList<>(List.of(
                "--innograph.store.mode=embedded",
                "--innograph.store.directory=" + store,
                "--innograph.data.load-on-start=false"));
        arguments.addAll(List.of(extraArguments));
        return launch(List.of("-Xmx1g"), log, arguments);
    }

    /**
     * The service with these JVM options and these settings (each given once: Spring joins a repeated argument), plus
     * a loopback port and the test writer; returns once it reports healthy (shipped data loaded, if asked).
     */
    static ServerProcess launch(List<String> jvmOptions, Path log, List<String> arguments) {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of(
                "-cp", System.getProperty("java.class.path"), InnoGraphApplication.class.getName(),
                "--server.port=" + port,
                "--server.address=127.0.0.1",
                "--innograph.security.writer.username=" + Http.WRITER,
                "--innograph.security.writer.password=" + Http.WRITER_PASSWORD,
                "--spring.main.banner-mode=off"));
        command.addAll(arguments);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            // Should the test JVM itself be stopped (a build time-out), the server must not outlive it.
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
            ServerProcess server = new ServerProcess(process, log, port);
            server.awaitHealthy(Duration.ofSeconds(300));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    private void awaitHealthy(Duration limit) {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("server exited with " + process.exitValue() + ":\n" + logText());
            }
            try {
                if (http.get("/actuator/health", "application/json").statusCode() == 200) {
                    return;
                }
            } catch (RuntimeException e) {
                // not listening yet
            }
            sleep(200);
        }
        process.destroyForcibly();
        throw new IllegalStateException("server not healthy within " + limit + ":\n" + logText());
    }

    /** SIGKILL: no shutdown hook, no flush, no chance to finish the transaction. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
