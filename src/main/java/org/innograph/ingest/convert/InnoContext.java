package org.innograph.ingest.convert;

import java.nio.file.Path;
import java.util.Set;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.innograph.vocabulary.IG;

/**
 * What the INNO INDUSTRY converters share: the stated graph, the inferred graph (values no source states), the lookups
 * for countries, NUTS codes and partners, and the person-name screen.
 */
final class InnoContext {
    static final String PROJECT = IG.id("project", "inno-industry");

    final Path dir;
    final Path curation;
    final Model stated;
    final Model inferred;
    final CountryIndex countries;
    final Set<String> nutsCodes;
    final PartnerDirectory partners;
    final PersonNames names;

    InnoContext(Path sources, Model stated, Model inferred, CountryIndex countries, Set<String> nutsCodes, PersonNames names) {
        this.dir = sources.resolve("inno-industry");
        this.curation = sources.resolve("curation");
        this.stated = stated;
        this.inferred = inferred;
        this.countries = countries;
        this.nutsCodes = nutsCodes;
        this.names = names;
        this.partners = new PartnerDirectory(table("partners.csv"), CsvTable.read(curation.resolve("partners_extra.csv")));
    }

    CsvTable table(String file) { return CsvTable.read(dir.resolve(file)); }

    CsvTable curated(String file) { return CsvTable.read(curation.resolve(file)); }

    String requireNuts(String code, String context) {
        if (!nutsCodes.contains(code)) throw new IllegalArgumentException("NUTS code " + code + " does not exist (" + context + ")");
        return IG.nuts(code);
    }

    /**
     * The stated country of a record gives its NUTS level-0 unit (a country is a NUTS unit): a fact, not an inference.
     * Codes that are not a country ("multi (Central Europe)") give nothing here.
     */
    void placeInCountry(Resource r, String countryCode, String context) {
        if (!countryCode.matches("[A-Z]{2}")) return;
        r.addProperty(IG.p("country"), stated.createResource(countries.require(countryCode, context)));
        r.addProperty(DCTerms.spatial, stated.createResource(requireNuts(countryCode, context)));
    }

    /** A named area that is not a NUTS unit (e.g. "CENTROPE area") becomes a labelled region of our own. */
    Resource namedArea(String label) {
        return PracticeFacts.namedArea(stated, label);
    }

    String text(String value) { return names.clean(value); }
}
