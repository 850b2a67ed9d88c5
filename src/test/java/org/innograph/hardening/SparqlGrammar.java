package org.innograph.hardening;

import java.util.List;
import java.util.Random;

/**
 * Random SPARQL 1.1 queries and updates from a small grammar over the shipped vocabulary: basic patterns,
 * UNION, OPTIONAL, MINUS, FILTER, BIND, VALUES, GRAPH, property paths, aggregates, subqueries and functions.
 * Most are valid; some are heavy on purpose (cross products, unbounded paths, sorts without LIMIT). Updates
 * write only into the fuzzer's own graphs, except where they are meant to be refused.
 */
final class SparqlGrammar {

    static final String FUZZ_GRAPH = "https://w3id.org/innograph/graph/fuzz-";
    static final List<String> PREFIXES = List.of(
            "PREFIX ig: <https://w3id.org/innograph/ontology#>",
            "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>",
            "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>",
            "PREFIX dct: <http://purl.org/dc/terms/>",
            "PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>");
    private static final List<String> PREDICATES = List.of("a", "rdfs:label", "skos:broader", "skos:prefLabel",
            "dct:subject", "dct:source", "ig:location", "ig:theme", "skos:notation", "skos:inScheme", "rdfs:comment",
            "<urn:fuzz:p>", "skos:exactMatch", "dct:title");
    private static final List<String> CLASSES = List.of("ig:GoodPractice", "ig:PolicyInstrument", "ig:Region",
            "ig:Cluster", "skos:Concept", "ig:ActionPlan", "ig:Action");
    private static final List<String> FUNCTIONS_1 = List.of("STR", "LCASE", "UCASE", "STRLEN", "isIRI", "isLiteral",
            "LANG", "DATATYPE", "BOUND", "ABS", "CEIL", "MD5", "SHA256", "ENCODE_FOR_URI", "YEAR", "STRUUID", "BNODE",
            "xsd:integer", "xsd:dateTime", "IRI");
    private static final List<String> FUNCTIONS_2 = List.of("CONTAINS", "STRSTARTS", "STRENDS", "LANGMATCHES",
            "REGEX", "STRBEFORE", "STRAFTER", "CONCAT", "sameTerm", "COALESCE");
    private static final List<String> AGGREGATES = List.of("COUNT", "SUM", "MIN", "MAX", "AVG", "SAMPLE",
            "GROUP_CONCAT");

    private final Random random;

    SparqlGrammar(Random random) {
        this.random = random;
    }

    String query() {
        StringBuilder text = new StringBuilder(String.join("\n", PREFIXES)).append('\n');
        switch (random.nextInt(6)) {
            case 0 -> text.append("ASK ").append(group(3));
            case 1 -> text.append("CONSTRUCT { ?s ?p ?o } WHERE ").append(group(2)).append(limit(true));
            case 2 -> text.append("DESCRIBE ").append(random.nextBoolean() ? variable() : iri())
                    .append(" WHERE ").append(group(2)).append(limit(false));
            case 3 -> text.append(aggregateSelect(3));
            default -> text.append(select(3));
        }
        return text.toString();
    }

