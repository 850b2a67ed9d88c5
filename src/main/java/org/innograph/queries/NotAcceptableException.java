package org.innograph.queries;

/** The client accepts none of the representations a query's answer has. */
class NotAcceptableException extends RuntimeException {

    NotAcceptableException(String accept, String offers) {
        super("None of the media types in Accept (" + accept + ") can represent this answer; available: " + offers);
    }
}
