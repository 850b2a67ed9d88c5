package org.innograph.sparql;

import org.innograph.problems.Refusal;
import org.springframework.http.HttpStatus;

/** A request the protocol refuses; the message is shown to the client as it is, so it names the problem. */
public class SparqlProtocolException extends RuntimeException implements Refusal {

    private final HttpStatus status;

    public SparqlProtocolException(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }

    @Override
    public HttpStatus status() {
        return status;
    }

    @Override
    public String title() {
        return "Refused by the SPARQL protocol";
    }

    static SparqlProtocolException badRequest(String message) {
        return new SparqlProtocolException(HttpStatus.BAD_REQUEST, message);
    }
}
