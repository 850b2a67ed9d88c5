package org.innograph.ingest;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.innograph.problems.RefusalException;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * What a request's {@code Content-Type} says about its body, parameters understood: {@code text/turtle;
 * charset=utf-8}, {@code Application/SPARQL-Update; Charset="UTF-8"} and the bare type are the same. Every body
 * InnoGraph reads is text in UTF-8 (SPARQL, forms, the RDF syntaxes, CSV), so a charset naming anything else is
 * refused here, once, for every endpoint; media types are never compared as strings elsewhere.
 */
public final class RequestMediaType {

    /** The charset parameter, quoted or not, in any case and spacing. */
    private static final Pattern CHARSET = Pattern.compile("(?i);\\s*charset\\s*=\\s*\"?([^\";\\s]*)\"?");
    private static final RequestMediaType ABSENT = new RequestMediaType(null, null);

    private final String header;
    private final MediaType type;

    private RequestMediaType(String header, MediaType type) {
        this.header = header;
        this.type = type;
    }

    /**
     * @param header the Content-Type header as sent, or null
     * @throws UnsupportedMediaTypeException when it is not a media type, or names a charset other than UTF-8
     */
    public static RequestMediaType of(String header) {
        if (header == null || header.isBlank()) {
            return ABSENT;
        }
        // Read before parsing: Spring refuses a charset this JVM does not know, and the client should hear
        // about the charset, not about a malformed header.
        Matcher charset = CHARSET.matcher(header);
        if (charset.find() && !isUtf8(charset.group(1))) {
            throw new UnsupportedMediaTypeException("Content-Type '" + header + "' names the charset '"
                    + charset.group(1) + "': InnoGraph reads request bodies only as UTF-8 (send charset=utf-8, or "
                    + "no charset)");
        }
        try {
            return new RequestMediaType(header, MediaType.parseMediaType(header));
        } catch (InvalidMediaTypeException e) {
            throw new UnsupportedMediaTypeException("Content-Type '" + header + "' is not a media type ("
                    + e.getMessage() + ")");
        }
    }

    public boolean isPresent() {
        return type != null;
    }

    /** Same type and subtype, case and parameters aside. */
    public boolean is(MediaType other) {
        return type != null && type.equalsTypeAndSubtype(other);
    }

    public boolean is(String other) {
        return is(MediaType.parseMediaType(other));
    }

    /** The type and subtype alone, lower case, e.g. {@code text/turtle}; empty when absent. */
    public String essence() {
        return type == null ? "" : (type.getType() + "/" + type.getSubtype()).toLowerCase(Locale.ROOT);
    }

    /** The RDF syntax this type names, or null. */
    public Lang rdfLang() {
        return type == null ? null : RDFLanguages.contentTypeToLang(essence());
    }

    /** The header as the client sent it, for messages. */
    @Override
    public String toString() {
        return header == null ? "(none)" : header;
    }

    /** US-ASCII is UTF-8's first 128 characters, so a body declared as ASCII is read correctly as UTF-8. */
    private static boolean isUtf8(String charset) {
        String name = charset.strip().toLowerCase(Locale.ROOT);
        return name.equals("utf-8") || name.equals("utf8") || name.equals("us-ascii") || name.equals("ascii");
    }

    /** The body's type or charset is not one InnoGraph reads: 415. */
    public static final class UnsupportedMediaTypeException extends RefusalException {
        public UnsupportedMediaTypeException(String message) {
            super(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type", message);
        }
    }
}
