package org.innograph.sparql;

import java.util.function.Consumer;

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
        return parses(QueryFactory::create, text);
    }

    public static boolean isUpdate(String text) {
        return parses(UpdateFactory::create, text);
    }

    private static boolean parses(Consumer<String> parser, String text) {
        try {
            parser.accept(text);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
