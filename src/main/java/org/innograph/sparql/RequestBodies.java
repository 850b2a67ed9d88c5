package org.innograph.sparql;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

/** Reads request bodies without ever holding more than the configured limit. */
public final class RequestBodies {

    private RequestBodies() {
    }

    public static byte[] read(HttpServletRequest request, DataSize limit) {
        long max = limit.toBytes();
        if (request.getContentLengthLong() > max) {
            throw tooLarge(limit);
        }
        try (InputStream in = request.getInputStream()) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) != -1; ) {
                if (body.size() + n > max) {
                    throw tooLarge(limit);
                }
                body.write(buffer, 0, n);
            }
            return body.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Forms are parsed by the servlet container, so only their declared length can be checked up front. */
    public static void checkDeclaredLength(HttpServletRequest request, DataSize limit) {
        if (request.getContentLengthLong() > limit.toBytes()) {
            throw tooLarge(limit);
        }
    }

    private static SparqlProtocolException tooLarge(DataSize limit) {
        return new SparqlProtocolException(HttpStatus.CONTENT_TOO_LARGE,
                "Request body is larger than the limit of " + limit.toKilobytes()
                        + " KB (innograph.sparql.max-request-size)");
    }
}
