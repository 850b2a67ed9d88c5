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
import org.innograph.vocabulary.IG;

/**
 * The good practices of data/sources/context/good_practices.csv (good practices outside INNO INDUSTRY, from Interreg
 * Europe good-practice pages and from project pages that name their practices) to the graph "context-practices". The
 * columns every practice table shares go through {@link PracticeFacts}, links with a project through
 * {@link ProjectLinks}, as for the INNO INDUSTRY practices. A practice is linked to INNO INDUSTRY only where its row
 * says its page names INNO INDUSTRY; a project the page names is minted as an ig:Project of this graph.
 */
final class ContextPracticeConverter {
    static final String GRAPH = "context-practices";
    static final String CSV = "context/good_practices.csv";

    private ContextPracticeConverter() {}

    static Model convert(Path sources, CountryIndex countries, Set<String> nutsCodes, PersonNames names) {
        Model m = Prefixes.standard(ModelFactory.createDefaultModel());
        // no inferred graph for the context: every value of this CSV is stated by its page
        InnoContext ctx = new InnoContext(sources, m, ModelFactory.createDefaultModel(), countries, nutsCodes, names);
        Map<String, Long> lineOfSlug = new TreeMap<>();
        Map<String, SheetCell> nutsUsed = new TreeMap<>();
        CellProblems problems = CellProblems.failing(CSV);
        long line = 1;
        for (var row : CsvTable.read(sources.resolve(CSV)).rows()) {
            line++;
            String where = CSV + " line " + line;
            String slug = CsvTable.get(row, "slug");
            if (lineOfSlug.put(slug, line) != null) throw new IllegalArgumentException(where + ": slug '" + slug + "' used twice");
            List<String> themes = Arrays.stream(CsvTable.get(row, "themes").split("[\\s;]+")).filter(t -> !t.isEmpty()).toList();
            if (themes.isEmpty()) throw new IllegalArgumentException(where + ": a practice needs at least one theme");
            String source = CsvTable.get(row, "source_url");
            if (!source.matches("https?://\\S+")) throw new IllegalArgumentException(where + ": source_url must be one http(s) URL");

            Resource p = PracticeFacts.describe(m, PracticeFacts.iri(line, row, problems), line, row, problems);
            p.addProperty(DCTerms.identifier, slug);
            place(ctx, p, line, row, problems, nutsUsed);
            themes.forEach(t -> p.addProperty(DCTerms.subject, m.createResource(IG.THEME + t)));
            Facts.text(p, IG.p("ownerAsStated"), ctx.text(CsvTable.get(row, "owner_as_stated")));
            Facts.text(p, IG.p("resourcesNeeded"), ctx.text(CsvTable.get(row, "resources_needed")));
            Facts.text(p, IG.p("evidenceOfSuccess"), ctx.text(CsvTable.get(row, "evidence_of_success")));
            Facts.text(p, IG.p("timescale"), CsvTable.get(row, "timescale"));
            Facts.typed(p, IG.p("publishedOn"), CsvTable.get(row, "published_on"), XSDDatatype.XSDdate);
            Facts.sources(p, DCTerms.source, source, names);
            Facts.sources(p, RDFS.seeAlso, CsvTable.get(row, "other_sources"), names);
            if (source.contains("/good-practices")) Facts.sources(p, IG.p("databasePage"), source, names);
            if (CsvTable.get(row, "inno_industry").equals("yes")) {
                ProjectLinks.link(p, m.createResource(InnoContext.PROJECT), IG.confirmed, "the source page names INNO INDUSTRY", source, names);
            }
            String acronym = CsvTable.get(row, "project");
            if (!acronym.isEmpty()) {
                ProjectLinks.link(p, project(m, acronym, source, names, where), IG.confirmed,
                        "the source page presents the practice as one of " + acronym, source, names);
            }
        }
        nutsUsed.forEach((code, cell) -> {
            if (!nutsCodes.contains(code)) problems.add(cell.row(), cell.column(), code, "not a NUTS 2021 or 2024 code");
        });
        new GraphDescription(GRAPH, "Context good practices: Industry 4.0, SME digitalisation, clusters and innovation support outside INNO INDUSTRY",
                List.of("https://www.interregeurope.eu/good-practices"),
                IG.CC_BY_4,
                "InnoGraph project, compiled from public Interreg Europe good-practice pages and project pages; the source URL of every practice is given with dct:source",
                "Titles as the source pages write them, letter for letter; summaries in our own words; figures only as the pages state them. Unknown values are absent.",
                CSV + " (see data/sources/context/SOURCES.md)").addTo(m);
        return m;
    }

    /**
     * The country, and below it the stated NUTS unit; with neither a NUTS code nor a national implementation, the
     * place as the page words it becomes a named area.
     */
    private static void place(InnoContext ctx, Resource p, long line, Map<String, String> row, CellProblems problems,
                              Map<String, SheetCell> nutsUsed) {
        String where = CSV + " line " + line;
        String country = ctx.countries.twoLetterCode(CsvTable.get(row, "country_iso3"), where);
        String nuts = CsvTable.get(row, "nuts_code");
        if (!nuts.isEmpty() && !nuts.startsWith(country)) throw new IllegalArgumentException(where + ": NUTS code " + nuts + " is not in country " + country);
        String location = CsvTable.get(row, "location_as_stated");
        Facts.text(p, IG.p("locationLabel"), location);
        ctx.placeInCountry(p, country, where);
        PracticeFacts.place(p, line, row, problems, nutsUsed);
        if (nuts.isEmpty() && !CsvTable.get(row, "implementation_level").equals("national")) {
            if (location.isEmpty()) throw new IllegalArgumentException(where + ": a practice below national level needs nuts_code or location_as_stated");
            p.addProperty(DCTerms.spatial, ctx.namedArea(location));
        }
    }

    /** A project the page names, by its acronym as written there, sourced by that page. */
    private static Resource project(Model m, String acronym, String source, PersonNames names, String where) {
        Resource project = m.createResource(IG.id("project", Slugs.of(acronym)));
        if (project.getURI().equals(InnoContext.PROJECT)) {
            throw new IllegalArgumentException(where + ": mark INNO INDUSTRY practices with inno_industry=yes, not as a project of their own");
        }
        project.addProperty(RDF.type, IG.Project);
        Facts.code(project, IG.p("acronym"), acronym);
        Facts.text(project, RDFS.label, acronym);
        Facts.text(project, DCTerms.title, acronym);
        Facts.sources(project, DCTerms.source, source, names);
        return project;
    }
}
