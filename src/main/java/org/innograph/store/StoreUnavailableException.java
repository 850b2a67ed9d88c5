package org.innograph.store;

/** The store cannot be reached (remote server down, network error): the request may succeed later. */
public class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
