package org.innograph.queries;

import org.innograph.problems.Refusal;
import org.springframework.http.HttpStatus;

/** The client accepts none of the representations a query's answer has. */
class NotAcceptableException extends RuntimeException implements Refusal {

    NotAcceptableException(String accept, String offers) {
        super("None of the media types in Accept (" + accept + ") can represent this answer; available: " + offers);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.NOT_ACCEPTABLE;
    }

    @Override
    public String title() {
        return "No acceptable representation";
    }
}
