package org.innograph.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * nginx from Debian's package as a caching reverse proxy on a random loopback port, in front of a service on
 * another: {@code proxy_cache} with {@code proxy_cache_revalidate on}, and an {@code X-Cache-Status} header that
 * says how nginx answered ({@code MISS}, {@code HIT}, {@code REVALIDATED}, {@code EXPIRED}, …). Its
 * configuration, cache and logs live in a temporary folder.
 */
public final class CachingProxy implements AutoCloseable {

    static final Path NGINX = Path.of("/usr/sbin/nginx");

    private final Process process;
    private final int port;
    private final Path directory;

    private CachingProxy(Process process, int port, Path directory) {
        this.process = process;
        this.port = port;
        this.directory = directory;
    }

    /** Skips the calling test where nginx is not installed, except under CI, which must install it. */
    public static void assumeInstalled() {
        boolean installed = Files.isExecutable(NGINX);
        if (!installed && System.getenv("CI") != null) {
            throw new IllegalStateException("CI must install Debian's nginx (.ci/run)");
        }
        Assumptions.assumeTrue(installed, "nginx tests skipped: apt-get install nginx");
    }

    public static CachingProxy inFrontOf(int upstreamPort) {
        try {
            Path directory = TemporaryDirectories.removedAtExit("innograph-nginx");
            int port = freePort();
            // As root, nginx's workers would otherwise switch to an account that cannot enter the temp folder.
            String user = "root".equals(System.getProperty("user.name")) ? "user root;\n" : "";
            Files.writeString(directory.resolve("nginx.conf"), user + """
                    daemon off;
                    worker_processes 1;
                    pid %1$s/nginx.pid;
                    error_log %1$s/error.log warn;
                    events { worker_connections 256; }
                    http {
                      access_log off;
                      client_body_temp_path %1$s/body;
                      proxy_temp_path %1$s/proxy;
                      fastcgi_temp_path %1$s/fastcgi;
                      uwsgi_temp_path %1$s/uwsgi;
                      scgi_temp_path %1$s/scgi;
                      proxy_cache_path %1$s/cache keys_zone=innograph:4m;
                      server {
                        listen 127.0.0.1:%2$d;
                        location / {
                          proxy_pass http://127.0.0.1:%3$d;
                          proxy_http_version 1.1;
                          proxy_cache innograph;
                          proxy_cache_revalidate on;
                          add_header X-Cache-Status $upstream_cache_status always;
                        }
                      }
                    }
                    """.formatted(directory, port, upstreamPort));
            Process process = new ProcessBuilder(NGINX.toString(), "-p", directory.toString(), "-e",
                    directory.resolve("error.log").toString(), "-c", directory.resolve("nginx.conf").toString())
                    .redirectErrorStream(true).redirectOutput(directory.resolve("nginx.out").toFile()).start();
            CachingProxy proxy = new CachingProxy(process, port, directory);
            proxy.awaitListening();
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Http http() {
        return Http.onPort(port);
    }

    private void awaitListening() throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("nginx stopped: " + Files.readString(directory.resolve("nginx.out"))
                        + Files.readString(directory.resolve("error.log")));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException e) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(interrupted);
                }
            }
        }
        close();
        throw new IllegalStateException("nginx did not listen on port " + port + " within 30 s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
