package org.innograph.ingest.convert;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

/**
 * The good practices of good_practices.csv with every field the sources give. How sure the INNO INDUSTRY link is
 * becomes ig:confirmed / ig:likely / ig:context; topic keywords are mapped to themes by curation/topic_themes.csv.
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
            String iri = IG.id("practice", Slugs.of(CsvTable.get(row, "title")));
            if (iris.containsValue(iri)) throw new IllegalArgumentException("two practices share the IRI " + iri);
            iris.put(gp, iri);
            List<String> topics = new ArrayList<>();
            List<String> themes = new ArrayList<>();
            for (String topic : CsvTable.get(row, "topics").split(";")) {
                topic = topic.trim();
                if (topic.isEmpty()) continue;
                if (!themesByTopic.containsKey(topic)) throw new IllegalArgumentException("topic '" + topic + "' of " + gp + " is not in curation/topic_themes.csv");
                topics.add(topic);
                for (String theme : themesByTopic.get(topic).split("\\s+")) if (!theme.isBlank()) themes.add(theme);
            }
            Resource p = describe(ctx, new Record(iri, gp, CsvTable.get(row, "title"), null, null,
                    CsvTable.get(row, "summary_own_words"), CsvTable.get(row, "owner_or_implementer"),
                    CsvTable.get(row, "country"), CsvTable.get(row, "region"), "", topics, themes,
                    CsvTable.get(row, "timescale"), CsvTable.get(row, "resources_needed"),
                    CsvTable.get(row, "evidence_of_success"), CsvTable.get(row, "difficulties"),
                    CsvTable.get(row, "gp_database_page"), CsvTable.get(row, "source_url"), CsvTable.get(row, "other_sources")),
                    "good_practices.csv " + gp);
            if (ownerPartner.containsKey(gp)) {
                p.addProperty(IG.p("ownerOrImplementer"), ctx.stated.createResource(ctx.partners.get(ownerPartner.get(gp)).iri()));
            }
            inferredNuts(ctx, p, row);
            clusters(p, CsvTable.get(row, "involves_clusters"));
            certainty(ctx, p, CsvTable.get(row, "inno_industry_link"), null);
            Facts.sources(p, IG.p("innoLinkEvidence"), CsvTable.get(row, "inno_industry_evidence_url"), ctx.names);
        }
        return iris;
    }

    /**
     * A good practice as any of our practice CSVs gives it. {@code titleLang} and {@code lang} tag the title and the
     * other text (null: untagged); {@code nuts} is a NUTS code the source states for the place ("" if none).
     */
    record Record(String iri, String identifier, String title, String titleLang, String lang, String summary,
                  String owner, String country, String locationAsStated, String nuts, List<String> topicsAsStated,
                  List<String> themes, String timescale, String resourcesNeeded, String evidenceOfSuccess,
                  String difficulties, String databasePage, String sources, String otherSources) {}

    /**
     * Maps what every practice has, whichever CSV it comes from, into ctx.stated: one mapping for the INNO INDUSTRY
     * practices and the context practices, so that both describe a practice alike.
     */
    static Resource describe(InnoContext ctx, Record r, String where) {
        Resource p = ctx.stated.createResource(r.iri());
        p.addProperty(RDF.type, IG.GoodPractice);
        p.addProperty(DCTerms.identifier, r.identifier());
        text(p, DCTerms.title, r.title(), r.titleLang());
        text(p, RDFS.label, r.title(), r.titleLang());
        text(p, IG.p("summary"), ctx.text(r.summary()), r.lang());
        text(p, IG.p("ownerAsStated"), ctx.text(r.owner()), r.lang());
        text(p, IG.p("locationLabel"), r.locationAsStated(), r.lang());
        if (r.country().matches("[A-Z]{2}")) {
            ctx.placeInCountry(p, r.country(), where);
        } else if (!r.locationAsStated().isEmpty()) {
            p.addProperty(DCTerms.spatial, ctx.namedArea(r.locationAsStated()));
        }
        if (!r.nuts().isEmpty()) p.addProperty(DCTerms.spatial, ctx.stated.createResource(ctx.requireNuts(r.nuts(), where)));
        r.topicsAsStated().forEach(t -> text(p, IG.p("topicAsStated"), t, r.lang()));
        r.themes().forEach(t -> p.addProperty(DCTerms.subject, ctx.stated.createResource(IG.THEME + t)));
        text(p, IG.p("timescale"), r.timescale(), r.lang());
        text(p, IG.p("resourcesNeeded"), ctx.text(r.resourcesNeeded()), r.lang());
        text(p, IG.p("evidenceOfSuccess"), ctx.text(r.evidenceOfSuccess()), r.lang());
        text(p, IG.p("difficultiesEncountered"), ctx.text(r.difficulties()), r.lang());
        String page = r.databasePage();
        if (page.startsWith("http")) Facts.sources(p, IG.p("databasePage"), page, ctx.names);
        else text(p, SKOS.editorialNote, page.isEmpty() ? "" : "Good-practice database page: " + page, r.lang());
        Facts.sources(p, DCTerms.source, r.sources(), ctx.names);
        Facts.sources(p, RDFS.seeAlso, r.otherSources(), ctx.names);
        return p;
    }

    private static void text(Resource s, org.apache.jena.rdf.model.Property p, String value, String lang) {
        if (lang == null) Facts.text(s, p, value);
        else Facts.text(s, p, value, lang);
    }

    /** The NUTS codes no source states go to the inferred graph. */
    private static void inferredNuts(InnoContext ctx, Resource p, Map<String, String> row) {
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
     * FACTS.md section 9: GP01-GP12 are INNO practices (named in INNO sources), GP13-GP14 possible, the rest context.
     * The CSV wording carries that: "confirmed..." / "used in INNO..." ; "likely..." / "possible..." ; anything else.
     */
    static void certainty(InnoContext ctx, Resource p, String stated, String lang) {
        Resource level;
        if (stated.startsWith("confirmed") || stated.startsWith("used in INNO")) level = IG.confirmed;
        else if (stated.startsWith("likely") || stated.startsWith("possible")) level = IG.likely;
        else level = IG.context;
        p.addProperty(IG.p("innoLinkCertainty"), level);
        text(p, IG.p("innoLinkNote"), ctx.text(stated), lang);
        if (level != IG.context) p.addProperty(IG.p("sharedInProject"), ctx.stated.createResource(InnoContext.PROJECT));
    }
}
