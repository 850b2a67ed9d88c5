package org.innograph.sparql;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

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
            // A body cut short or badly framed (an invalid chunk): the request is broken, not the server.
            throw SparqlProtocolException.badRequest("The request body could not be read: " + e.getMessage());
        }
    }

    /** A body that must be UTF-8 text (SPARQL queries and updates): invalid bytes are refused, not replaced. */
    public static String readUtf8(HttpServletRequest request, DataSize limit) {
        byte[] body = read(request, limit);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.wrap(body);
        try {
            return decoder.decode(bytes).toString();
        } catch (CharacterCodingException e) {
            throw SparqlProtocolException.badRequest("The request body is not valid UTF-8 (byte " + bytes.position()
                    + " of " + body.length + "): SPARQL is sent as UTF-8");
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
