package org.innograph.ingest.convert;

import java.util.Map;
import java.util.TreeMap;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.innograph.vocabulary.IG;

/**
 * Policy instruments. Where the sources do not name an instrument ("(not found) ..."), the instrument exists (a
 * partner addresses it) but has no label: a name is never made up. IRIs come from the slug kept in the CSV.
 */
final class InstrumentConverter {
    private InstrumentConverter() {}

    /** Partner id to the IRI of the instrument it addresses. */
    static Map<String, String> convert(InnoContext ctx) {
        Map<String, String> addressed = new TreeMap<>();
        for (var row : ctx.table("policy_instruments.csv").rows()) {
            String name = CsvTable.get(row, "instrument_name");
            String country = CsvTable.get(row, "country");
            boolean named = !name.startsWith("(");
            Resource i = ctx.stated.createResource(IG.id("instrument", CsvTable.get(row, "slug")));
            i.addProperty(RDF.type, IG.PolicyInstrument);
            i.addProperty(DCTerms.identifier, CsvTable.get(row, "pi_id"));
            if (named) i.addProperty(RDFS.label, name, "en");
            else i.addProperty(SKOS.editorialNote, "The sources do not name this instrument. Source entry: " + name, "en");
            Facts.text(i, IG.p("instrumentType"), CsvTable.get(row, "instrument_type"));
            ctx.placeInCountry(i, country, "policy_instruments.csv " + row.get("pi_id"));
            Facts.text(i, IG.p("locationLabel"), CsvTable.get(row, "region"));
            Facts.text(i, IG.p("responsibleBody"), CsvTable.get(row, "managing_or_responsible_body"));
            Facts.text(i, IG.p("innoLinkNote"), ctx.text(CsvTable.get(row, "link_to_inno")));
            Facts.text(i, SKOS.note, ctx.text(CsvTable.get(row, "what_is_known")));
            String source = CsvTable.get(row, "source_url");
            Facts.sources(i, DCTerms.source, source, ctx.names);
            if (Facts.urls(source).isEmpty()) throw new IllegalArgumentException("instrument " + row.get("pi_id") + " has no source URL");
            String by = CsvTable.get(row, "addressed_by_partner");
            if (!by.isEmpty() && !by.startsWith("(")) {
                var partner = ctx.partners.namedOnce(by).orElseThrow(() -> new IllegalArgumentException("instrument " + row.get("pi_id") + ": cannot tell which partner '" + by + "' is"));
                PartnerConverter.membership(ctx, partner).addProperty(IG.p("addressesInstrument"), i);
                addressed.put(partner.id(), i.getURI());
            }
        }
        return addressed;
    }
}
