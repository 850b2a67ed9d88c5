package org.innograph.hardening;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * One request of the fuzzer, as the exact bytes that go on the wire (so that framing can be wrong too), sent
 * over a plain socket with {@code Connection: close}.
 *
 * @param kind     what sort of request, for the counts
 * @param summary  what was done to it, for a report
 * @param bytes    the request
 * @param write    whether it asks to change the store (update, Graph Store write, or framing aimed at them)
 * @param cutShort whether the client stops sending after these bytes (a body cut short): half-closes and
 *                 only then reads
 */
record FuzzCase(String kind, String summary, byte[] bytes, boolean write, boolean cutShort) {

    static final String GOOD_CREDENTIALS = basic(org.innograph.testing.Http.WRITER,
            org.innograph.testing.Http.WRITER_PASSWORD);
    static final String WRONG_CREDENTIALS = basic(org.innograph.testing.Http.WRITER, "not-the-password");

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A well-framed HTTP/1.1 request; a null body sends no Content-Length. */
    static byte[] http(String method, String target, List<String> headers, byte[] body) {
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1\r\nConnection: close\r\n");
        headers.forEach(header -> head.append(header).append("\r\n"));
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        byte[] start = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        if (body == null) {
            return start;
        }
        byte[] all = new byte[start.length + body.length];
        System.arraycopy(start, 0, all, 0, start.length);
        System.arraycopy(body, 0, all, start.length, body.length);
        return all;
    }

    /** The request as readable text for a report: its start, and its length. */
    String shown(int limit) {
        String text = new String(bytes, 0, Math.min(bytes.length, limit), StandardCharsets.ISO_8859_1)
                .replace("\r", "\\r");
        return text + (bytes.length > limit ? "\n… (" + bytes.length + " bytes in all)" : "");
    }

    /** What the server answered: status (-1: none, the connection closed or timed out) and the body's start. */
    record Answer(int status, String head, String body, long millis) {
    }

    Answer send(int port, int timeoutMillis) {
        long start = System.nanoTime();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(timeoutMillis);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(bytes);
                out.flush();
                if (cutShort) {
                    socket.shutdownOutput();
                }
            } catch (IOException e) {
                // The server may answer (413, 400) and close before reading all of a large request.
            }
            return read(socket.getInputStream(), start);
        } catch (SocketTimeoutException e) {
            return new Answer(-1, "", "no answer within " + timeoutMillis + " ms", elapsed(start));
        } catch (IOException e) {
            return new Answer(-1, "", "connection: " + e.getMessage(), elapsed(start));
        }
    }

    private static Answer read(InputStream in, long start) throws IOException {
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        byte[] buffer = new byte[65_536];
        int read;
        try {
            while ((read = in.read(buffer)) != -1) {
                if (kept.size() < 16_384) {
                    kept.write(buffer, 0, Math.min(read, 16_384 - kept.size()));
                }
            }
        } catch (IOException e) {
            if (kept.size() == 0) {
                throw e;
            }
        }
        String text = kept.toString(StandardCharsets.ISO_8859_1);
        // An interim "100 Continue" comes before the real answer.
        while (text.startsWith("HTTP/1.1 100") && text.indexOf("\r\n\r\n") > 0) {
            text = text.substring(text.indexOf("\r\n\r\n") + 4);
        }
        int end = text.indexOf("\r\n\r\n");
        String head = end < 0 ? text : text.substring(0, end);
        String body = end < 0 ? "" : text.substring(end + 4);
        int status = -1;
        if (head.startsWith("HTTP/1.")) {
            try {
                status = Integer.parseInt(head.substring(9, 12));
            } catch (RuntimeException e) {
                status = -1;
            }
        }
        return new Answer(status, head, body, elapsed(start));
    }

    private static long elapsed(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
