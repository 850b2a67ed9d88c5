package org.innograph.ingest.convert;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.innograph.vocabulary.IG;

/**
 * The INNO INDUSTRY project, its phases and its budget. The sources disagree on the budget; every figure is kept as
 * its own ig:BudgetStatement with its source instead of choosing one.
 */
final class ProjectConverter {
    private ProjectConverter() {}

    static void convert(InnoContext ctx) {
        Model m = ctx.stated;
        Resource project = m.createResource(InnoContext.PROJECT);
        project.addProperty(RDF.type, IG.Project);
        for (var row : ctx.curated("project_facts.csv").rows()) {
            String value = CsvTable.get(row, "value");
            switch (CsvTable.get(row, "field")) {
                case "acronym" -> { project.addProperty(IG.p("acronym"), value); project.addProperty(RDFS.label, value, "en"); }
                case "title_en" -> project.addProperty(DCTerms.title, value, "en");
                case "title_lv" -> project.addProperty(DCTerms.title, value, "lv");
                case "programme" -> project.addProperty(IG.p("programme"), value, "en");
                case "call" -> project.addProperty(IG.p("call"), value, "en");
                case "thematic_area" -> project.addProperty(IG.p("thematicArea"), value, "en");
                case "goal" -> project.addProperty(IG.p("goal"), value, "en");
                case "start_date" -> Facts.typed(project, IG.p("startDate"), value, XSDDatatype.XSDdate);
                case "end_date" -> Facts.typed(project, IG.p("endDate"), value, XSDDatatype.XSDdate);
                case "homepage" -> Facts.iri(project, IG.foafHomepage, value);
                case "note" -> Facts.text(project, SKOS.note, value);
                default -> throw new IllegalArgumentException("project_facts.csv: unknown field " + row.get("field"));
            }
            Facts.sources(project, DCTerms.source, CsvTable.get(row, "source_url"), ctx.names);
        }
        for (var row : ctx.curated("project_phases.csv").rows()) {
            Resource phase = m.createResource(InnoContext.PROJECT + "/" + CsvTable.get(row, "phase_id"));
            phase.addProperty(RDF.type, IG.ProjectPhase);
            phase.addProperty(RDFS.label, CsvTable.get(row, "label"), "en");
            Facts.typed(phase, IG.p("startDate"), CsvTable.get(row, "start_date"), XSDDatatype.XSDdate);
            Facts.typed(phase, IG.p("endDate"), CsvTable.get(row, "end_date"), XSDDatatype.XSDdate);
            Facts.text(phase, SKOS.note, CsvTable.get(row, "note"));
            Facts.sources(phase, DCTerms.source, CsvTable.get(row, "source_url"), ctx.names);
            project.addProperty(IG.p("hasPhase"), phase);
        }
        for (var row : ctx.curated("project_budget_statements.csv").rows()) {
            Resource b = m.createResource(InnoContext.PROJECT + "/budget/" + CsvTable.get(row, "statement_id"));
            b.addProperty(RDF.type, IG.BudgetStatement);
            String component = CsvTable.get(row, "component");
            String stated = CsvTable.get(row, "amount_as_stated");
            b.addProperty(RDFS.label, "INNO INDUSTRY " + component + ": " + stated + " (source version " + CsvTable.get(row, "version") + ")", "en");
            b.addProperty(IG.p("sourceVersion"), CsvTable.get(row, "version"));
            b.addProperty(IG.p("budgetComponent"), component, "en");
            b.addProperty(IG.p("amountAsStated"), stated, "en");
            Facts.typed(b, IG.p("amount"), CsvTable.get(row, "amount_eur"), XSDDatatype.XSDdecimal);
            b.addProperty(IG.p("currency"), "EUR");
            Facts.sources(b, DCTerms.source, CsvTable.get(row, "source_url"), ctx.names);
            project.addProperty(IG.p("budgetStatement"), b);
        }
    }
}
