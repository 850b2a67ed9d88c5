package org.innograph.queries;

import org.innograph.problems.Refusal;
import org.springframework.http.HttpStatus;

import java.util.Collection;

/** A request for a stored query that does not exist. */
class UnknownQueryException extends RuntimeException implements Refusal {

    UnknownQueryException(String name, Collection<String> known) {
        super("There is no stored query '" + name + "'; the catalogue at /api/queries lists them: "
                + String.join(", ", known));
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.NOT_FOUND;
    }

    @Override
    public String title() {
        return "No such stored query";
    }
}
