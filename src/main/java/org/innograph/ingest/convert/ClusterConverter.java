package org.innograph.ingest.convert;

import java.util.Set;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.innograph.vocabulary.IG;

/**
 * Clusters with region and sector. An entry that lists several clusters at once becomes an ig:ClusterGroup: splitting
 * it would give clusters with no facts of their own.
 */
final class ClusterConverter {
    private static final Set<String> GROUP_TYPES = Set.of("clusters", "clusters/DIH", "cluster organisations", "economic clusters / assets");

    private ClusterConverter() {}

    static void convert(InnoContext ctx) {
        for (var row : ctx.table("clusters.csv").rows()) {
            String name = CsvTable.get(row, "name");
            String type = CsvTable.get(row, "type");
            Resource c = ctx.stated.createResource(IG.id("cluster", CsvTable.get(row, "slug")));
            c.addProperty(RDF.type, GROUP_TYPES.contains(type) ? IG.ClusterGroup : IG.Cluster);
            c.addProperty(DCTerms.identifier, CsvTable.get(row, "cluster_id"));
            Facts.text(c, RDFS.label, ctx.text(name));
            String local = CsvTable.get(row, "name_local");
            if (!local.isEmpty()) c.addProperty(SKOS.altLabel, local, CsvTable.get(row, "name_local_lang"));
            c.addProperty(IG.p("clusterType"), type, "en");
            ctx.placeInCountry(c, CsvTable.get(row, "country"), "clusters.csv " + row.get("cluster_id"));
            Facts.text(c, IG.p("locationLabel"), CsvTable.get(row, "region"));
            Facts.text(c, IG.p("sector"), CsvTable.get(row, "sector"));
            Facts.text(c, SKOS.note, ctx.text(CsvTable.get(row, "facts")));
            String relation = CsvTable.get(row, "related_partner_or_context");
            c.addProperty(IG.p("relationAsStated"), relation, "en");
            if (!relation.startsWith("context")) {
                // "INNO partner" means the cluster organisation is itself a partner: find it by the cluster's name
                String text = relation.equals("INNO partner") ? name : relation;
                ctx.partners.named(text).forEach(p -> c.addProperty(IG.p("relatedPartner"), ctx.stated.createResource(p.iri())));
            }
            Facts.sources(c, DCTerms.source, CsvTable.get(row, "source_url"), ctx.names);
            // the organisation that runs the cluster and is also a partner: a different thing (a legal body, not the
            // collaboration of firms), so linked by ig:clusterOrganisation rather than made owl:sameAs
            String runBy = CsvTable.get(row, "cluster_organisation");
            if (!runBy.isEmpty()) c.addProperty(IG.p("clusterOrganisation"), ctx.stated.createResource(ctx.partners.get(runBy).iri()));
        }
    }
}
