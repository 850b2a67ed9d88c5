package org.innograph.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.arq.querybuilder.Order;
import org.apache.jena.arq.querybuilder.SelectBuilder;
import org.apache.jena.arq.querybuilder.WhereBuilder;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.syntax.Element;
import org.apache.jena.sparql.syntax.ElementData;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.path.Path;
import org.apache.jena.sparql.path.PathFactory;
import org.apache.jena.vocabulary.RDF;
import org.innograph.linkeddata.Vocabulary;

/**
 * The SPARQL a {@link Question} asks, built with Jena's query builder from the parsed form. Values from the form
 * enter only as RDF terms in VALUES blocks; the text of the query comes from this class alone.
 *
 * <p>Every kind has a subject {@code ?item}. The filters on practices (themes, clusters, evidence, link
 * certainty) reach them through {@code ?practice}: the item itself for practices; the practices located in it
 * for regions; for action plans and instruments, the practices that inspired their actions.
 */
final class QuestionQuery {

    static final String IG = Vocabulary.IG;
    static final String DCT = "http://purl.org/dc/terms/";
    static final String SKOS = "http://www.w3.org/2004/02/skos/core#";
    static final String RDFS = "http://www.w3.org/2000/01/rdf-schema#";

    private static final Node ITEM = var("item");
    private static final Node PRACTICE = var("practice");
    private static final Node ACTION = var("action");

    private QuestionQuery() {
    }

    static Query build(Question question) {
        Map<Var, List<Node>> values = new LinkedHashMap<>();
        SelectBuilder select = new SelectBuilder()
                .addPrefix("ig", IG).addPrefix("dct", DCT).addPrefix("skos", SKOS).addPrefix("rdfs", RDFS);
        select.addVar(ITEM);
        Question.Kind kind = question.kind();
        Node practice = kind == Question.Kind.PRACTICES ? ITEM : PRACTICE;

        switch (kind) {
            case PRACTICES -> select.addWhere(ITEM, RDF.type.asNode(), ig("GoodPractice"));
            case INSTRUMENTS -> select.addWhere(ITEM, RDF.type.asNode(), ig("PolicyInstrument"));
            case ACTION_PLANS -> select.addWhere(ITEM, RDF.type.asNode(), ig("ActionPlan"));
            case REGIONS -> select.addWhere(PRACTICE, RDF.type.asNode(), ig("GoodPractice"))
                    .addWhere(PRACTICE, dct("spatial"), ITEM);
        }
        boolean viaActions = kind == Question.Kind.ACTION_PLANS || kind == Question.Kind.INSTRUMENTS;
        boolean needsLink = (viaActions && question.filtersPractices()) || !question.certainties().isEmpty();
        if (needsLink) {
            if (kind == Question.Kind.ACTION_PLANS) {
                select.addWhere(ITEM, ig("hasAction"), ACTION);
            } else if (kind == Question.Kind.INSTRUMENTS) {
                select.addWhere(var("plan"), ig("addressesInstrument"), ITEM).addWhere(var("plan"), ig("hasAction"), ACTION);
            }
            // A learning link: stated plainly when the sources confirm it, else qualified with its certainty.
            select.addWhere(new WhereBuilder().addWhere(ACTION, ig("inspiredBy"), practice)
                            .addBind(NodeValue.makeNode(ig("confirmed")), var("linkCertainty"))
                            .addUnion(new WhereBuilder().addWhere(ACTION, ig("inspirationLink"), var("link"))
                                    .addWhere(var("link"), ig("linkedPractice"), practice)
                                    .addWhere(var("link"), ig("linkCertainty"), var("linkCertainty"))));
        }
        values.put(Var.alloc("linkCertainty"), question.certainties());

        // themes, narrower ones included
        if (!question.themes().isEmpty()) {
            select.addWhere(practice, PathFactory.pathSeq(link(DCT + "subject"), PathFactory.pathZeroOrMore1(link(SKOS + "broader"))),
                    var("onTheme"));
            values.put(Var.alloc("onTheme"), question.themes());
        }
        if (question.clusters()) {
            select.addWhere(practice, ig("involvesClusters"), NodeFactory.createLiteralDT("true", XSDDatatype.XSDboolean));
        }
        if (question.evidence()) {
            select.addWhere(practice, ig("evidenceOfSuccess"), var("evidenceText"));
        }
        // country, region and project belong to the item itself where it has them
        if (!question.countries().isEmpty()) {
            select.addWhere(ITEM, countryPath(kind), var("inCountry"));
            values.put(Var.alloc("inCountry"), question.countries());
        }
        if (question.region() != null) {
            select.addWhere(ITEM, regionPath(kind), var("inArea")).addWhere(var("inArea"), skos("notation"), var("regionCode"));
            values.put(Var.alloc("regionCode"), List.of(question.region()));
        }
        if (!question.projects().isEmpty()) {
            select.addWhere(ITEM, projectPath(kind), var("inProject"));
            values.put(Var.alloc("inProject"), question.projects());
        }

        for (Question.Column column : question.columns()) {
            addColumn(select, kind, column);
        }
        select.addGroupBy(ITEM);
        Node sortVar = var(question.sort().value());
        select.addOrderBy(sortVar, question.descending() ? Order.DESCENDING : Order.ASCENDING);
        select.addOrderBy(ITEM);
        select.setLimit(question.limit());
        values.values().removeIf(List::isEmpty);
        return withValues(select.build(), values);
    }

