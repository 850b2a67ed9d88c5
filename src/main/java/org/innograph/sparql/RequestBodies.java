package org.innograph.sparql;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import jakarta.servlet.http.HttpServletRequest;
import org.innograph.ingest.Utf8Text;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

/** Reads request bodies without ever holding more than the configured limit. */
public final class RequestBodies {

    static final String DATA_LIMIT_SETTING = "innograph.sparql.max-request-size";

    private RequestBodies() {
    }

    /** An RDF data body, held to {@code innograph.sparql.max-request-size}. */
    public static byte[] read(HttpServletRequest request, DataSize limit) {
        return read(request, limit, DATA_LIMIT_SETTING);
    }

    /** @param setting the property that sets {@code limit}, named in the 413 so the operator knows what to change */
    static byte[] read(HttpServletRequest request, DataSize limit, String setting) {
        long max = limit.toBytes();
        if (request.getContentLengthLong() > max) {
            throw tooLarge(limit, setting);
        }
        try (InputStream in = request.getInputStream()) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) != -1; ) {
                if (body.size() + n > max) {
                    throw tooLarge(limit, setting);
                }
                body.write(buffer, 0, n);
            }
            return body.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A body that must be UTF-8 text (SPARQL queries and updates): invalid bytes are refused, not replaced. */
    static String readUtf8(HttpServletRequest request, DataSize limit, String setting) {
        try {
            return Utf8Text.decode(read(request, limit, setting));
        } catch (Utf8Text.InvalidUtf8Exception e) {
            throw SparqlProtocolException.badRequest("The request body is " + e.getMessage()
                    + " (SPARQL is sent as UTF-8)");
        }
    }

    /** A limit as people write it: "1 MB", "64 KB", "512 bytes". */
    static String describe(DataSize limit) {
        long bytes = limit.toBytes();
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return limit.toMegabytes() + " MB";
        }
        return bytes >= 1024 ? limit.toKilobytes() + " KB" : bytes + " bytes";
    }

    private static SparqlProtocolException tooLarge(DataSize limit, String setting) {
        return new SparqlProtocolException(HttpStatus.CONTENT_TOO_LARGE,
                "Request body is larger than the limit of " + describe(limit) + " (" + setting + ")");
    }
}
