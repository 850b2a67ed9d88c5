package org.innograph.ingest.convert;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.innograph.vocabulary.IG;

/**
 * The good-practice table, {@code data/sources/inno-industry/good_practices.csv}, to RDF: the one mapping of its
 * columns, used by the shipped-data converter and by the import API for a curator's sheet in the same template, so
 * both describe practices alike. The title is the source's, letter for letter and language-tagged; the IRI slug is
 * the one minted once and kept in the CSV. How sure the link with INNO INDUSTRY is becomes a qualified
 * {@link ProjectLinks project link}; only a confirmed link is also stated plainly. Values no column gives stay absent.
 */
public final class GoodPracticeRows {

    public static final List<String> COLUMNS = List.of("gp_id", "slug", "title", "title_lang", "alt_title",
            "alt_title_lang", "owner_or_implementer", "country", "region", "nuts_code", "implementation_level",
            "nuts_inferred", "summary_own_words", "topics", "timescale", "involves_clusters", "resources_needed",
            "evidence_of_success", "difficulties", "gp_database_page", "inno_industry_link",
            "inno_industry_evidence_url", "source_url", "other_sources");

    /** Which column a property comes from, to place a SHACL problem in the sheet. */
    private static final Map<String, String> COLUMN_OF_PROPERTY = Map.ofEntries(
            Map.entry(DCTerms.identifier.getURI(), "gp_id"), Map.entry(DCTerms.title.getURI(), "title"),
            Map.entry(DCTerms.alternative.getURI(), "alt_title"), Map.entry(SKOS.altLabel.getURI(), "alt_title"),
            Map.entry(IG.NS + "implementationLevel", "implementation_level"), Map.entry(IG.NS + "projectLink", "inno_industry_link"),
            Map.entry(RDFS.label.getURI(), "title"), Map.entry(IG.NS + "ownerAsStated", "owner_or_implementer"),
            Map.entry(IG.NS + "country", "country"), Map.entry(DCTerms.spatial.getURI(), "country"),
            Map.entry(IG.NS + "locationLabel", "region"), Map.entry(IG.NS + "summary", "summary_own_words"),
            Map.entry(DCTerms.subject.getURI(), "topics"), Map.entry(IG.NS + "topicAsStated", "topics"),
            Map.entry(IG.NS + "timescale", "timescale"), Map.entry(IG.NS + "involvesClusters", "involves_clusters"),
            Map.entry(IG.NS + "clusterInvolvement", "involves_clusters"),
            Map.entry(IG.NS + "resourcesNeeded", "resources_needed"),
            Map.entry(IG.NS + "evidenceOfSuccess", "evidence_of_success"),
            Map.entry(IG.NS + "difficultiesEncountered", "difficulties"), Map.entry(IG.NS + "databasePage", "gp_database_page"),
            Map.entry(IG.NS + "sharedInProject", "inno_industry_link"), Map.entry(IG.NS + "innoLinkNote", "inno_industry_link"),
            Map.entry(IG.NS + "innoLinkEvidence", "inno_industry_evidence_url"),
            Map.entry(DCTerms.source.getURI(), "source_url"), Map.entry(RDFS.seeAlso.getURI(), "other_sources"));

    private final Map<String, String> themesOfTopic;
    private final PersonNames names;

    /**
     * @param themesOfTopic the curated keyword-to-theme table ({@code curation/topic_themes.csv}: keyword to
     *                      space-separated theme slugs), matched in any case
     * @param names         the persons no value may name (persons are not modelled)
     */
    public GoodPracticeRows(Map<String, String> themesOfTopic, PersonNames names) {
        this.themesOfTopic = new HashMap<>();
        themesOfTopic.forEach((topic, themes) -> this.themesOfTopic.put(topic.toLowerCase(Locale.ROOT), themes));
        this.names = names;
    }

    /** The keyword-to-theme table of a {@code topic,themes} CSV file. */
    public static Map<String, String> topicThemes(Path file) {
        Map<String, String> themes = new LinkedHashMap<>();
        CsvTable.read(file).rows().forEach(r -> themes.put(CsvTable.get(r, "topic"), CsvTable.get(r, "themes")));
        return themes;
    }

    /** The sheet column a property's values come from, or null. */
    public static String columnOf(String property) {
        return COLUMN_OF_PROPERTY.get(property);
    }

    /**
     * A sheet of rows to map into {@code stated}; {@code inferred} takes what no source states (nuts_inferred), and
     * may be the same model.
     *
     * @param countries    a country's IRI by the code the column holds (NUTS country code or ISO alpha-2), null when
     *                     the graph has no such country
     * @param themesByName a theme's IRI by its slug or label in lower case, for topics that name a theme directly
     */
    public Sheet sheet(Model stated, Model inferred, Function<String, String> countries, Map<String, String> themesByName,
                       CellProblems problems) {
        return new Sheet(stated, inferred, countries, themesByName, problems);
    }

