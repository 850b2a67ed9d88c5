package org.innograph.sparql;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.jena.irix.IRIException;
import org.apache.jena.irix.IRIx;

/**
 * The one test of whether a client's text is an absolute IRI: a graph name, a resource to show, a stored-query
 * parameter, a value of the question builder. Jena's own parser decides (IRIx, RFC 3987, as Jena 6 parses queries
 * and data), so what we accept is what the store accepts: a scheme, no character an IRI may not hold, nothing the
 * parser counts as an error; a fragment is allowed (ontology terms have one). Warnings (an upper-case scheme, dot
 * segments) do not make an IRI relative; a caller with a stricter rule applies it on top.
 */
public final class AbsoluteIri {

    private AbsoluteIri() {
    }

    /** The text as an IRI, or empty when it is not an absolute IRI. */
    public static Optional<String> of(String text) {
        try {
            IRIx iri = IRIx.create(text);
            if (iri.isRelative()) {
                return Optional.empty();
            }
            AtomicBoolean error = new AtomicBoolean();
            iri.handleViolations((isError, message) -> error.compareAndSet(false, isError));
            return error.get() ? Optional.empty() : Optional.of(iri.str());
        } catch (IRIException e) {
            return Optional.empty();
        }
    }

    public static boolean is(String text) {
        return of(text).isPresent();
    }
}