    private static void addColumn(SelectBuilder select, Question.Kind kind, Question.Column column) {
        Node value = var(column.value() + "_");
        Node out = var(column.value());
        switch (column) {
            case NAME -> {
                select.addOptional(ITEM, kind == Question.Kind.PRACTICES ? dct("title")
                        : kind == Question.Kind.REGIONS ? skos("prefLabel") : rdfs("label"), value);
                sample(select, value, out);
            }
            case COUNTRY -> {
                select.addOptional(new WhereBuilder().addWhere(ITEM, countryPath(kind), var("countryIri_"))
                        .addWhere(var("countryIri_"), skos("prefLabel"), value)
                        .addFilter("lang(?country_) = \"en\""));
                sample(select, value, out);
            }
            case REGION -> {
                select.addOptional(new WhereBuilder().addWhere(ITEM, locationPath(kind), var("regionIri_"))
                        .addWhere(var("regionIri_"), skos("notation"), value));
                concat(select, value, out);
            }
            case CODE -> {
                select.addOptional(ITEM, skos("notation"), value);
                sample(select, value, out);
            }
            case LEVEL -> {
                select.addOptional(ITEM, ig("nutsLevel"), value);
                sample(select, value, out);
            }
            case THEMES -> {
                select.addOptional(new WhereBuilder().addWhere(ITEM, dct("subject"), var("themeIri_"))
                        .addWhere(var("themeIri_"), skos("prefLabel"), value).addFilter("lang(?themes_) = \"en\""));
                concat(select, value, out);
            }
            case PROJECT -> {
                select.addOptional(new WhereBuilder().addWhere(ITEM, projectPath(kind), var("projectIri_"))
                        .addWhere(var("projectIri_"), rdfs("label"), value));
                concat(select, value, out);
            }
            case CLUSTERS -> {
                select.addOptional(ITEM, ig("involvesClusters"), value);
                sample(select, value, out);
            }
            case TYPE -> {
                select.addOptional(ITEM, ig("instrumentType"), value);
                sample(select, value, out);
            }
            case PARTNER -> {
                select.addOptional(new WhereBuilder().addWhere(ITEM, ig("actionPlanOf"), var("partnerIri_"))
                        .addWhere(var("partnerIri_"), rdfs("label"), value));
                sample(select, value, out);
            }
            case PRACTICES -> {
                select.addOptional(value, dct("spatial"), ITEM);
                count(select, value, out);
            }
            case INSPIRED -> {
                select.addOptional(value, ig("inspiredBy"), ITEM);
                count(select, value, out);
            }
            case ACTIONS -> {
                select.addOptional(ITEM, ig("hasAction"), value);
                count(select, value, out);
            }
            case PLANS -> {
                select.addOptional(value, ig("addressesInstrument"), ITEM);
                count(select, value, out);
            }
        }
    }