    String update() {
        String graph = "<" + FUZZ_GRAPH + random.nextInt(3) + ">";
        String prefixes = String.join("\n", PREFIXES) + "\n";
        return prefixes + switch (random.nextInt(10)) {
            case 0 -> "INSERT DATA { GRAPH " + graph + " { " + groundTriples() + " } }";
            case 1 -> "DELETE DATA { GRAPH " + graph + " { " + groundTriples() + " } }";
            case 2 -> "INSERT { GRAPH " + graph + " { ?s <urn:fuzz:p> ?o } } WHERE { " + triple() + " } LIMIT 50";
            case 3 -> "WITH " + graph + " DELETE { ?s ?p ?o } WHERE { ?s ?p ?o FILTER(" + expression(2) + ") }";
            case 4 -> (random.nextBoolean() ? "CLEAR" : "DROP") + (random.nextBoolean() ? " SILENT" : "") + " GRAPH " + graph;
            case 5 -> (random.nextBoolean() ? "ADD" : random.nextBoolean() ? "COPY" : "MOVE") + " SILENT " + graph
                    + " TO <" + FUZZ_GRAPH + random.nextInt(3) + ">";
            case 6 -> "LOAD <http://127.0.0.1:9/fuzz.ttl> INTO GRAPH " + graph;
            case 7 -> "INSERT DATA { " + groundTriples() + " }";
            case 8 -> "DELETE WHERE { GRAPH " + graph + " { ?s ?p ?o } } ; INSERT DATA { GRAPH " + graph + " { "
                    + groundTriples() + " } }";
            default -> "INSERT { GRAPH " + graph + " { ?x <urn:fuzz:p> ?y } } WHERE " + group(2);
        };
    }

    private String select(int depth) {
        StringBuilder text = new StringBuilder("SELECT ");
        if (random.nextInt(3) == 0) {
            text.append("DISTINCT ");
        }
        text.append(random.nextInt(3) == 0 ? "*" : variable() + " " + variable());
        text.append(" WHERE ").append(group(depth));
        if (random.nextInt(3) == 0) {
            text.append(" ORDER BY ").append(random.nextBoolean() ? "DESC(" + variable() + ")" : "RAND()");
        }
        return text.append(limit(false)).toString();
    }

    private String aggregateSelect(int depth) {
        String aggregate = AGGREGATES.get(random.nextInt(AGGREGATES.size()));
        String argument = aggregate.equals("COUNT") && random.nextBoolean() ? "*" : variable();
        return "SELECT " + variable() + " (" + aggregate + "(" + (random.nextBoolean() ? "DISTINCT " : "") + argument
                + ") AS ?agg) WHERE " + group(depth) + " GROUP BY " + variable()
                + (random.nextBoolean() ? " HAVING (COUNT(*) > " + random.nextInt(5) + ")" : "") + limit(false);
    }

    private String limit(boolean always) {
        return always || random.nextInt(4) != 0 ? " LIMIT " + (1 + random.nextInt(200)) : "";
    }

    String group(int depth) {
        StringBuilder text = new StringBuilder("{ ");
        int elements = 1 + random.nextInt(3);
        for (int i = 0; i < elements; i++) {
            text.append(element(depth)).append(" . ");
        }
        return text.append('}').toString();
    }

    private String element(int depth) {
        if (depth <= 0) {
            return triple();
        }
        return switch (random.nextInt(12)) {
            case 0 -> "OPTIONAL " + group(depth - 1);
            case 1 -> group(depth - 1) + " UNION " + group(depth - 1);
            case 2 -> "FILTER(" + expression(2) + ")";
            case 3 -> "BIND(" + expression(2) + " AS ?b" + random.nextInt(1000) + ")";
            case 4 -> "VALUES " + variable() + " { " + terms(1 + random.nextInt(5)) + " }";
            case 5 -> "GRAPH " + (random.nextBoolean() ? "?g" : "<" + FUZZ_GRAPH + random.nextInt(3) + ">") + " "
                    + group(depth - 1);
            case 6 -> "MINUS " + group(depth - 1);
            case 7 -> "{ " + select(depth - 1) + " }";
            case 8 -> variable() + " " + path(2) + " " + variable();
            case 9 -> "FILTER " + (random.nextBoolean() ? "NOT " : "") + "EXISTS " + group(depth - 1);
            case 10 -> "SERVICE <http://127.0.0.1:" + (1 + random.nextInt(1000)) + "/sparql> " + group(0);
            default -> triple();
        };
    }

