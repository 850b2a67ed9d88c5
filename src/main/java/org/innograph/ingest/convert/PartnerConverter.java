package org.innograph.ingest.convert;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.innograph.vocabulary.IG;

/**
 * The ten partners as organisations, and their participation in the project as org:Membership of the project's partnership. A partner's country
 * is stated; its NUTS region mostly is not ("researcher-inferred"), so that link goes to the inferred graph.
 */
final class PartnerConverter {
    private static final Pattern NUTS_LIKE = Pattern.compile("\\b[A-Z]{2}[0-9A-Z]{0,3}\\b");
    private static final Pattern PARTNER_NO = Pattern.compile("Partner no\\. (\\d+)");

    private PartnerConverter() {}

    static void convert(InnoContext ctx) {
        for (var row : ctx.table("partners.csv").rows()) {
            var partner = ctx.partners.get(CsvTable.get(row, "partner_id"));
            Resource org = ctx.stated.createResource(partner.iri());
            org.addProperty(RDF.type, IG.Organisation);
            Facts.text(org, RDFS.label, ctx.text(CsvTable.get(row, "name")));
            String local = CsvTable.get(row, "name_local");
            if (!local.isEmpty()) org.addProperty(SKOS.altLabel, local, CsvTable.get(row, "name_local_lang"));
            org.addProperty(SKOS.altLabel, partner.shortName(), "en");
            ctx.placeInCountry(org, partner.country(), "partners.csv " + partner.id());
            Facts.text(org, IG.p("locationLabel"), ctx.text(CsvTable.get(row, "region")));
            Facts.text(org, IG.p("organisationType"), ctx.text(CsvTable.get(row, "org_type")));
            for (String url : Facts.urls(CsvTable.get(row, "website_seen"))) Facts.iri(org, IG.foafHomepage, url);
            Facts.text(org, SKOS.note, ctx.text(CsvTable.get(row, "notes")));
            Facts.sources(org, DCTerms.source, CsvTable.get(row, "source_url"), ctx.names);
            region(ctx, org, partner, CsvTable.get(row, "nuts_code"), CsvTable.get(row, "nuts_source"));

            Resource p = membership(ctx, partner);
            p.addProperty(RDF.type, IG.orgMembership);
            p.addProperty(RDFS.label, partner.shortName() + " in INNO INDUSTRY", "en");
            p.addProperty(IG.orgMember, org);
            p.addProperty(IG.orgOrganization, consortium(ctx));
            p.addProperty(IG.p("inProject"), ctx.stated.createResource(InnoContext.PROJECT));
            String role = CsvTable.get(row, "role");
            p.addProperty(IG.orgRole, role.startsWith("Lead") ? IG.leadPartner : IG.projectPartner);
            p.addProperty(IG.p("roleAsStated"), role, "en");
            Matcher no = PARTNER_NO.matcher(role);
            if (no.find()) p.addLiteral(IG.p("partnerNumber"), ctx.stated.createTypedLiteral(no.group(1), XSDDatatype.XSDinteger));
            Facts.sources(p, DCTerms.source, CsvTable.get(row, "source_url"), ctx.names);
        }
    }

    /** The partner's membership of the project's partnership (the IRI kept from when it was an ig:Partnership). */
    static Resource membership(InnoContext ctx, PartnerDirectory.Partner partner) {
        return ctx.stated.createResource(IG.id("partnership", "inno-industry-" + partner.slug()));
    }

    /**
     * The partnership of the project as an organisation (org:Membership needs an org:Organization to be a member of;
     * the project itself is an activity, not an organisation).
     */
    static Resource consortium(InnoContext ctx) {
        Resource c = ctx.stated.createResource(InnoContext.PROJECT + "/partnership");
        if (!c.hasProperty(RDF.type)) {
            c.addProperty(RDF.type, IG.orgOrganizationalCollaboration);
            c.addProperty(RDFS.label, "INNO INDUSTRY partnership", "en");
            c.addProperty(IG.p("inProject"), ctx.stated.createResource(InnoContext.PROJECT));
            c.addProperty(DCTerms.source, ctx.stated.createResource("https://pressnews.si/novice/rra-posavje-uspesno-zakljucila-projekt-inno-industry"));
        }
        return c;
    }

    /**
     * A code the cell marks as inferred goes to the inferred graph (the most specific existing code, listed first).
     * A stated code that is not in NUTS 2021/2024 (SI016 is NUTS 2013) is kept as text only.
     */
    private static void region(InnoContext ctx, Resource org, PartnerDirectory.Partner partner, String cell, String source) {
        if (cell.isEmpty()) return;
        List<String> codes = new ArrayList<>();
        Matcher m = NUTS_LIKE.matcher(cell);
        while (m.find()) if (m.group().startsWith(partner.country())) codes.add(m.group());
        boolean inferred = cell.contains("inferred");
        List<String> existing = codes.stream().filter(ctx.nutsCodes::contains).toList();
        if (inferred && !existing.isEmpty()) {
            ctx.inferred.createResource(org.getURI()).addProperty(DCTerms.spatial, ctx.inferred.createResource(IG.nuts(existing.get(0))));
        } else if (!inferred) {
            codes.stream().filter(c -> !ctx.nutsCodes.contains(c)).findFirst().ifPresent(c -> {
                org.addProperty(IG.p("nutsCodeAsStated"), c);
                org.addProperty(SKOS.editorialNote, "NUTS code as stated: " + cell, "en");
                Facts.sources(org, DCTerms.source, source, ctx.names);
            });
        }
    }
}