    /** The rows of one table, mapped one by one; what a row cannot give is reported with its cell. */
    public final class Sheet {
        private final Model stated;
        private final Model inferred;
        private final Function<String, String> countries;
        private final Map<String, String> themesByName;
        private final CellProblems problems;
        private final Map<String, Long> rowOfPractice = new LinkedHashMap<>();
        private final Map<String, Long> rowOfId = new HashMap<>();
        private final Map<String, SheetCell> nutsUsed = new LinkedHashMap<>();
        private final List<String> notes = new ArrayList<>();

        private Sheet(Model stated, Model inferred, Function<String, String> countries, Map<String, String> themesByName,
                      CellProblems problems) {
            this.stated = stated;
            this.inferred = inferred;
            this.countries = countries;
            this.themesByName = themesByName;
            this.problems = problems;
        }

        /** The practice of a row (numbered as a spreadsheet shows it), or null when it cannot have an IRI. */
        public Resource add(long row, Map<String, String> original) {
            Map<String, String> cells = withoutPersonNames(row, original);
            String id = CsvTable.get(cells, "gp_id");
            if (id.isEmpty()) {
                problems.add(row, "gp_id", null, "every practice needs an identifier");
            } else if (rowOfId.containsKey(id)) {
                problems.add(row, "gp_id", id, "identifier already used in row " + rowOfId.get(id));
            }
            rowOfId.putIfAbsent(id, row);
            String iri = PracticeFacts.iri(row, cells, problems);
            if (iri == null) {
                return null;
            }
            if (rowOfPractice.containsKey(iri)) {
                problems.add(row, "title", CsvTable.get(cells, "title"), "gives the same practice IRI <" + iri
                        + "> as row " + rowOfPractice.get(iri));
                return null;
            }
            rowOfPractice.put(iri, row);
            Resource p = PracticeFacts.describe(stated, iri, row, cells, problems);
            Facts.code(p, DCTerms.identifier, id);
            Facts.text(p, IG.p("ownerAsStated"), CsvTable.get(cells, "owner_or_implementer"));
            location(p, row, cells);
            topics(p, row, CsvTable.get(cells, "topics"));
            Facts.text(p, IG.p("timescale"), CsvTable.get(cells, "timescale"));
            clusters(p, CsvTable.get(cells, "involves_clusters"));
            Facts.text(p, IG.p("resourcesNeeded"), CsvTable.get(cells, "resources_needed"));
            Facts.text(p, IG.p("evidenceOfSuccess"), CsvTable.get(cells, "evidence_of_success"));
            Facts.text(p, IG.p("difficultiesEncountered"), CsvTable.get(cells, "difficulties"));
            String page = CsvTable.get(cells, "gp_database_page");
            if (page.startsWith("http")) {
                Facts.sources(p, IG.p("databasePage"), page, names);
            } else {
                Facts.text(p, SKOS.editorialNote, page.isEmpty() ? "" : "Good-practice database page: " + page);
            }
            projectLink(p, cells);
            Facts.sources(p, IG.p("innoLinkEvidence"), CsvTable.get(cells, "inno_industry_evidence_url"), names);
            Facts.sources(p, DCTerms.source, CsvTable.get(cells, "source_url"), names);
            Facts.sources(p, RDFS.seeAlso, CsvTable.get(cells, "other_sources"), names);
            return p;
        }

        /** Practice IRI to the row that gave it. */
        public Map<String, Long> rowOfPractice() {
            return rowOfPractice;
        }

        /** Every NUTS code the rows state or infer, with the first cell it stands in: the caller checks they exist. */
        public Map<String, SheetCell> nutsCodes() {
            return nutsUsed;
        }

        /** What a curator should know although nothing was wrong: values left out because they name a person. */
        public List<String> notes() {
            return notes;
        }

