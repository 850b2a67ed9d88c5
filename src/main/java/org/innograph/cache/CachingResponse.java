package org.innograph.cache;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * The response of a read on its way to the client. Just before anything is sent it gets its caching headers:
 * the validator and freshness for a 200, {@code no-store} for anything else. Meanwhile it keeps a copy of the
 * body up to a size cap, so that a 200 (or a 422, see {@link #answer}) can be kept; a larger answer still streams
 * and is simply not kept.
 *
 * <p>With {@code withhold}, nothing is sent until {@link #finish}: the request had {@code If-None-Match: *},
 * which a 200 turns into a 304 with no body, and anything else is sent as it was made.
 */
final class CachingResponse extends HttpServletResponseWrapper {

    /** Headers of an answer that belong to the answer (not to this exchange), and so are replayed with it. */
    static final List<String> ANSWER_HEADERS = List.of(HttpHeaders.CONTENT_LANGUAGE, HttpHeaders.CONTENT_DISPOSITION,
            HttpHeaders.LINK, "Content-Security-Policy", "X-Content-Type-Options");

    private final BooleanSupplier isVolatile;
    private final ReadHeaders headers;
    private final long keepUpTo;
    private final boolean withhold;
    private int status = HttpStatus.OK.value();
    private boolean decided;
    private ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private boolean tooLarge;
    private ServletOutputStream stream;
    private PrintWriter writer;

    /**
     * @param isVolatile whether the answer was marked as not reusable ({@link VolatileQueries}) by now
     * @param keepUpTo   the largest body that is kept
     */
    CachingResponse(HttpServletResponse response, BooleanSupplier isVolatile, ReadHeaders headers, long keepUpTo,
                    boolean withhold) {
        super(response);
        this.isVolatile = isVolatile;
        this.headers = headers;
        this.keepUpTo = keepUpTo;
        this.withhold = withhold;
    }

    @Override
    public void setStatus(int sc) {
        status = sc;
        super.setStatus(sc);
    }

    @Override
    public void sendError(int sc) throws IOException {
        status = sc;
        decide();
        super.sendError(sc);
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
        status = sc;
        decide();
        super.sendError(sc, msg);
    }

    @Override
    public void sendRedirect(String location) throws IOException {
        status = HttpStatus.FOUND.value();
        decide();
        super.sendRedirect(location);
    }

    @Override
    public void setHeader(String name, String value) {
        header(name, value, super::setHeader);
    }

    @Override
    public void addHeader(String name, String value) {
        header(name, value, super::addHeader);
    }

    /** Vary names are added to those already listed, never replacing them: what the read filter set must stay. */
    private void header(String name, String value, BiConsumer<String, String> write) {
        if (HttpHeaders.VARY.equalsIgnoreCase(name)) {
            ReadHeaders.vary(getResponse(), value);
        } else {
            write.accept(name, value);
        }
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (writer != null) {
            throw new IllegalStateException("getWriter() has already been called");
        }
        if (stream == null) {
            decide();
            stream = new Tee(withhold ? null : super.getOutputStream());
        }
        return stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (writer == null) {
            if (stream != null) {
                throw new IllegalStateException("getOutputStream() has already been called");
            }
            decide();
            stream = new Tee(withhold ? null : super.getOutputStream());
            writer = new PrintWriter(new OutputStreamWriter(stream, Charset.forName(getCharacterEncoding())));
        }
        return writer;
    }

    @Override
    public void flushBuffer() throws IOException {
        decide();
        if (writer != null) {
            writer.flush();
        }
        if (!withhold) {
            super.flushBuffer();
        }
    }

    @Override
    public void resetBuffer() {
        kept = new ByteArrayOutputStream();
        tooLarge = false;
        super.resetBuffer();
    }

    /** An error handler may start the response again: so do its caching headers. */
    @Override
    public void reset() {
        super.reset();
        kept = new ByteArrayOutputStream();
        tooLarge = false;
        decided = false;
        status = HttpStatus.OK.value();
    }

    /** Called once the answer is made. With {@code withhold}, sends it now (or a 304 for a 200). */
    void finish() throws IOException {
        decide();
        if (writer != null) {
            writer.flush();
        }
        if (!withhold) {
            return;
        }
        HttpServletResponse response = (HttpServletResponse) getResponse();
        if (response.isCommitted()) {
            return;
        }
        if (status == HttpStatus.OK.value() && !isVolatile.getAsBoolean()) {
            response.setStatus(HttpStatus.NOT_MODIFIED.value());
        } else if (!tooLarge) {
            response.getOutputStream().write(kept.toByteArray());
        } else {
            response.sendError(HttpStatus.INTERNAL_SERVER_ERROR.value(), "The answer was lost");
        }
    }

    /** The status the answer was made with. */
    int status() {
        return status;
    }

    /**
     * The answer to keep, or null if it is not one to keep: a 200, or a 422, which InnoGraph gives only for what
     * the store's content and the service's own limits decide (an answer or a grouping over a bound, a graph too
     * large to send, a query shape the engine cannot evaluate). The same request at the same version is refused
     * the same way, so a refusal that took seconds of work to reach costs nothing the next time. Clients still get
     * it with {@code no-store}: the status is not one HTTP caches keep.
     */
    AnswerCache.Answer answer() {
        boolean settled = status == HttpStatus.OK.value() || status == HttpStatus.UNPROCESSABLE_CONTENT.value();
        if (!settled || tooLarge || isVolatile.getAsBoolean() || stream == null) {
            return null;
        }
        List<Map.Entry<String, String>> replayed = new ArrayList<>();
        HttpServletResponse response = (HttpServletResponse) getResponse();
        if (response.getContentType() != null) {
            replayed.add(new AbstractMap.SimpleImmutableEntry<>(HttpHeaders.CONTENT_TYPE, response.getContentType()));
        }
        for (String name : ANSWER_HEADERS) {
            for (String value : response.getHeaders(name)) {
                replayed.add(new AbstractMap.SimpleImmutableEntry<>(name, value));
            }
        }
        return new AnswerCache.Answer(status, List.copyOf(replayed), kept.toByteArray());
    }

    /** Caching headers, once, before the first byte or the status leaves. */
    private void decide() {
        if (decided) {
            return;
        }
        decided = true;
        HttpServletResponse response = (HttpServletResponse) getResponse();
        if (status == HttpStatus.OK.value() && !isVolatile.getAsBoolean()) {
            headers.reusable(response);
        } else {
            ReadHeaders.notReusable(response);
        }
    }

    private final class Tee extends ServletOutputStream {

        private final ServletOutputStream out;

        Tee(ServletOutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            if (out != null) {
                out.write(b);
            }
            keep(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (out != null) {
                out.write(b, off, len);
            }
            keep(b, off, len);
        }

        private void keep(byte[] b, int off, int len) {
            if (tooLarge) {
                return;
            }
            if (kept.size() + (long) len > keepUpTo) {
                tooLarge = true;
                kept = new ByteArrayOutputStream();
                return;
            }
            kept.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            if (out != null) {
                out.flush();
            }
        }

        @Override
        public void close() throws IOException {
            if (out != null) {
                out.close();
            }
        }

        @Override
        public boolean isReady() {
            return out == null || out.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            throw new UnsupportedOperationException("Blocking writes only");
        }
    }
}
