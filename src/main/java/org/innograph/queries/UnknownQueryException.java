package org.innograph.queries;

import java.util.Collection;

/** A request for a stored query that does not exist. */
class UnknownQueryException extends RuntimeException {

    UnknownQueryException(String name, Collection<String> known) {
        super("There is no stored query '" + name + "'; the catalogue at /api/queries lists them: "
                + String.join(", ", known));
    }
}
