package org.innograph.linkeddata;

/**
 * A resource as a list entry: its name, where its page is, and a short note (why it is listed).
 */
public record ResourceLink(String iri, String href, String label, String note) {
}
