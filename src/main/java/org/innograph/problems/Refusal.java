package org.innograph.problems;

import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * An exception that already knows how InnoGraph answers it: its status, a short title, and members a client can
 * read without parsing the message (the parameter at fault, a focus node, a row). The message is the detail.
 * Domain exceptions implement this so that {@link Failures} maps them without knowing every package.
 */
public interface Refusal {

    HttpStatus status();

    String title();

    /** Extra members of the answer (RFC 9457 problem extensions); empty by default. */
    default Map<String, Object> members() {
        return Map.of();
    }
}
