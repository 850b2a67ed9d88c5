package org.innograph.ingest.convert;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
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
 * <p>Used by every practice table (good_practices.csv of INNO INDUSTRY and a curator's import of it, the context
 * practices), so all practices are described alike. A cell that cannot be mapped is reported, never guessed.
 */
final class PracticeFacts {
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{1,8})*");
    private static final Pattern NUTS_CODE = Pattern.compile("[A-Z]{2}[A-Z0-9]{0,3}");

    private PracticeFacts() {}

    /**
     * The practice IRI from the column slug (a row without one gets it from its title, by the slug rule), once the
     * row has the title and title_lang it needs; null when it has not (the problem is reported).
     */
    static String iri(long row, Map<String, String> cells, CellProblems problems) {
        String title = CsvTable.get(cells, "title");
        String slug = CsvTable.get(cells, "slug").isEmpty() ? Slugs.of(title) : CsvTable.get(cells, "slug");
        if (title.isEmpty() || slug.isEmpty()) {
            problems.add(row, "title", title, "every practice needs a title");
            return null;
        }
        if (!SLUG.matcher(slug).matches()) {
            problems.add(row, "slug", slug, "a slug is lower-case letters and digits joined by single hyphens");
            return null;
        }
        return language(row, cells, "title_lang", problems) == null ? null : IG.id("practice", slug);
    }

    /** The practice typed and titled from the columns title, title_lang, alt_title, alt_title_lang and summary_own_words. */
    static Resource describe(Model m, String iri, long row, Map<String, String> cells, CellProblems problems) {
        Resource p = m.createResource(iri);
        String title = CsvTable.get(cells, "title");
        String lang = CsvTable.get(cells, "title_lang");
        p.addProperty(RDF.type, IG.GoodPractice);
        p.addProperty(DCTerms.title, title, lang);
        p.addProperty(RDFS.label, title, lang);
        String alt = CsvTable.get(cells, "alt_title");
        if (!alt.isEmpty()) {
            String altLang = language(row, cells, "alt_title_lang", problems);
            if (altLang != null) {
                p.addProperty(DCTerms.alternative, alt, altLang);
                p.addProperty(SKOS.altLabel, alt, altLang);
            }
        }
        Facts.text(p, IG.p("summary"), CsvTable.get(cells, "summary_own_words"));
        return p;
    }

    private static String language(long row, Map<String, String> cells, String column, CellProblems problems) {
        String lang = CsvTable.get(cells, column);
        if (LANGUAGE_TAG.matcher(lang).matches()) {
            return lang;
        }
        problems.add(row, column, lang, "needs the language of the text as a language tag, e.g. en, de, pt");
        return null;
    }

    /**
     * The NUTS unit the source states (column nuts_code) and the implementation level, where stated. Each code is
     * noted with its cell in {@code nutsUsed}: whether the graph knows it is for the caller to check, all at once.
     */
    static void place(Resource p, long row, Map<String, String> cells, CellProblems problems, Map<String, SheetCell> nutsUsed) {
        String code = nutsCode(row, cells, "nuts_code", problems, nutsUsed);
        if (code != null) {
            p.addProperty(DCTerms.spatial, p.getModel().createResource(IG.nuts(code)));
        }
        String level = CsvTable.get(cells, "implementation_level");
        if (List.of("national", "regional", "local").contains(level)) {
            p.addProperty(IG.p("implementationLevel"), IG.term(level + "Level"));
        } else if (!level.isEmpty()) {
            problems.add(row, "implementation_level", level, "must be national, regional or local");
        }
    }

    /** The NUTS code of a cell, noted with its cell; null when the cell is empty or holds no NUTS code (reported). */
    static String nutsCode(long row, Map<String, String> cells, String column, CellProblems problems,
                           Map<String, SheetCell> nutsUsed) {
        String code = CsvTable.get(cells, column);
        if (code.isEmpty()) {
            return null;
        }
        if (!NUTS_CODE.matcher(code).matches()) {
            problems.add(row, column, code, "a NUTS code is two capital letters and up to three letters or digits, e.g. AT12");
            return null;
        }
        nutsUsed.putIfAbsent(code, new SheetCell(row, column));
        return code;
    }

    /** A named area that is not a NUTS unit (e.g. "CENTROPE area") becomes a labelled region of our own. */
    static Resource namedArea(Model m, String label) {
        Resource area = m.createResource(IG.id("region", Slugs.of(label)));
        area.addProperty(RDF.type, IG.Region);
        area.addProperty(SKOS.prefLabel, label, "en");
        area.addProperty(RDFS.label, label, "en");
        return area;
    }
}
