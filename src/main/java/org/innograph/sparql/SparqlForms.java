package org.innograph.sparql;

import org.apache.jena.query.QueryFactory;
import org.apache.jena.update.UpdateFactory;

/**
 * Which of the two SPARQL languages a text is written in. Asked only after parsing as the expected one failed,
 * so that the error can say "this is an update, send it there" instead of a parser message.
 */
public final class SparqlForms {

    private SparqlForms() {
    }

    public static boolean isQuery(String text) {
        try {
            QueryFactory.create(text);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    public static boolean isUpdate(String text) {
        try {
            UpdateFactory.create(text);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
