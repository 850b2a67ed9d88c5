package org.innograph.sparql;

import org.innograph.problems.RefusalException;
import org.springframework.http.HttpStatus;

/** A request the protocol refuses; the message is shown to the client as it is, so it names the problem. */
public class SparqlProtocolException extends RefusalException {

    public SparqlProtocolException(HttpStatus status, String message) {
        super(status, "Refused by the SPARQL protocol", message);
    }

    static SparqlProtocolException badRequest(String message) {
        return new SparqlProtocolException(HttpStatus.BAD_REQUEST, message);
    }
}
