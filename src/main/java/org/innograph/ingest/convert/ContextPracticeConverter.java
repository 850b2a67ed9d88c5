package org.innograph.ingest.convert;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * The good practices of data/sources/context/good_practices.csv (Interreg Europe good-practice pages outside INNO
 * INDUSTRY) to the graph "context-practices", through the same practice mapping as the INNO INDUSTRY practices
 * ({@link PracticeConverter#describe}). A practice is linked to INNO INDUSTRY only where its row says the page names
 * INNO INDUSTRY; a project the page names is minted as an ig:Project of this graph.
 */
final class ContextPracticeConverter {
    static final String GRAPH = "context-practices";
    static final String CSV = "context/good_practices.csv";
    /** The text columns are our English; titles carry the language of the page. */
    private static final String LANG = "en";

    private ContextPracticeConverter() {}

    static Model convert(Path sources, CountryIndex countries, Set<String> nutsCodes, PersonNames names) {
        Model m = Prefixes.standard(ModelFactory.createDefaultModel());
        // the inferred graph of the context stays empty: every value of this CSV is stated by its page
        InnoContext ctx = new InnoContext(sources, m, ModelFactory.createDefaultModel(), countries, nutsCodes, names);
        Map<String, Integer> rowOfSlug = new TreeMap<>();
        int line = 1;
        for (var row : CsvTable.read(sources.resolve(CSV)).rows()) {
            line++;
            String where = CSV + " line " + line;
            String slug = CsvTable.get(row, "slug");
            if (!slug.matches("[a-z0-9]+(-[a-z0-9]+)*")) throw new IllegalArgumentException("slug '" + slug + "' is not a lower-case slug (" + where + ")");
            if (rowOfSlug.put(slug, line) != null) throw new IllegalArgumentException("slug '" + slug + "' used twice (" + where + ")");
            String title = CsvTable.get(row, "title");
            String titleLang = CsvTable.get(row, "title_lang");
            if (title.isEmpty() || titleLang.isEmpty()) throw new IllegalArgumentException("a practice needs a title and its language (" + where + ")");
            List<String> themes = Arrays.stream(CsvTable.get(row, "themes").split("[\\s;]+")).filter(t -> !t.isEmpty()).toList();
            if (themes.isEmpty()) throw new IllegalArgumentException("a practice needs at least one theme (" + where + ")");
            String source = CsvTable.get(row, "source_url");
            if (!source.matches("https?://\\S+")) throw new IllegalArgumentException("source_url must be one http(s) URL (" + where + ")");
            String country = countries.twoLetterCode(CsvTable.get(row, "country_iso3"), where);
            String nuts = CsvTable.get(row, "nuts");
            if (!nuts.isEmpty() && !nuts.startsWith(country)) throw new IllegalArgumentException("NUTS code " + nuts + " is not in country " + country + " (" + where + ")");

            Resource p = PracticeConverter.describe(ctx, new PracticeConverter.Record(IG.id("practice", slug), slug, title,
                    titleLang, LANG, CsvTable.get(row, "summary_en"), CsvTable.get(row, "owner_as_stated"), country,
                    CsvTable.get(row, "location_as_stated"), nuts, List.of(), themes,
                    CsvTable.get(row, "timescale"), CsvTable.get(row, "resources_needed"),
                    CsvTable.get(row, "evidence_of_success"), "", source, source, CsvTable.get(row, "other_sources")), where);
            Facts.typed(p, IG.p("publishedOn"), CsvTable.get(row, "published_on"), XSDDatatype.XSDdate);
            project(m, p, CsvTable.get(row, "project"), source);
            if (CsvTable.get(row, "inno_industry").equals("yes")) {
                PracticeConverter.certainty(ctx, p, "confirmed: the source page names INNO INDUSTRY", LANG);
            } else {
                p.addProperty(IG.p("innoLinkCertainty"), IG.context);
            }
        }
        new GraphDescription(GRAPH, "Context good practices: Interreg Europe good-practice pages on Industry 4.0, SME digitalisation, clusters and digital innovation hubs",
                List.of("https://www.interregeurope.eu/good-practices"),
                IG.CC_BY_4,
                "InnoGraph project, compiled from public Interreg Europe good-practice pages; the source URL of every practice is given with dct:source",
                "Titles are the pages' own, letter for letter; summaries are in our own words; figures only as the pages state them. Unknown values are absent.",
                CSV + " (see data/sources/context/SOURCES.md)").addTo(m);
        return m;
    }

    /** A project the page names, by its acronym as written there, sourced by that page. */
    private static void project(Model m, Resource practice, String acronym, String source) {
        if (acronym.isEmpty()) return;
        if (IG.id("project", Slugs.of(acronym)).equals(InnoContext.PROJECT)) {
            throw new IllegalArgumentException("mark INNO INDUSTRY practices with inno_industry=yes, not as a project of their own");
        }
        Resource project = m.createResource(IG.id("project", Slugs.of(acronym)));
        project.addProperty(RDF.type, IG.Project);
        project.addProperty(IG.p("acronym"), acronym);
        project.addProperty(RDFS.label, acronym);
        project.addProperty(DCTerms.title, acronym);
        project.addProperty(DCTerms.source, m.createResource(source));
        practice.addProperty(IG.p("sharedInProject"), project);
    }
}
