package org.innograph.sparql;

import org.springframework.http.HttpStatus;

/** A request the protocol refuses; the message is shown to the client as it is, so it names the problem. */
public class SparqlProtocolException extends RuntimeException {

    private final HttpStatus status;

    public SparqlProtocolException(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }

    static SparqlProtocolException badRequest(String message) {
        return new SparqlProtocolException(HttpStatus.BAD_REQUEST, message);
    }
}
