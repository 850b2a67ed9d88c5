package org.innograph.linkeddata;

/**
 * One value as a page shows it.
 *
 * @param text     what the reader sees (a label, or the literal's text)
 * @param iri      the IRI for resources, else null
 * @param href     where the value links to on this server or outside, else null
 * @param language a literal's language tag, else empty
 * @param datatype a typed literal's datatype as a short name, else empty
 * @param graph    the named graph(s) that state it, short names joined by spaces
 * @param inferred whether only the graph of inferred values states it
 */
public record ValueView(String text, String iri, String href, String language, String datatype, String graph,
                        boolean inferred) {

    public boolean isLink() {
        return href != null;
    }

    public boolean isExternal() {
        return href != null && !href.startsWith("/");
    }
}
