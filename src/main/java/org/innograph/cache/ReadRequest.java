package org.innograph.cache;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * A read whose answer depends only on the store and on the request's normalised form, which is the cache key:
 * where it was addressed (scheme, host, port: pages carry absolute links), which resource, its parameters in
 * a fixed order, and the Accept header. A SPARQL query has one key however it was sent: GET, POST form or
 * POST {@code application/sparql-query}, and under any of the endpoint's aliases.
 */
final class ReadRequest {

    private static final Set<String> SPARQL_ALIASES = Set.of("/sparql", "/sparql/query", "/sparql/sparql");
    /** Reads of the store. Geo boundaries, static assets, the API document, admin and actuator are not. */
    private static final Set<String> READS = Set.of("/", "/charts", "/query", "/search", "/resource", "/ontology",
            "/.well-known/void", "/sparql/data", "/api/search", "/api/recommendations", "/api/queries");
    private static final String[] READ_PREFIXES = {"/id/", "/theme/", "/ontology.", "/api/queries/",
            "/api/practices/", "/api/regions/"};
    private static final MediaType SPARQL_QUERY = MediaType.parseMediaType("application/sparql-query");

    private final HttpServletRequest request;
    private final String key;
    private final boolean head;

    private ReadRequest(HttpServletRequest request, String key, boolean head) {
        this.request = request;
        this.key = key;
        this.head = head;
    }

    /** The read this request is, or null if it is not one whose answer may be kept. */
    static ReadRequest of(HttpServletRequest request, long maxQueryBytes) throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String method = request.getMethod();
        boolean sparql = SPARQL_ALIASES.contains(path);
        boolean get = method.equals("GET") || method.equals("HEAD");
        if (!(sparql || isRead(path)) || !(get || sparql && method.equals("POST"))) {
            return null;
        }
        Map<String, String[]> parameters;
        HttpServletRequest forward = request;
        if (get) {
            parameters = request.getParameterMap();
        } else {
            MediaType type = contentType(request);
            long length = request.getContentLengthLong();
            if (type == null || length < 0 || length > maxQueryBytes) {
                return null;
            }
            if (type.equalsTypeAndSubtype(MediaType.APPLICATION_FORM_URLENCODED)) {
                parameters = request.getParameterMap();
            } else if (type.equalsTypeAndSubtype(SPARQL_QUERY)) {
                byte[] body = readUpTo(request.getInputStream(), length);
                forward = new Replayed(request, body);
                String text = utf8(body);
                if (text == null) {
                    return new ReadRequest(forward, null, false);
                }
                parameters = new TreeMap<>(request.getParameterMap());
                parameters.put("query", new String[] {text});
            } else {
                return null;
            }
        }
        StringBuilder key = new StringBuilder(256);
        key.append(sparql ? "sparql" : path).append('\n')
                .append(request.getScheme()).append("://").append(request.getServerName()).append(':')
                .append(request.getServerPort()).append(request.getContextPath()).append('\n');
        new TreeMap<>(parameters).forEach((name, values) -> {
            for (String value : values) {
                key.append(name.length()).append(':').append(name).append('=').append(value.length()).append(':')
                        .append(value).append('\n');
            }
        });
        key.append("accept:").append(String.valueOf(request.getHeader(HttpHeaders.ACCEPT)));
        return new ReadRequest(forward, key.toString(), method.equals("HEAD"));
    }

    private static boolean isRead(String path) {
        if (READS.contains(path)) {
            return true;
        }
        for (String prefix : READ_PREFIXES) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** The request to pass on: the original, or one that replays the body read for the key. */
    HttpServletRequest request() {
        return request;
    }

    /** Null for a request that cannot be keyed (a body that is not UTF-8: the endpoint will refuse it). */
    String key() {
        return key;
    }

    boolean isHead() {
        return head;
    }

    /** A strong validator for this request's answer at the given version. */
    String etag(String version) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(version.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(key.getBytes(StandardCharsets.UTF_8));
            return '"' + Base64.getUrlEncoder().withoutPadding().encodeToString(sha.digest()).substring(0, 27) + '"';
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MediaType contentType(HttpServletRequest request) {
        try {
            return request.getContentType() == null ? null : MediaType.parseMediaType(request.getContentType());
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static byte[] readUpTo(InputStream in, long length) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream((int) length);
        byte[] buffer = new byte[8192];
        for (int n; body.size() < length && (n = in.read(buffer, 0, (int) Math.min(buffer.length,
                length - body.size()))) != -1; ) {
            body.write(buffer, 0, n);
        }
        return body.toByteArray();
    }

    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** The request with the body read for the key given again, followed by anything the client sent beyond it. */
    private static final class Replayed extends HttpServletRequestWrapper {

        private final InputStream body;

        Replayed(HttpServletRequest request, byte[] read) throws IOException {
            super(request);
            this.body = new SequenceInputStream(new ByteArrayInputStream(read), request.getInputStream());
        }

        @Override
        public ServletInputStream getInputStream() {
            return new ServletInputStream() {
                private boolean finished;

                @Override
                public int read() throws IOException {
                    int b = body.read();
                    finished = b == -1;
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = body.read(buffer, offset, length);
                    finished = n == -1;
                    return n;
                }

                @Override
                public boolean isFinished() {
                    return finished;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("Blocking reads only");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(body,
                    encoding == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(encoding)));
        }
    }
}
