package org.innograph.ingest.convert;

import java.util.Map;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.innograph.vocabulary.IG;

/**
 * One action plan per partner; its actions, and the practice each action learned from (ig:inspiredBy) where the
 * sources say so (curation/action_inspirations.csv records which source says it and how certain it is: only a confirmed
 * inspiration is stated plainly, a likely or possible one, e.g. a shortlisted practice, only as a qualified link). Rows whose content was not found
 * become a note on the plan, not an action.
 */
final class ActionPlanConverter {
    private ActionPlanConverter() {}

    static void convert(InnoContext ctx, Map<String, String> practices, Map<String, String> instruments) {
        Map<String, Resource> actions = new java.util.TreeMap<>();
        for (var row : ctx.table("action_plans.csv").rows()) {
            String apId = CsvTable.get(row, "ap_id");
            var partner = ctx.partners.namedOnce(CsvTable.get(row, "partner"))
                    .orElseThrow(() -> new IllegalArgumentException("action plan row " + apId + ": unknown partner"));
            Resource plan = plan(ctx, partner, instruments);
            Facts.sources(plan, DCTerms.source, CsvTable.get(row, "source_url"), ctx.names);
            String action = CsvTable.get(row, "action");
            if (action.startsWith("(content not found")) {
                plan.addProperty(SKOS.editorialNote, "The content of this action plan was not found in the sources.", "en");
                Facts.text(plan, SKOS.note, ctx.text(CsvTable.get(row, "summary_own_words")));
                continue;
            }
            Resource a = ctx.stated.createResource(IG.id("action", "inno-industry-" + Slugs.of(apId.replaceFirst("^AP-", ""))));
            a.addProperty(RDF.type, IG.Action);
            a.addProperty(DCTerms.identifier, apId);
            a.addProperty(RDFS.label, partner.shortName() + ": " + action, "en");
            Facts.text(a, IG.p("summary"), ctx.text(CsvTable.get(row, "summary_own_words")));
            Facts.text(a, IG.p("inspirationAsStated"), ctx.text(CsvTable.get(row, "inspired_by_gp")));
            Facts.text(a, IG.p("status"), CsvTable.get(row, "status_or_timeline"));
            Facts.text(a, IG.p("relatedBodyAsStated"), CsvTable.get(row, "related_instrument_or_body"));
            Facts.sources(a, DCTerms.source, CsvTable.get(row, "source_url"), ctx.names);
            plan.addProperty(IG.p("hasAction"), a);
            actions.put(apId, a);
        }
        for (var row : ctx.curated("action_inspirations.csv").rows()) {
            Resource a = actions.get(CsvTable.get(row, "ap_id"));
            String practice = practices.get(CsvTable.get(row, "gp_id"));
            if (a == null || practice == null) throw new IllegalArgumentException("action_inspirations.csv: unknown id in " + row);
            ProjectLinks.inspiration(a, ctx.stated.createResource(practice), ProjectLinks.certainty(CsvTable.get(row, "certainty")),
                    CsvTable.get(row, "basis"), CsvTable.get(row, "source_url"), ctx.names);
        }
    }

    private static Resource plan(InnoContext ctx, PartnerDirectory.Partner partner, Map<String, String> instruments) {
        Resource plan = ctx.stated.createResource(IG.id("action-plan", "inno-industry-" + partner.slug()));
        if (!plan.hasProperty(RDF.type)) {
            plan.addProperty(RDF.type, IG.ActionPlan);
            plan.addProperty(RDFS.label, "Action plan of " + partner.shortName() + " (INNO INDUSTRY)", "en");
            plan.addProperty(IG.p("actionPlanOf"), ctx.stated.createResource(partner.iri()));
            plan.addProperty(IG.p("inProject"), ctx.stated.createResource(InnoContext.PROJECT));
            if (instruments.containsKey(partner.id())) {
                plan.addProperty(IG.p("addressesInstrument"), ctx.stated.createResource(instruments.get(partner.id())));
            }
        }
        return plan;
    }
}
