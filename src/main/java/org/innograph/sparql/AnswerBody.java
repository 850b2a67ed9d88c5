package org.innograph.sparql;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * The body of an answer that is written while the store computes it. The first {@link #WINDOW} bytes are held
 * back: an answer that ends within them goes out whole with its length, and a failure within them (time limit,
 * a cap, a store error) still becomes a proper error status. Past the window the answer streams: memory stays
 * bounded whatever its size, and a failure can only cut the transfer off, which every HTTP client reports as
 * an error (never as a complete, shorter answer).
 */
final class AnswerBody extends OutputStream {

    /** Bytes held back before the 200 is sent; the same for every answer, so memory per request is bounded. */
    static final int WINDOW = 2 << 20;

    private static final Logger log = LoggerFactory.getLogger(AnswerBody.class);

    private final HttpServletResponse response;
    private final MediaType type;
    private ByteArrayOutputStream held = new ByteArrayOutputStream(8192);
    private OutputStream out;

    AnswerBody(HttpServletResponse response, MediaType type) {
        this.response = response;
        this.type = type;
    }

    MediaType type() {
        return type;
    }

    @Override
    public void write(int b) throws IOException {
        if (out != null) {
            out.write(b);
            return;
        }
        held.write(b);
        commitIfFull();
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (out != null) {
            out.write(bytes, offset, length);
            return;
        }
        held.write(bytes, offset, length);
        commitIfFull();
    }

    /** Writers flush as they please; nothing goes out before the window is full or the answer complete. */
    @Override
    public void flush() throws IOException {
        if (out != null) {
            out.flush();
        }
    }

    /** Does nothing: {@link #finish} ends a complete answer, and a failed one must not look complete. */
    @Override
    public void close() {
    }

    /** The answer is complete: what is held goes out now, with its length. */
    void finish() throws IOException {
        if (out == null) {
            response.setContentLength(held.size());
            start();
        }
        out.flush();
    }

    /**
     * What to throw for a failure while writing: the failure itself while nothing has been sent (its handler
     * answers with a status), else a {@link AnswerCutOffException} that ends the connection mid-answer.
     */
    RuntimeException failed(RuntimeException failure) {
        if (out == null) {
            held = new ByteArrayOutputStream(0);
            return failure;
        }
        log.info("Answer cut off after the first {} bytes were sent: {}", WINDOW, failure.toString());
        return new AnswerCutOffException(failure);
    }

    private void commitIfFull() throws IOException {
        if (held.size() > WINDOW) {
            start();
        }
    }

    private void start() throws IOException {
        response.setStatus(HttpStatus.OK.value());
        response.setContentType(type + ";charset=utf-8");
        response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT);
        out = response.getOutputStream();
        held.writeTo(out);
        held = null;
    }

    /**
     * A failure after the 200 and part of the answer went out. No handler answers it: the servlet container
     * closes the connection, so the client sees an incomplete transfer rather than a well-formed short answer.
     * The cause is named in the message but not kept: Spring would pick a handler by the cause.
     */
    static final class AnswerCutOffException extends RuntimeException {
        AnswerCutOffException(RuntimeException cause) {
            super("The answer was cut off after it had started: " + cause, null, false, false);
        }
    }
}
