package org.innograph.linkeddata;

import java.util.List;

/**
 * A property of a resource with its values.
 *
 * @param iri   the property
 * @param label its name for readers
 * @param href  where it is documented (our ontology page for our terms)
 */
public record PropertyValues(String iri, String label, String href, List<ValueView> values) {
}
