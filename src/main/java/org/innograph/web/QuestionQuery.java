package org.innograph.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.TriplePath;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.expr.E_Equals;
import org.apache.jena.sparql.expr.E_Lang;
import org.apache.jena.sparql.expr.E_Str;
import org.apache.jena.sparql.expr.ExprVar;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.aggregate.Aggregator;
import org.apache.jena.sparql.expr.aggregate.AggregatorFactory;
import org.apache.jena.sparql.path.P_Link;
import org.apache.jena.sparql.path.Path;
import org.apache.jena.sparql.path.PathFactory;
import org.apache.jena.sparql.syntax.ElementBind;
import org.apache.jena.sparql.syntax.ElementFilter;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.sparql.syntax.ElementOptional;
import org.apache.jena.sparql.syntax.ElementPathBlock;
import org.apache.jena.sparql.syntax.ElementUnion;
import org.apache.jena.vocabulary.RDF;
import org.innograph.vocabulary.IG;
import org.innograph.vocabulary.SparqlFiles;

/**
 * The SPARQL a {@link Question} asks, built from the parsed form with Jena's syntax API (Query, Element…, Expr):
 * values from the form enter only as RDF terms in VALUES blocks; every other part of the query is made here.
 *
 * <p>Every kind has a subject {@code ?item}. The filters on practices (themes, clusters, evidence, link
 * certainty) reach them through {@code ?practice}: the item itself for practices; the practices located in it
 * for regions; for action plans and instruments, the practices that inspired their actions. Filter variables
 * have names of their own ({@code ?inCountry}, {@code ?onTheme} …), apart from the columns' names.
 */
final class QuestionQuery {

    static final String DCT = "http://purl.org/dc/terms/";
    static final String SKOS = "http://www.w3.org/2004/02/skos/core#";
    static final String RDFS = "http://www.w3.org/2000/01/rdf-schema#";

    private static final Var ITEM = Var.alloc("item");
    private static final Var PRACTICE = Var.alloc("practice");
    private static final Var ACTION = Var.alloc("action");

    private QuestionQuery() {
    }

    static Query build(Question question) {
        Query query = new Query();
        query.setQuerySelectType();
        query.setPrefix("ig", IG.NS);
        query.setPrefix("dct", DCT);
        query.setPrefix("skos", SKOS);
        query.setPrefix("rdfs", RDFS);
        query.addResultVar(ITEM);

        Question.Kind kind = question.kind();
        Var practice = kind == Question.Kind.PRACTICES ? ITEM : PRACTICE;
        Map<Var, List<Node>> values = new LinkedHashMap<>();
        ElementGroup where = new ElementGroup();
        ElementPathBlock patterns = new ElementPathBlock();
        where.addElement(patterns);

        switch (kind) {
            case PRACTICES -> triple(patterns, ITEM, RDF.type.asNode(), ig("GoodPractice"));
            case INSTRUMENTS -> triple(patterns, ITEM, RDF.type.asNode(), ig("PolicyInstrument"));
            case ACTION_PLANS -> triple(patterns, ITEM, RDF.type.asNode(), ig("ActionPlan"));
            case REGIONS -> {
                triple(patterns, PRACTICE, RDF.type.asNode(), ig("GoodPractice"));
                triple(patterns, PRACTICE, dct("spatial"), ITEM);
            }
        }
        boolean viaActions = kind == Question.Kind.ACTION_PLANS || kind == Question.Kind.INSTRUMENTS;
        if ((viaActions && question.filtersPractices()) || !question.certainties().isEmpty()) {
            if (kind == Question.Kind.ACTION_PLANS) {
                triple(patterns, ITEM, ig("hasAction"), ACTION);
            } else if (kind == Question.Kind.INSTRUMENTS) {
                triple(patterns, Var.alloc("plan"), ig("addressesInstrument"), ITEM);
                triple(patterns, Var.alloc("plan"), ig("hasAction"), ACTION);
            }
            where.addElement(learningLink(practice));
            values.put(Var.alloc("linkCertainty"), question.certainties());
            patterns = newBlock(where);
        }
        if (!question.themes().isEmpty()) {
            path(patterns, practice, PathFactory.pathSeq(link(DCT + "subject"), broaderOrSelf()), Var.alloc("onTheme"));
            values.put(Var.alloc("onTheme"), question.themes());
        }
        if (question.clusters()) {
            triple(patterns, practice, ig("involvesClusters"), NodeFactory.createLiteralDT("true", XSDDatatype.XSDboolean));
        }
        if (question.evidence()) {
            triple(patterns, practice, ig("evidenceOfSuccess"), Var.alloc("evidenceText"));
        }
        // country, region and project belong to the item itself where it has them
        if (!question.countries().isEmpty()) {
            path(patterns, ITEM, countryPath(kind), Var.alloc("inCountry"));
            values.put(Var.alloc("inCountry"), question.countries());
        }
        if (question.region() != null) {
            path(patterns, ITEM, regionPath(kind), Var.alloc("inArea"));
            triple(patterns, Var.alloc("inArea"), skos("notation"), Var.alloc("regionCode"));
            values.put(Var.alloc("regionCode"), List.of(question.region()));
        }
        if (!question.projects().isEmpty()) {
            path(patterns, ITEM, projectPath(kind), Var.alloc("inProject"));
            values.put(Var.alloc("inProject"), question.projects());
        }

        for (Question.Column column : question.columns()) {
            addColumn(query, where, kind, column);
        }
        values.values().removeIf(List::isEmpty);
        query.setQueryPattern(where);
        // one VALUES block per filter, first in the WHERE clause, as stored queries bind their parameters
        SparqlFiles.withValues(query, values);
        query.addGroupBy(ITEM);
        query.addOrderBy(Var.alloc(question.sort().value()),
                question.descending() ? Query.ORDER_DESCENDING : Query.ORDER_ASCENDING);
        query.addOrderBy(ITEM, Query.ORDER_DEFAULT);
        query.setLimit(question.limit());
        return query;
    }

