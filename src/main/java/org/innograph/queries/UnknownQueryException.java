package org.innograph.queries;

import org.innograph.problems.RefusalException;
import org.springframework.http.HttpStatus;

import java.util.Collection;

/** A request for a stored query that does not exist. */
class UnknownQueryException extends RefusalException {

    UnknownQueryException(String name, Collection<String> known) {
        super(HttpStatus.NOT_FOUND, "No such stored query", "There is no stored query '" + name
                + "'; the catalogue at /api/queries lists them: " + String.join(", ", known));
    }
}