        /** The country and its NUTS level-0 unit, else the region as worded; the stated and the inferred NUTS unit. */
        private void location(Resource p, long row, Map<String, String> cells) {
            String country = CsvTable.get(cells, "country");
            String region = CsvTable.get(cells, "region");
            Facts.text(p, IG.p("locationLabel"), region);
            if (country.matches("[A-Z]{2}")) {
                String iri = countries.apply(country);
                if (iri == null) {
                    problems.add(row, "country", country, "not a country code of the graph (NUTS country code or ISO 3166 alpha-2)");
                } else {
                    p.addProperty(IG.p("country"), stated.createResource(iri));
                    // a country is a NUTS level-0 unit; the NUTS code is the one the column holds (EL for Greece)
                    p.addProperty(DCTerms.spatial, stated.createResource(IG.nuts(country)));
                }
            } else if (!region.isEmpty()) {
                p.addProperty(DCTerms.spatial, PracticeFacts.namedArea(stated, region));
            }
            PracticeFacts.place(p, row, cells, problems, nutsUsed);
            String guess = PracticeFacts.nutsCode(row, cells, "nuts_inferred", problems, nutsUsed);
            if (guess != null) {
                inferred.createResource(p.getURI()).addProperty(DCTerms.spatial, inferred.createResource(IG.nuts(guess)));
            }
        }

        private void topics(Resource p, long row, String stated) {
            for (String topic : stated.split(";")) {
                topic = topic.trim();
                if (topic.isEmpty()) {
                    continue;
                }
                p.addProperty(IG.p("topicAsStated"), topic, "en");
                String key = topic.toLowerCase(Locale.ROOT);
                if (themesOfTopic.containsKey(key)) {
                    for (String theme : themesOfTopic.get(key).split("\\s+")) {
                        if (!theme.isBlank()) {
                            p.addProperty(DCTerms.subject, p.getModel().createResource(IG.THEME + theme));
                        }
                    }
                } else if (themesByName.containsKey(key)) {
                    p.addProperty(DCTerms.subject, p.getModel().createResource(themesByName.get(key)));
                } else {
                    problems.add(row, "topics", topic, "names no theme: use a theme's slug or label, or add the keyword "
                            + "to data/sources/curation/topic_themes.csv");
                }
            }
        }

        /**
         * The row with every value that names a listed person left out (a URL cell loses only that URL), each noted
         * by row and column.
         */
        private Map<String, String> withoutPersonNames(long row, Map<String, String> original) {
            if (names.isEmpty()) {
                return original;
            }
            Map<String, String> cells = new HashMap<>(original);
            for (String column : COLUMNS) {
                String value = CsvTable.get(original, column);
                if (column.endsWith("_url") || column.equals("other_sources") || column.equals("gp_database_page")) {
                    Matcher matcher = Facts.URL.matcher(value);
                    StringBuilder kept = new StringBuilder();
                    int from = 0;
                    while (matcher.find()) {
                        if (names.namesAPerson(matcher.group())) {
                            notes.add("row " + row + ", column " + column + ": left out " + matcher.group()
                                    + " (it names a person; persons are not modelled)");
                            kept.append(value, from, matcher.start());
                            from = matcher.end();
                        }
                    }
                    if (from > 0) {
                        cells.put(column, kept.append(value.substring(from)).toString());
                    }
                } else if (!column.equals("title") && names.namesAPerson(value)) {
                    cells.put(column, "");
                    notes.add("row " + row + ", column " + column + ": value left out (it names a person; "
                            + "persons are not modelled)");
                }
            }
            return cells;
        }
    }

    /** Only a plain yes or no becomes a boolean; indirect, partly and unknown stay text. */
    private static void clusters(Resource p, String stated) {
        Facts.text(p, IG.p("clusterInvolvement"), stated);
        String first = stated.split("[\\s(]")[0];
        if (first.equals("yes") || first.equals("no")) {
            p.addLiteral(IG.p("involvesClusters"), p.getModel().createTypedLiteral(Boolean.toString(first.equals("yes")), XSDDatatype.XSDboolean));
        }
    }

    /**
     * FACTS.md section 9: "confirmed…"/"used in INNO…", "likely…" and "possible…" give a qualified link to INNO
     * INDUSTRY with that certainty, sourced by the evidence pages where the notes give them, else by the practice's
     * own sources (what makes it likely). Anything else is context (no link): the wording is kept as ig:innoLinkNote.
     */
    private void projectLink(Resource p, Map<String, String> cells) {
        String stated = CsvTable.get(cells, "inno_industry_link");
        Resource certainty = stated.startsWith("confirmed") || stated.startsWith("used in INNO") ? IG.confirmed
                : stated.startsWith("likely") ? IG.likely : stated.startsWith("possible") ? IG.possible : null;
        if (certainty == null) {
            Facts.text(p, IG.p("innoLinkNote"), stated);
            return;
        }
        String evidence = CsvTable.get(cells, "inno_industry_evidence_url");
        ProjectLinks.link(p, p.getModel().createResource(InnoContext.PROJECT), certainty, stated,
                Facts.urls(evidence).isEmpty() ? CsvTable.get(cells, "source_url") : evidence, names);
    }
}
