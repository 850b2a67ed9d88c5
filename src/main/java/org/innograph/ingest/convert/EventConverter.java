package org.innograph.ingest.convert;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.innograph.vocabulary.IG;

/** Dated project events. "2019-09-03/04" is a two-day event: start 3 Sep, end 4 Sep. */
final class EventConverter {
    private EventConverter() {}

    static void convert(InnoContext ctx) {
        for (var row : ctx.table("events.csv").rows()) {
            String date = CsvTable.get(row, "date");
            String label = CsvTable.get(row, "event");
            String start = date.substring(0, 10);
            Resource e = ctx.stated.createResource(IG.id("event", CsvTable.get(row, "slug")));
            e.addProperty(RDF.type, IG.Event);
            Facts.text(e, RDFS.label, ctx.text(label));
            Facts.typed(e, IG.p("startDate"), start, XSDDatatype.XSDdate);
            if (date.length() > 10) {
                Facts.typed(e, IG.p("endDate"), date.substring(0, 8) + date.substring(11), XSDDatatype.XSDdate);
            }
            Facts.text(e, IG.p("placeLabel"), CsvTable.get(row, "place"));
            String organiser = CsvTable.get(row, "organiser");
            Facts.text(e, IG.p("organiserAsStated"), organiser);
            ctx.partners.named(organiser).forEach(p -> e.addProperty(IG.p("organisedBy"), ctx.stated.createResource(p.iri())));
            e.addProperty(IG.p("inProject"), ctx.stated.createResource(InnoContext.PROJECT));
            Facts.text(e, SKOS.note, ctx.text(CsvTable.get(row, "notes")));
            Facts.sources(e, DCTerms.source, CsvTable.get(row, "source_url"), ctx.names);
        }
    }
}