    private static Path countryPath(Question.Kind kind) {
        return kind == Question.Kind.ACTION_PLANS
                ? PathFactory.pathSeq(link(IG + "actionPlanOf"), link(IG + "country")) : link(IG + "country");
    }

    /** From the item to the NUTS area the sources locate it in. */
    private static Path locationPath(Question.Kind kind) {
        return kind == Question.Kind.ACTION_PLANS
                ? PathFactory.pathSeq(link(IG + "actionPlanOf"), link(DCT + "spatial")) : link(DCT + "spatial");
    }

    /** From the item to the NUTS areas it lies in, at every level above its own (skos:broader*). */
    private static Path regionPath(Question.Kind kind) {
        Path broader = PathFactory.pathZeroOrMore1(link(SKOS + "broader"));
        return kind == Question.Kind.REGIONS ? broader : PathFactory.pathSeq(locationPath(kind), broader);
    }

    private static Path projectPath(Question.Kind kind) {
        return switch (kind) {
            case ACTION_PLANS -> link(IG + "inProject");
            case INSTRUMENTS -> PathFactory.pathSeq(PathFactory.pathInverse(link(IG + "addressesInstrument")),
                    link(IG + "inProject"));
            case REGIONS -> PathFactory.pathSeq(PathFactory.pathInverse(link(DCT + "spatial")), projectPath(Question.Kind.PRACTICES));
            // confirmed (ig:sharedInProject) or qualified with any certainty (ig:projectLink)
            default -> PathFactory.pathAlt(link(IG + "sharedInProject"),
                    PathFactory.pathSeq(link(IG + "projectLink"), link(IG + "linkedProject")));
        };
    }

    /**
     * One VALUES block per variable, first in the WHERE clause (the query builder would join them into a single
     * table, pairing the n-th value of one filter with the n-th of another).
     */
    private static Query withValues(Query query, Map<Var, List<Node>> values) {
        ElementGroup where = new ElementGroup();
        values.forEach((variable, nodes) -> {
            ElementData data = new ElementData();
            data.add(variable);
            nodes.forEach(node -> data.add(BindingFactory.binding(variable, node)));
            where.addElement(data);
        });
        Element pattern = query.getQueryPattern();
        if (pattern instanceof ElementGroup group) {
            group.getElements().forEach(where::addElement);
        } else {
            where.addElement(pattern);
        }
        query.setQueryPattern(where);
        return query;
    }

    private static void sample(SelectBuilder select, Node value, Node out) {
        select.addVar("SAMPLE(" + value + ")", out);
    }

    private static void concat(SelectBuilder select, Node value, Node out) {
        select.addVar("GROUP_CONCAT(DISTINCT STR(" + value + "); separator=\", \")", out);
    }

    private static void count(SelectBuilder select, Node value, Node out) {
        select.addVar("COUNT(DISTINCT " + value + ")", out);
    }

    private static Node var(String name) {
        return Var.alloc(name);
    }

    private static Path link(String iri) {
        return PathFactory.pathLink(NodeFactory.createURI(iri));
    }

    private static Node ig(String local) {
        return NodeFactory.createURI(IG + local);
    }

    private static Node dct(String local) {
        return NodeFactory.createURI(DCT + local);
    }

    private static Node skos(String local) {
        return NodeFactory.createURI(SKOS + local);
    }

    private static Node rdfs(String local) {
        return NodeFactory.createURI(RDFS + local);
    }
}
