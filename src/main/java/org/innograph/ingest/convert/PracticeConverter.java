package org.innograph.ingest.convert;

import java.util.Map;
import java.util.TreeMap;
import org.apache.jena.rdf.model.Resource;
import org.innograph.vocabulary.IG;

/**
 * The good practices of good_practices.csv, mapped by {@link GoodPracticeRows} (as an import of the same template
 * is), with what only the project's curation tables add: the partner that owns or implements a practice.
 */
final class PracticeConverter {
    private static final String CSV = "good_practices.csv";

    private PracticeConverter() {}

    /** gp_id to practice IRI, for action inspirations. */
    static Map<String, String> convert(InnoContext ctx) {
        Map<String, String> ownerPartner = new TreeMap<>();
        ctx.curated("practice_owner_partner.csv").rows().forEach(r -> ownerPartner.put(CsvTable.get(r, "gp_id"), CsvTable.get(r, "partner_id")));
        GoodPracticeRows mapping = new GoodPracticeRows(GoodPracticeRows.topicThemes(ctx.curation.resolve("topic_themes.csv")), ctx.names);
        // a country counts when it is also a NUTS unit: the practice is placed in both
        GoodPracticeRows.Sheet sheet = mapping.sheet(ctx.stated, ctx.inferred,
                code -> ctx.nutsCodes.contains(code) ? ctx.countries.iri(code).orElse(null) : null, Map.of(),
                CellProblems.failing(CSV));
        Map<String, String> iris = new TreeMap<>();
        long row = 1;
        for (var cells : ctx.table(CSV).rows()) {
            Resource p = sheet.add(++row, cells);
            String gp = CsvTable.get(cells, "gp_id");
            iris.put(gp, p.getURI());
            if (ownerPartner.containsKey(gp)) {
                p.addProperty(IG.p("ownerOrImplementer"), ctx.stated.createResource(ctx.partners.get(ownerPartner.get(gp)).iri()));
            }
        }
        sheet.nutsCodes().forEach((code, cell) -> {
            if (!ctx.nutsCodes.contains(code)) CellProblems.failing(CSV).add(cell.row(), cell.column(), code, "not a NUTS 2021 or 2024 code");
        });
        sheet.notes().forEach(note -> System.err.println(CSV + " " + note));
        return iris;
    }
}
