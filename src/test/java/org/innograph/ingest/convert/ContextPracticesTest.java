package org.innograph.ingest.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.innograph.vocabulary.IG;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * data/sources/context/good_practices.csv as a researcher would check it against its pages and the graph: every row
 * is complete and well-formed, and data/context-practices.ttl holds each title letter for letter.
 */
class ContextPracticesTest {
    private static final Path SOURCES = Path.of("data/sources");
    private static CsvTable csv;
    private static CsvTable countries;
    private static Set<String> nutsCodes;

    @BeforeAll
    static void read() {
        csv = CsvTable.read(SOURCES.resolve(ContextPracticeConverter.CSV));
        countries = CsvTable.read(SOURCES.resolve("eu/countries.csv"));
        nutsCodes = new TreeSet<>(NutsConverter.codes(CsvTable.read(SOURCES.resolve("eu/nuts2021.csv"))));
        nutsCodes.addAll(NutsConverter.codes(CsvTable.read(SOURCES.resolve("eu/nuts2024.csv"))));
    }

    @Test
    void everyRowHasTitleCountryThemeAndAWellFormedSource() {
        Set<String> iso3 = countries.rows().stream().map(r -> CsvTable.get(r, "iso_alpha3")).collect(Collectors.toSet());
        Set<String> themes = themeSlugs();
        assertFalse(csv.rows().isEmpty());
        for (var row : csv.rows()) {
            String slug = CsvTable.get(row, "slug");
            assertFalse(CsvTable.get(row, "title").isEmpty(), slug);
            assertTrue(CsvTable.get(row, "title").equals(row.get("title")), "title has surrounding blanks: " + slug);
            assertTrue(CsvTable.get(row, "title_lang").matches("[a-z]{2,3}"), "title language of " + slug);
            assertTrue(iso3.contains(CsvTable.get(row, "country_iso3")), "country of " + slug);
            assertFalse(CsvTable.get(row, "summary_own_words").isEmpty(), "summary of " + slug);
            List<String> rowThemes = List.of(CsvTable.get(row, "themes").split("\\s+"));
            assertFalse(rowThemes.isEmpty() || rowThemes.get(0).isEmpty(), "themes of " + slug);
            for (String theme : rowThemes) assertTrue(themes.contains(theme), "unknown theme " + theme + " in " + slug);
            assertWellFormedHttpUrl(CsvTable.get(row, "source_url"), slug);
            for (String other : CsvTable.get(row, "other_sources").split(";")) {
                if (!other.isBlank()) assertWellFormedHttpUrl(other.trim(), slug);
            }
        }
    }

    @Test
    void nutsCodesExistAndLieInTheRowsCountry() {
        CountryIndex index = new CountryIndex(countries);
        for (var row : csv.rows()) {
            String nuts = CsvTable.get(row, "nuts_code");
            if (nuts.isEmpty()) continue;
            assertTrue(nutsCodes.contains(nuts), "unknown NUTS code " + nuts);
            assertTrue(nuts.startsWith(index.twoLetterCode(CsvTable.get(row, "country_iso3"), "test")),
                    nuts + " is not in the country of " + row.get("slug"));
        }
    }

    @Test
    void slugsAreUniqueStableAndDistinctFromTheInnoPractices() {
        Set<String> seen = new HashSet<>();
        Set<String> inno = CsvTable.read(SOURCES.resolve("inno-industry/good_practices.csv")).rows().stream()
                .map(r -> Slugs.of(CsvTable.get(r, "title"))).collect(Collectors.toSet());
        for (var row : csv.rows()) {
            String slug = CsvTable.get(row, "slug");
            assertTrue(slug.matches("[a-z0-9]+(-[a-z0-9]+)*"), slug);
            // a trailing number must come from the title ("...-4-0"), never be a counter ("...-workshop-15")
            var number = java.util.regex.Pattern.compile("-(\\d+)$").matcher(slug);
            if (number.find()) {
                assertTrue(Slugs.of(CsvTable.get(row, "title")).endsWith(number.group()), "a slug has no counter: " + slug);
            }
            assertTrue(seen.add(slug), "slug used twice: " + slug);
            assertFalse(inno.contains(slug), "slug of an INNO INDUSTRY practice: " + slug);
        }
    }

    @Test
    void theShippedGraphHoldsEveryTitleLetterForLetter() {
        Model shipped = RDFDataMgr.loadModel("data/" + ContextPracticeConverter.GRAPH + ".ttl");
        assertEquals(csv.size(), shipped.listSubjectsWithProperty(RDF.type, IG.GoodPractice).toList().size());
        for (var row : csv.rows()) {
            Resource practice = shipped.getResource(IG.id("practice", CsvTable.get(row, "slug")));
            List<RDFNode> titles = shipped.listObjectsOfProperty(practice, DCTerms.title).toList();
            assertEquals(1, titles.size(), row.get("slug"));
            Literal title = titles.get(0).asLiteral();
            assertEquals(row.get("title"), title.getLexicalForm());
            assertEquals(CsvTable.get(row, "title_lang"), title.getLanguage());
            assertTrue(shipped.contains(practice, DCTerms.source, shipped.getResource(CsvTable.get(row, "source_url"))));
        }
        // every text literal of the graph is language-tagged, except identifiers, acronyms and dates
        List<String> untagged = new ArrayList<>();
        shipped.listStatements().forEach(s -> {
            if (s.getObject().isLiteral() && s.getLiteral().getLanguage().isEmpty()
                    && s.getLiteral().getDatatypeURI().endsWith("#string")
                    && !s.getPredicate().equals(DCTerms.identifier) && !s.getPredicate().equals(IG.p("acronym"))
                    && !s.getSubject().getURI().startsWith(IG.GRAPH)
                    && !s.getSubject().getURI().startsWith(IG.id("project", ""))) {
                untagged.add(s.toString());
            }
        });
        assertEquals(List.of(), untagged);
    }