    /**
     * A learning link from {@code ?action} to the practice: stated plainly (ig:inspiredBy) when the sources
     * confirm it, or qualified (ig:inspirationLink) with its ig:linkCertainty.
     */
    private static ElementUnion learningLink(Var practice) {
        ElementGroup plain = new ElementGroup();
        ElementPathBlock stated = new ElementPathBlock();
        triple(stated, ACTION, ig("inspiredBy"), practice);
        plain.addElement(stated);
        plain.addElement(new ElementBind(Var.alloc("linkCertainty"), NodeValue.makeNode(ig("confirmed"))));
        ElementGroup qualified = new ElementGroup();
        ElementPathBlock link = new ElementPathBlock();
        triple(link, ACTION, ig("inspirationLink"), Var.alloc("link"));
        triple(link, Var.alloc("link"), ig("linkedPractice"), practice);
        triple(link, Var.alloc("link"), ig("linkCertainty"), Var.alloc("linkCertainty"));
        qualified.addElement(link);
        ElementUnion union = new ElementUnion();
        union.addElement(plain);
        union.addElement(qualified);
        return union;
    }

    private static void addColumn(Query query, ElementGroup where, Question.Kind kind, Question.Column column) {
        Var value = Var.alloc(column.value() + "_");
        Var out = Var.alloc(column.value());
        ElementPathBlock optional = new ElementPathBlock();
        ElementGroup group = new ElementGroup();
        group.addElement(optional);
        Aggregator aggregate = AggregatorFactory.createSample(false, new ExprVar(value));
        switch (column) {
            case NAME -> triple(optional, ITEM, kind == Question.Kind.PRACTICES ? dct("title")
                    : kind == Question.Kind.REGIONS ? skos("prefLabel") : rdfs("label"), value);
            case COUNTRY -> {
                path(optional, ITEM, countryPath(kind), Var.alloc("countryIri_"));
                triple(optional, Var.alloc("countryIri_"), skos("prefLabel"), value);
                group.addElement(english(value));
            }
            case REGION -> {
                path(optional, ITEM, locationPath(kind), Var.alloc("regionIri_"));
                triple(optional, Var.alloc("regionIri_"), skos("notation"), value);
                aggregate = concat(value);
            }
            case CODE -> triple(optional, ITEM, skos("notation"), value);
            case LEVEL -> triple(optional, ITEM, ig("nutsLevel"), value);
            case THEMES -> {
                triple(optional, ITEM, dct("subject"), Var.alloc("themeIri_"));
                triple(optional, Var.alloc("themeIri_"), skos("prefLabel"), value);
                group.addElement(english(value));
                aggregate = concat(value);
            }
            case PROJECT -> {
                path(optional, ITEM, projectPath(kind), Var.alloc("projectIri_"));
                triple(optional, Var.alloc("projectIri_"), rdfs("label"), value);
                aggregate = concat(value);
            }
            case CLUSTERS -> triple(optional, ITEM, ig("involvesClusters"), value);
            case TYPE -> triple(optional, ITEM, ig("instrumentType"), value);
            case PARTNER -> {
                triple(optional, ITEM, ig("actionPlanOf"), Var.alloc("partnerIri_"));
                triple(optional, Var.alloc("partnerIri_"), rdfs("label"), value);
            }
            case PRACTICES -> {
                triple(optional, value, dct("spatial"), ITEM);
                aggregate = AggregatorFactory.createCountExpr(true, new ExprVar(value));
            }
            case INSPIRED -> {
                triple(optional, value, ig("inspiredBy"), ITEM);
                aggregate = AggregatorFactory.createCountExpr(true, new ExprVar(value));
            }
            case ACTIONS -> {
                triple(optional, ITEM, ig("hasAction"), value);
                aggregate = AggregatorFactory.createCountExpr(true, new ExprVar(value));
            }
            case PLANS -> {
                triple(optional, value, ig("addressesInstrument"), ITEM);
                aggregate = AggregatorFactory.createCountExpr(true, new ExprVar(value));
            }
        }
        where.addElement(new ElementOptional(group));
        query.addResultVar(out, query.allocAggregate(aggregate));
    }

