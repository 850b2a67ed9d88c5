package org.innograph.sparql;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import org.innograph.ingest.RequestMediaType;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;

/**
 * The one SPARQL text a protocol request carries (SPARQL 1.1 Protocol §2.1 and §2.2), read alike for queries
 * and updates: as a URL or form parameter, or as the whole body. Exactly one text per request; its length is
 * held to {@code innograph.sparql.max-text-size}, apart from the limit on data bodies.
 */
final class OperationText {

    static final String TEXT_LIMIT_SETTING = "innograph.sparql.max-text-size";

    /** The two operations, each with its parameter, its media type and its endpoint. */
    enum Operation {
        QUERY("query", SparqlQueryController.SPARQL_QUERY, "/sparql"),
        UPDATE("update", SparqlQueryController.SPARQL_UPDATE, "/sparql/update");

        final String parameter;
        final MediaType mediaType;
        final String endpoint;

        Operation(String parameter, String mediaType, String endpoint) {
            this.parameter = parameter;
            this.mediaType = MediaType.parseMediaType(mediaType);
            this.endpoint = endpoint;
        }

        Operation other() {
            return this == QUERY ? UPDATE : QUERY;
        }
    }

    private OperationText() {
    }

    /** A POST: form ({@code query=} / {@code update=}) or the text as the body in the operation's media type. */
    static String fromPost(HttpServletRequest request, Operation operation, DataSize limit) {
        RequestMediaType contentType = RequestMediaType.of(request.getContentType());
        Operation other = operation.other();
        if (!contentType.isPresent() || contentType.is(MediaType.APPLICATION_FORM_URLENCODED)) {
            // Percent-encoding makes a form up to three times as long as the text it carries.
            if (request.getContentLengthLong() > 3 * limit.toBytes() + 1024) {
                throw tooLong(operation, limit);
            }
            if (request.getParameter(other.parameter) != null) {
                throw SparqlProtocolException.badRequest("This is the " + operation.parameter + " endpoint: send "
                        + other.parameter + "s (the '" + other.parameter + "' parameter) to " + other.endpoint);
            }
            if (!contentType.isPresent() && request.getParameter(operation.parameter) == null) {
                throw unsupported(contentType, operation);
            }
            return fromParameter(request, operation, limit);
        }
        if (contentType.is(operation.mediaType)) {
            if (request.getParameter(operation.parameter) != null) {
                throw SparqlProtocolException.badRequest("The " + operation.parameter + " is given twice, as the "
                        + "body and as the URL parameter '" + operation.parameter + "': send exactly one");
            }
            return RequestBodies.readUtf8(request, limit, TEXT_LIMIT_SETTING);
        }
        if (contentType.is(other.mediaType)) {
            throw SparqlProtocolException.badRequest("This is the " + operation.parameter + " endpoint: send "
                    + other.mediaType + " to " + other.endpoint);
        }
        throw unsupported(contentType, operation);
    }

    /** The text as the one value of the operation's parameter, from the URL or the form together. */
    static String fromParameter(HttpServletRequest request, Operation operation, DataSize limit) {
        String[] values = request.getParameterValues(operation.parameter);
        if (values == null || values[0].isBlank()) {
            throw SparqlProtocolException.badRequest("Missing parameter '" + operation.parameter + "': give the "
                    + "SPARQL " + operation.parameter + " as " + operation.parameter + "=… (URL or form) or POST it "
                    + "as " + operation.mediaType);
        }
        if (values.length > 1) {
            throw SparqlProtocolException.badRequest("Parameter '" + operation.parameter + "' is given "
                    + values.length + " times (URL and form together): the SPARQL 1.1 Protocol allows exactly one");
        }
        String text = values[0];
        // A char is at most 3 UTF-8 bytes, so only a long text needs counting.
        if ((long) text.length() * 3 > limit.toBytes()
                && text.getBytes(StandardCharsets.UTF_8).length > limit.toBytes()) {
            throw tooLong(operation, limit);
        }
        return text;
    }

    /** The single value of a parameter that may appear at most once, or null. */
    static String single(HttpServletRequest request, String name) {
        String[] values = request.getParameterValues(name);
        if (values != null && values.length > 1) {
            throw SparqlProtocolException.badRequest("Parameter '" + name + "' is given " + values.length
                    + " times: give it once");
        }
        return values == null ? null : values[0];
    }

    static SparqlProtocolException tooLong(Operation operation, DataSize limit) {
        return new SparqlProtocolException(HttpStatus.CONTENT_TOO_LARGE, "The SPARQL " + operation.parameter
                + " is longer than the limit of " + RequestBodies.describe(limit) + " for query and update texts ("
                + TEXT_LIMIT_SETTING + ")");
    }

    private static SparqlProtocolException unsupported(RequestMediaType contentType, Operation operation) {
        return new SparqlProtocolException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type " + contentType
                + " cannot carry a SPARQL " + operation.parameter + ": use " + operation.mediaType
                + " or application/x-www-form-urlencoded");
    }
}