    private String path(int depth) {
        String predicate = PREDICATES.get(random.nextInt(PREDICATES.size()));
        if (depth <= 0) {
            return predicate.equals("a") ? "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>" : predicate;
        }
        return switch (random.nextInt(7)) {
            case 0 -> path(depth - 1) + "/" + path(depth - 1);
            case 1 -> "(" + path(depth - 1) + "|" + path(depth - 1) + ")";
            case 2 -> "^" + path(depth - 1);
            case 3 -> "(" + path(depth - 1) + ")*";
            case 4 -> "(" + path(depth - 1) + ")+";
            case 5 -> "(" + path(depth - 1) + ")?";
            default -> "!(" + path(0) + ")";
        };
    }

    private String triple() {
        String predicate = random.nextInt(4) == 0 ? variable() : PREDICATES.get(random.nextInt(PREDICATES.size()));
        String object = predicate.equals("a") ? CLASSES.get(random.nextInt(CLASSES.size()))
                : random.nextInt(3) == 0 ? term() : variable();
        return variable() + " " + predicate + " " + object;
    }

    private String groundTriples() {
        StringBuilder text = new StringBuilder();
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            text.append("<urn:fuzz:s").append(random.nextInt(20)).append("> <urn:fuzz:p> ").append(term()).append(" . ");
        }
        return text.toString();
    }

    String expression(int depth) {
        if (depth <= 0) {
            return random.nextBoolean() ? variable() : term();
        }
        return switch (random.nextInt(7)) {
            case 0 -> FUNCTIONS_1.get(random.nextInt(FUNCTIONS_1.size())) + "(" + expression(depth - 1) + ")";
            case 1 -> FUNCTIONS_2.get(random.nextInt(FUNCTIONS_2.size())) + "(" + expression(depth - 1) + ", "
                    + expression(depth - 1) + ")";
            case 2 -> expression(depth - 1) + " " + List.of("=", "!=", "<", ">", "&&", "||", "+", "-", "*", "/")
                    .get(random.nextInt(10)) + " " + expression(depth - 1);
            case 3 -> "IF(" + expression(depth - 1) + ", " + expression(depth - 1) + ", " + expression(depth - 1) + ")";
            case 4 -> expression(depth - 1) + (random.nextBoolean() ? " IN " : " NOT IN ") + "(" + terms(3)
                    .replace(" ", ", ").replaceAll(", $", "") + ")";
            case 5 -> "REPLACE(" + expression(depth - 1) + ", \"" + List.of("(a+)+b", ".*", "^$", "[", "\\\\d")
                    .get(random.nextInt(5)) + "\", \"x\")";
            default -> "!" + expression(depth - 1);
        };
    }

    private String terms(int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(term()).append(' ');
        }
        return text.toString().trim();
    }

    private String term() {
        return switch (random.nextInt(9)) {
            case 0 -> Integer.toString(random.nextInt(2000) - 1000);
            case 1 -> "\"" + List.of("Hackathon", "SE31", "é€日本", "", "x\\ty", "\\\"").get(random.nextInt(6)) + "\"";
            case 2 -> "\"SE31\"@" + List.of("en", "de", "sv", "x-fuzz").get(random.nextInt(4));
            case 3 -> "\"" + random.nextInt(3000) + "-01-01\"^^xsd:date";
            case 4 -> random.nextBoolean() ? "true" : "false";
            case 5 -> (random.nextDouble() * 1e6) + "e" + (random.nextInt(40) - 20);
            case 6 -> CLASSES.get(random.nextInt(CLASSES.size()));
            default -> iri();
        };
    }

    private String iri() {
        return List.of("<http://data.europa.eu/nuts/code/SE31>", "<https://w3id.org/innograph/id/practice/x>",
                "<http://eurovoc.europa.eu/100142>", "<urn:fuzz:s" + random.nextInt(20) + ">",
                "<http://publications.europa.eu/resource/authority/country/SWE>").get(random.nextInt(5));
    }

    private String variable() {
        return "?" + List.of("s", "p", "o", "x", "y", "g", "label").get(random.nextInt(7));
    }
}
