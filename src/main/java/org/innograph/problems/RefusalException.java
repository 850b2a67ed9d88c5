package org.innograph.problems;

import org.springframework.http.HttpStatus;

/**
 * A {@link Refusal} thrown where the request is refused, its status and title fixed there; the message is the
 * detail. The domain exceptions extend it and add only what is theirs (the members, the wording of the message).
 */
public abstract class RefusalException extends RuntimeException implements Refusal {

    private final HttpStatus status;
    private final String title;

    protected RefusalException(HttpStatus status, String title, String message) {
        this(status, title, message, null);
    }

    protected RefusalException(HttpStatus status, String title, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.title = title;
    }

    @Override
    public HttpStatus status() {
        return status;
    }

    @Override
    public String title() {
        return title;
    }
}
