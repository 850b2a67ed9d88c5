package org.innograph.ingest.convert;

import java.util.Map;
import java.util.Set;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.innograph.vocabulary.IG;

/**
 * What every practice table gives the same way, whichever source it comes from: the IRI from the slug kept in the CSV
 * (minted once, never from the label), the title letter for letter with its language tag, a title in another language
 * where the source gives one, the summary, and the place: a stated NUTS code and the implementation level.
 *
 * <p>Used by every practice table's converter (good_practices.csv of INNO INDUSTRY, the context practices), so all
 * practices are described alike.
 */
final class PracticeFacts {
    private PracticeFacts() {}

    /** From the columns slug, title, title_lang, alt_title, alt_title_lang and summary_own_words. */
    static Resource create(Model m, Map<String, String> row, String where) {
        return create(m, CsvTable.get(row, "slug"), CsvTable.get(row, "title"), CsvTable.get(row, "title_lang"),
                CsvTable.get(row, "alt_title"), CsvTable.get(row, "alt_title_lang"), CsvTable.get(row, "summary_own_words"), where);
    }

    static Resource create(Model m, String slug, String title, String lang, String alt, String altLang, String summary, String where) {
        if (!slug.matches("[a-z0-9]+(-[a-z0-9]+)*")) throw new IllegalArgumentException(where + ": slug '" + slug + "' is not a lower-case slug");
        if (title.isEmpty() || lang.isEmpty()) throw new IllegalArgumentException(where + ": a practice needs a title and its language (title_lang)");
        Resource p = m.createResource(IG.id("practice", slug));
        p.addProperty(RDF.type, IG.GoodPractice);
        p.addProperty(DCTerms.title, title, lang);
        p.addProperty(RDFS.label, title, lang);
        if (!alt.isEmpty()) {
            if (altLang.isEmpty()) throw new IllegalArgumentException(where + ": alt_title needs alt_title_lang");
            p.addProperty(DCTerms.alternative, alt, altLang);
            p.addProperty(SKOS.altLabel, alt, altLang);
        }
        Facts.text(p, IG.p("summary"), summary);
        return p;
    }

    /** The NUTS unit the source states (its name on the page) and the implementation level, where stated. */
    static void place(Resource p, Map<String, String> row, Set<String> nutsCodes, String where) {
        place(p, CsvTable.get(row, "nuts_code"), CsvTable.get(row, "implementation_level"), nutsCodes, where);
    }

    static void place(Resource p, String code, String level, Set<String> nutsCodes, String where) {
        if (!code.isEmpty()) {
            if (!nutsCodes.contains(code)) throw new IllegalArgumentException(where + ": NUTS code " + code + " does not exist");
            p.addProperty(DCTerms.spatial, p.getModel().createResource(IG.nuts(code)));
        }
        switch (level) {
            case "" -> { }
            case "national" -> p.addProperty(IG.p("implementationLevel"), IG.nationalLevel);
            case "regional" -> p.addProperty(IG.p("implementationLevel"), IG.regionalLevel);
            case "local" -> p.addProperty(IG.p("implementationLevel"), IG.localLevel);
            default -> throw new IllegalArgumentException(where + ": implementation_level must be national, regional or local");
        }
    }
}