    private static Aggregator concat(Var value) {
        return AggregatorFactory.createGroupConcat(true, new E_Str(new ExprVar(value)), ", ", null);
    }

    private static ElementFilter english(Var value) {
        return new ElementFilter(new E_Equals(new E_Lang(new ExprVar(value)), NodeValue.makeString("en")));
    }

    private static Path countryPath(Question.Kind kind) {
        return kind == Question.Kind.ACTION_PLANS
                ? PathFactory.pathSeq(link(IG.NS + "actionPlanOf"), link(IG.NS + "country")) : link(IG.NS + "country");
    }

    /** From the item to the NUTS area the sources locate it in. */
    private static Path locationPath(Question.Kind kind) {
        return kind == Question.Kind.ACTION_PLANS
                ? PathFactory.pathSeq(link(IG.NS + "actionPlanOf"), link(DCT + "spatial")) : link(DCT + "spatial");
    }

    /** From the item to the NUTS areas it lies in, at every level above its own (skos:broader*). */
    private static Path regionPath(Question.Kind kind) {
        return kind == Question.Kind.REGIONS ? broaderOrSelf() : PathFactory.pathSeq(locationPath(kind), broaderOrSelf());
    }

    private static Path projectPath(Question.Kind kind) {
        return switch (kind) {
            case ACTION_PLANS -> link(IG.NS + "inProject");
            case INSTRUMENTS -> PathFactory.pathSeq(PathFactory.pathInverse(link(IG.NS + "addressesInstrument")),
                    link(IG.NS + "inProject"));
            case REGIONS -> PathFactory.pathSeq(PathFactory.pathInverse(link(DCT + "spatial")),
                    projectPath(Question.Kind.PRACTICES));
            // confirmed (ig:sharedInProject) or qualified with any certainty (ig:projectLink)
            case PRACTICES -> PathFactory.pathAlt(link(IG.NS + "sharedInProject"),
                    PathFactory.pathSeq(link(IG.NS + "projectLink"), link(IG.NS + "linkedProject")));
        };
    }

    private static Path broaderOrSelf() {
        return PathFactory.pathZeroOrMore1(link(SKOS + "broader"));
    }

    private static ElementPathBlock newBlock(ElementGroup where) {
        ElementPathBlock block = new ElementPathBlock();
        where.addElement(block);
        return block;
    }

    private static void triple(ElementPathBlock block, Node subject, Node predicate, Node object) {
        block.addTriple(Triple.create(subject, predicate, object));
    }

    private static void path(ElementPathBlock block, Node subject, Path path, Node object) {
        if (path instanceof P_Link single) {
            triple(block, subject, single.getNode(), object);
        } else {
            block.addTriplePath(new TriplePath(subject, path, object));
        }
    }

    private static Path link(String iri) {
        return PathFactory.pathLink(NodeFactory.createURI(iri));
    }

    private static Node ig(String local) {
        return NodeFactory.createURI(IG.NS + local);
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