    @Test
    void onlyRowsNamingInnoIndustryAreSharedInItAndNamedProjectsAreMinted(@TempDir Path tmp) throws IOException {
        Path sources = copyOfSources(tmp, String.join("\n", header(),
                row("one-practice", "Ein Beispiel: Förderung", "de", "yes", "", "AUT", "AT12"),
                row("other-practice", "Another practice", "en", "", "SMARTY", "ITA", "")) + "\n");
        Model m = convert(sources);
        Resource one = m.getResource(IG.id("practice", "one-practice"));
        Resource other = m.getResource(IG.id("practice", "other-practice"));
        assertEquals("Ein Beispiel: Förderung", m.getProperty(one, DCTerms.title).getString());
        assertEquals("de", m.getProperty(one, DCTerms.title).getLanguage());
        assertTrue(m.contains(one, IG.p("sharedInProject"), m.getResource(InnoContext.PROJECT)));
        assertEquals(List.of(IG.confirmed), m.listObjectsOfProperty(m.getResource(one.getURI() + "/project-link/inno-industry"),
                IG.p("linkCertainty")).toList());
        assertTrue(m.contains(one, DCTerms.spatial, m.getResource(IG.nuts("AT12"))));
        Resource smarty = m.getResource(IG.id("project", "smarty"));
        assertTrue(m.contains(other, IG.p("sharedInProject"), smarty));
        assertTrue(m.contains(smarty, RDF.type, IG.Project));
        assertTrue(m.contains(smarty, DCTerms.source, m.getResource("https://example.org/page")));
        assertFalse(m.contains(other, IG.p("sharedInProject"), m.getResource(InnoContext.PROJECT)));
        assertFalse(m.contains(m.getResource(other.getURI() + "/project-link/inno-industry"), RDF.type, IG.ProjectLink));
    }

    @Test
    void badRowsAreRejectedNamingTheirLine(@TempDir Path tmp) throws IOException {
        Map<String, String> bad = Map.of(
                "twice", row("same", "A", "en", "", "", "ITA", "") + "\n" + row("same", "B", "en", "", "", "ITA", ""),
                "ISO alpha-3", row("a", "A", "en", "", "", "IT", ""),
                "NUTS code", row("a", "A", "en", "", "", "ITA", "XX99"),
                "theme", row("a", "A", "en", "", "", "ITA", "").replace("industry-4-0", ""),
                "source_url", row("a", "A", "en", "", "", "ITA", "").replace("https://example.org/page", "example.org/page"),
                "title", row("a", "", "en", "", "", "ITA", ""),
                "INNO INDUSTRY", row("a", "A", "en", "", "INNO INDUSTRY", "ITA", ""));
        for (var e : bad.entrySet()) {
            Path sources = copyOfSources(tmp.resolve(Integer.toString(Math.abs(e.getKey().hashCode()))), header() + "\n" + e.getValue() + "\n");
            IllegalArgumentException x = assertThrows(IllegalArgumentException.class, () -> convert(sources), e.getKey());
            assertTrue(x.getMessage().contains(e.getKey()) || x.getMessage().contains("line 2") || x.getMessage().contains("line 3"),
                    e.getKey() + ": " + x.getMessage());
        }
    }

    private static Model convert(Path sources) {
        return ContextPracticeConverter.convert(sources, new CountryIndex(countries), nutsCodes,
                new PersonNames(sources.resolve("curation/person_names.sha256")));
    }

    private static String header() {
        return String.join(",", "slug", "title", "title_lang", "inno_industry", "project", "country_iso3", "nuts_code", "implementation_level",
                "location_as_stated", "themes", "summary_own_words", "owner_as_stated", "resources_needed",
                "evidence_of_success", "timescale", "published_on", "source_url", "other_sources", "retrieved_on");
    }

    private static String row(String slug, String title, String lang, String inno, String project, String iso3, String nuts) {
        return String.join(",", slug, "\"" + title + "\"", lang, inno, project, iso3, nuts, "", "somewhere",
                "industry-4-0", "A summary.", "", "", "", "", "", "https://example.org/page", "", "2026-12-06");
    }

    /** The converter reads partners and person names beside the CSV; a test CSV goes into a copy of those. */
    private static Path copyOfSources(Path dir, String contextCsv) throws IOException {
        for (String file : List.of("inno-industry/partners.csv", "curation/partners_extra.csv", "curation/person_names.sha256")) {
            Path to = dir.resolve(file);
            Files.createDirectories(to.getParent());
            Files.copy(SOURCES.resolve(file), to);
        }
        Path csvFile = dir.resolve(ContextPracticeConverter.CSV);
        Files.createDirectories(csvFile.getParent());
        Files.writeString(csvFile, contextCsv);
        return dir;
    }

    private static Set<String> themeSlugs() {
        Model themes = RDFDataMgr.loadModel("ontology/themes.ttl");
        return themes.listSubjectsWithProperty(RDF.type, SKOS.Concept).toList().stream()
                .map(Resource::getURI).filter(u -> u.startsWith(IG.THEME)).map(u -> u.substring(IG.THEME.length()))
                .collect(Collectors.toSet());
    }

    private static void assertWellFormedHttpUrl(String url, String slug) {
        URI uri = URI.create(url);
        assertTrue(uri.getScheme().equals("http") || uri.getScheme().equals("https"), url);
        assertTrue(uri.getHost() != null && !uri.getHost().endsWith(".") && uri.getHost().contains("."), "host of " + url + " (" + slug + ")");
        assertFalse(url.matches(".*\\s.*"), url);
    }
}
