package org.innograph.ingest.convert;

import java.util.Map;
import java.util.Set;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

/**
 * What every practice table gives the same way, whichever source it comes from: the IRI from the slug kept in the CSV
 * (minted once, never from the label), the title letter for letter with its language tag, a title in another language
 * where the source gives one, the summary, and the place: a stated NUTS code and the implementation level.
 *
 * <p>Columns: slug, title, title_lang, alt_title, alt_title_lang, summary_own_words, nuts_code, implementation_level.
 */
final class PracticeFacts {
    private PracticeFacts() {}

    static Resource create(Model m, Map<String, String> row, String where) {
        String slug = CsvTable.get(row, "slug");
        if (!slug.matches("[a-z0-9]+(-[a-z0-9]+)*")) throw new IllegalArgumentException(where + ": slug '" + slug + "' is not a lower-case slug");
        String title = CsvTable.get(row, "title");
        String lang = CsvTable.get(row, "title_lang");
        if (title.isEmpty() || lang.isEmpty()) throw new IllegalArgumentException(where + ": a practice needs a title and its language (title_lang)");
        Resource p = m.createResource(IG.id("practice", slug));
        p.addProperty(RDF.type, IG.GoodPractice);
        p.addProperty(DCTerms.title, title, lang);
        p.addProperty(RDFS.label, title, lang);
        String alt = CsvTable.get(row, "alt_title");
        if (!alt.isEmpty()) {
            String altLang = CsvTable.get(row, "alt_title_lang");
            if (altLang.isEmpty()) throw new IllegalArgumentException(where + ": alt_title needs alt_title_lang");
            p.addProperty(DCTerms.alternative, alt, altLang);
            p.addProperty(SKOS.altLabel, alt, altLang);
        }
        Facts.text(p, IG.p("summary"), CsvTable.get(row, "summary_own_words"));
        return p;
    }

    /** The NUTS unit the source states (its name on the page) and the implementation level, where stated. */
    static void place(Resource p, Map<String, String> row, Set<String> nutsCodes, String where) {
        String code = CsvTable.get(row, "nuts_code");
        if (!code.isEmpty()) {
            if (!nutsCodes.contains(code)) throw new IllegalArgumentException(where + ": NUTS code " + code + " does not exist");
            p.addProperty(DCTerms.spatial, p.getModel().createResource(IG.nuts(code)));
        }
        switch (CsvTable.get(row, "implementation_level")) {
            case "" -> { }
            case "national" -> p.addProperty(IG.p("implementationLevel"), IG.nationalLevel);
            case "regional" -> p.addProperty(IG.p("implementationLevel"), IG.regionalLevel);
            case "local" -> p.addProperty(IG.p("implementationLevel"), IG.localLevel);
            default -> throw new IllegalArgumentException(where + ": implementation_level must be national, regional or local");
        }
    }
}
