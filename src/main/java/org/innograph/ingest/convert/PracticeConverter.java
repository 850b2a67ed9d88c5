package org.innograph.ingest.convert;

import java.util.Map;
import java.util.TreeMap;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.innograph.vocabulary.IG;

/**
 * The good practices of good_practices.csv with every field the sources give. The title is the source's, letter for
 * letter and language-tagged; the IRI slug is the one minted once and kept in the CSV. How sure the link with INNO
 * INDUSTRY is becomes a qualified {@link ProjectLinks project link}; only a confirmed link is also stated plainly.
 */
final class PracticeConverter {
    private PracticeConverter() {}

    /** gp_id to practice IRI, for action inspirations. */
    static Map<String, String> convert(InnoContext ctx) {
        Map<String, String> themesByTopic = new TreeMap<>();
        ctx.curated("topic_themes.csv").rows().forEach(r -> themesByTopic.put(CsvTable.get(r, "topic"), CsvTable.get(r, "themes")));
        Map<String, String> ownerPartner = new TreeMap<>();
        ctx.curated("practice_owner_partner.csv").rows().forEach(r -> ownerPartner.put(CsvTable.get(r, "gp_id"), CsvTable.get(r, "partner_id")));
        Map<String, String> iris = new TreeMap<>();
        for (var row : ctx.table("good_practices.csv").rows()) {
            String gp = CsvTable.get(row, "gp_id");
            Resource p = PracticeFacts.create(ctx.stated, row, "good_practices.csv " + gp);
            if (iris.containsValue(p.getURI())) throw new IllegalArgumentException("two practices share the IRI " + p.getURI());
            iris.put(gp, p.getURI());
            p.addProperty(DCTerms.identifier, gp);
            Facts.text(p, IG.p("ownerAsStated"), ctx.text(CsvTable.get(row, "owner_or_implementer")));
            if (ownerPartner.containsKey(gp)) {
                p.addProperty(IG.p("ownerOrImplementer"), ctx.stated.createResource(ctx.partners.get(ownerPartner.get(gp)).iri()));
            }
            location(ctx, p, row);
            for (String topic : CsvTable.get(row, "topics").split(";")) {
                topic = topic.trim();
                if (topic.isEmpty()) continue;
                if (!themesByTopic.containsKey(topic)) throw new IllegalArgumentException("topic '" + topic + "' of " + gp + " is not in curation/topic_themes.csv");
                p.addProperty(IG.p("topicAsStated"), topic, "en");
                for (String theme : themesByTopic.get(topic).split("\\s+")) {
                    if (!theme.isBlank()) p.addProperty(DCTerms.subject, ctx.stated.createResource(IG.THEME + theme));
                }
            }
            Facts.text(p, IG.p("timescale"), CsvTable.get(row, "timescale"));
            clusters(p, CsvTable.get(row, "involves_clusters"));
            Facts.text(p, IG.p("resourcesNeeded"), ctx.text(CsvTable.get(row, "resources_needed")));
            Facts.text(p, IG.p("evidenceOfSuccess"), ctx.text(CsvTable.get(row, "evidence_of_success")));
            Facts.text(p, IG.p("difficultiesEncountered"), ctx.text(CsvTable.get(row, "difficulties")));
            String page = CsvTable.get(row, "gp_database_page");
            if (page.startsWith("http")) Facts.sources(p, IG.p("databasePage"), page, ctx.names);
            else Facts.text(p, SKOS.editorialNote, page.isEmpty() ? "" : "Good-practice database page: " + page);
            String link = CsvTable.get(row, "inno_industry_link");
            Resource certainty = certainty(link);
            if (certainty != null) {
                // the evidence pages where the notes give them, else the practice's own sources (what makes it likely)
                String evidence = CsvTable.get(row, "inno_industry_evidence_url");
                ProjectLinks.link(p, ctx.stated.createResource(InnoContext.PROJECT), certainty, ctx.text(link),
                        Facts.urls(evidence).isEmpty() ? CsvTable.get(row, "source_url") : evidence, ctx.names);
            } else {
                Facts.text(p, IG.p("innoLinkNote"), ctx.text(link));
            }
            Facts.sources(p, IG.p("innoLinkEvidence"), CsvTable.get(row, "inno_industry_evidence_url"), ctx.names);
            Facts.sources(p, DCTerms.source, CsvTable.get(row, "source_url"), ctx.names);
            Facts.sources(p, RDFS.seeAlso, CsvTable.get(row, "other_sources"), ctx.names);
        }
        return iris;
    }

    private static void location(InnoContext ctx, Resource p, Map<String, String> row) {
        String gp = "good_practices.csv " + row.get("gp_id");
        String country = CsvTable.get(row, "country");
        String region = CsvTable.get(row, "region");
        Facts.text(p, IG.p("locationLabel"), region);
        if (country.matches("[A-Z]{2}")) {
            ctx.placeInCountry(p, country, gp);
        } else if (!region.isEmpty()) {
            p.addProperty(DCTerms.spatial, ctx.namedArea(region));
        }
        PracticeFacts.place(p, row, ctx.nutsCodes, gp);
        String inferred = CsvTable.get(row, "nuts_inferred");
        if (!inferred.isEmpty()) {
            ctx.inferred.createResource(p.getURI()).addProperty(DCTerms.spatial,
                    ctx.inferred.createResource(ctx.requireNuts(inferred, "nuts_inferred of " + row.get("gp_id"))));
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
     * FACTS.md section 9: GP01-GP12 are INNO practices (named in INNO sources), GP13 likely, GP14 possible, the rest
     * context (no link). The CSV wording carries that; "possible" stays possible.
     */
    static Resource certainty(String stated) {
        if (stated.startsWith("confirmed") || stated.startsWith("used in INNO")) return IG.confirmed;
        if (stated.startsWith("likely")) return IG.likely;
        if (stated.startsWith("possible")) return IG.possible;
        return null;
    }
}
