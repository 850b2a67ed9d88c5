package org.innograph.queries;

import org.innograph.problems.RefusalException;
import org.springframework.http.HttpStatus;

/** The client accepts none of the representations a query's answer has. */
class NotAcceptableException extends RefusalException {

    NotAcceptableException(String accept, String offers) {
        super(HttpStatus.NOT_ACCEPTABLE, "No acceptable representation", "None of the media types in Accept ("
                + accept + ") can represent this answer; available: " + offers);
    }
}
