package org.innograph.conformance;

import static org.innograph.conformance.Endpoints.encode;
import static org.innograph.conformance.Requirement.Level.MUST;
import static org.innograph.conformance.Requirement.Level.SHOULD;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.innograph.conformance.Endpoints.Reply;
import org.innograph.conformance.Requirement.Outcome;

/**
 * The requirements of the SPARQL 1.1 Protocol (W3C Recommendation 21 March 2013,
 * https://www.w3.org/TR/sparql11-protocol/), one check each, in the order of the text. Where the text gives a
 * status code only as an example ("4XX"), the check accepts any 4xx; the error cases follow the W3C protocol
 * test suite's reading of the text.
 */
final class ProtocolChecks {

    static final String FORM = "application/x-www-form-urlencoded";
    static final String QUERY = "application/sparql-query";
    static final String UPDATE = "application/sparql-update";
    static final String JSON = "application/sparql-results+json";
    static final String XML = "application/sparql-results+xml";

    private ProtocolChecks() {
    }

    static List<Requirement> all() {
        List<Requirement> list = new ArrayList<>();
        // --- 2.1 query operation ---
        list.add(new Requirement("P-query-get", "§2.1.1", MUST, "query via GET is answered",
                f -> askIsTrue(f.endpoints.getQuery("ASK {}", JSON))));
        list.add(new Requirement("P-query-form", "§2.1.2", MUST, "query via URL-encoded POST is answered",
                f -> askIsTrue(f.endpoints.post(f.endpoints.query(), FORM, "query=" + encode("ASK {}"), JSON, false))));
        list.add(new Requirement("P-query-form-charset", "§2.1.2", MUST,
                "URL-encoded POST with a media-type parameter (`; charset=UTF-8`) is answered",
                f -> askIsTrue(f.endpoints.post(f.endpoints.query(), FORM + "; charset=UTF-8",
                        "query=" + encode("ASK {}"), JSON, false))));
        list.add(new Requirement("P-query-direct", "§2.1.3", MUST, "query via POST directly is answered",
                f -> askIsTrue(f.endpoints.post(f.endpoints.query(), QUERY, "ASK {}", JSON, false))));
        list.add(new Requirement("P-query-direct-charset", "§2.1.3", MUST,
                "POST directly with `; charset=utf-8` (UTF-8 is the only valid charset) is answered",
                f -> askIsTrue(f.endpoints.post(f.endpoints.query(), QUERY + "; charset=utf-8", "ASK {}", JSON, false))));
        list.add(new Requirement("P-query-direct-non-utf8", "§2.1.3", MUST,
                "POST directly in UTF-16 (not a valid charset) is refused with 4xx",
                f -> clientError(f.endpoints.post(f.endpoints.query(), QUERY + "; charset=UTF-16",
                        "ASK {}".getBytes(StandardCharsets.UTF_16), JSON, false))));
        list.add(new Requirement("P-query-repeated-get", "§2.1", MUST,
                "exactly one `query`: two `query=` parameters in a GET are refused with 4xx",
                f -> clientError(f.endpoints.get(f.endpoints.query() + "?query=" + encode("ASK {}") + "&query="
                        + encode("ASK { FILTER(false) }"), JSON))));
        list.add(new Requirement("P-query-repeated-form", "§2.1", MUST,
                "exactly one `query`: two `query=` parameters in a POST form are refused with 4xx",
                f -> clientError(f.endpoints.post(f.endpoints.query(), FORM, "query=" + encode("ASK {}") + "&query="
                        + encode("ASK { FILTER(false) }"), JSON, false))));
        list.add(new Requirement("P-query-missing", "§2.1", MUST,
                "exactly one `query`: a POST form without `query=` is refused with 4xx",
                f -> clientError(f.endpoints.post(f.endpoints.query(), FORM, "default-graph-uri=" + encode(f.g1),
                        JSON, false))));
        list.add(new Requirement("P-query-method", "§2.1", MUST,
                "the query operation is GET or POST: a PUT is refused with 4xx",
                f -> clientError(f.endpoints.send(Endpoints.to(f.endpoints.query()).header("Content-Type", QUERY)
                        .PUT(HttpRequest.BodyPublishers.ofString("ASK {}"))))));
        list.add(new Requirement("P-query-form-no-type", "§2.1.2", MUST,
                "a URL-encoded POST without its Content-Type is refused with 4xx",
                f -> clientError(f.endpoints.post(f.endpoints.query(), null, "query=" + encode("ASK {}"), JSON, false))));
        list.add(new Requirement("P-query-direct-no-type", "§2.1.3", MUST,
                "a direct POST without its Content-Type is refused with 4xx",
                f -> clientError(f.endpoints.post(f.endpoints.query(), null, "ASK {}", JSON, false))));
        list.add(new Requirement("P-query-wrong-type", "§2.1.3", MUST,
                "a POST with a Content-Type that is neither form nor `application/sparql-query` is refused with 4xx",
                f -> clientError(f.endpoints.post(f.endpoints.query(), "text/plain", "ASK {}", JSON, false))));
        list.add(new Requirement("P-query-syntax", "§2.1.7", SHOULD, "a query that is not legal SPARQL gets 400",
                f -> status(f.endpoints.getQuery("ASK { ?s ?p", JSON), 400)));
        list.add(new Requirement("P-query-i18n", "§2.1.1", MUST,
                "percent-encoded UTF-8 in a GET query comes back letter for letter (example 3.1.13)",
                ProtocolChecks::internationalised));
        list.add(new Requirement("P-query-long-form", "§2.1.2", MUST,
                "a long query (≈ 20 KB) via URL-encoded POST is answered (example 3.1.11)",
                ProtocolChecks::longQuery));
        // --- 2.1.4 dataset ---
        list.add(new Requirement("P-dataset-default-get", "§2.1.4", MUST,
                "`default-graph-uri` (repeated) in a GET makes the default graph the merge of exactly those graphs",
                ProtocolChecks::defaultGraphUris));
        list.add(new Requirement("P-dataset-named-direct", "§2.1.4", MUST,
                "`named-graph-uri` in the URL of a direct POST makes exactly those graphs the named graphs",
                ProtocolChecks::namedGraphUris));
        list.add(new Requirement("P-dataset-full-form", "§2.1.4", MUST,
                "`default-graph-uri` and `named-graph-uri` together in a POST form make the whole dataset",
                ProtocolChecks::fullDataset));
        list.add(new Requirement("P-dataset-overrides-from", "§2.1.4", MUST,
                "a protocol dataset wins over FROM in the query (example 3.1.8)", ProtocolChecks::protocolWinsOverFrom));
        // --- 2.1.5 / 2.1.6 responses ---
        list.add(new Requirement("P-select-type", "§2.1.6", MUST,
                "a SELECT answer's Content-Type is the media type of its body (no Accept)",
                f -> selectIn(f.endpoints.getQuery(SELECT_TWO, null), null)));
        list.add(new Requirement("P-conneg-json", "§2.1.5", SHOULD, "SELECT with Accept SPARQL JSON answers JSON",
                f -> selectIn(f.endpoints.getQuery(SELECT_TWO, JSON), ResultSetLang.RS_JSON)));
        list.add(new Requirement("P-conneg-xml", "§2.1.5", SHOULD, "SELECT with Accept SPARQL XML answers XML",
                f -> selectIn(f.endpoints.getQuery(SELECT_TWO, XML), ResultSetLang.RS_XML)));
        list.add(new Requirement("P-conneg-csv", "§2.1.5", SHOULD, "SELECT with Accept text/csv answers CSV",
                f -> selectIn(f.endpoints.getQuery(SELECT_TWO, "text/csv"), ResultSetLang.RS_CSV)));
        list.add(new Requirement("P-conneg-tsv", "§2.1.5", SHOULD,
                "SELECT with Accept text/tab-separated-values answers TSV",
                f -> selectIn(f.endpoints.getQuery(SELECT_TWO, "text/tab-separated-values"), ResultSetLang.RS_TSV)));
        list.add(new Requirement("P-conneg-q", "§2.1.5", SHOULD,
                "Accept with q-values: the preferred type wins (XML;q=1 over JSON;q=0.5)",
                f -> selectIn(f.endpoints.getQuery(SELECT_TWO, JSON + ";q=0.5, " + XML), ResultSetLang.RS_XML)));
        list.add(new Requirement("P-ask-type", "§2.1.6", MUST,
                "an ASK answer is a boolean results document with its media type",
                f -> askIsTrue(f.endpoints.getQuery("ASK {}", XML + ", " + JSON + ";q=0.9"))));
        list.add(new Requirement("P-construct-type", "§2.1.6", MUST,
                "a CONSTRUCT answer is an RDF graph whose Content-Type is its syntax (no Accept)",
                f -> Rdf.graphIn(f.endpoints.getQuery(CONSTRUCT_ONE, null), null, "http://example.org/x/s")));
        for (Lang lang : Rdf.GRAPH_SYNTAXES) {
            String type = lang.getContentType().getContentTypeStr();
            list.add(new Requirement("P-conneg-" + lang.getFileExtensions().get(0), "§2.1.5", SHOULD,
                    "CONSTRUCT with Accept " + type + " answers " + lang.getLabel(),
                    f -> Rdf.graphIn(f.endpoints.getQuery(CONSTRUCT_ONE, type), lang, "http://example.org/x/s")));
        }
        list.add(new Requirement("P-describe-type", "§2.1.6", MUST,
                "a DESCRIBE answer is an RDF graph whose Content-Type is its syntax",
                f -> Rdf.graphIn(f.endpoints.getQuery("DESCRIBE <urn:x:nothing>", "text/turtle"), null, null)));
        list.add(new Requirement("P-not-acceptable", "§2.1.5", SHOULD,
                "an Accept the service cannot meet gets 406, or an answer whose Content-Type says what it is",
                ProtocolChecks::notAcceptable));
        list.add(new Requirement("P-base-iri", "§2.3", MUST,
                "the service defines a base IRI: a relative IRI in a query comes back absolute",
                ProtocolChecks::baseIri));
        return list;
    }

    static final String SELECT_TWO = "SELECT ?x WHERE { VALUES ?x { 1 2 } }";
    // http IRIs: Jena 6.2's RDF/XML writer cannot split a predicate like urn:x:p into a namespace and a name.
    static final String CONSTRUCT_ONE = "CONSTRUCT { <http://example.org/x/s> <http://example.org/x/p> \"o\" } WHERE {}";

    // --- helpers shared by the Update and Graph Store checks ---

    static Outcome askIsTrue(Reply reply) {
        if (!reply.isSuccess()) {
            return Outcome.fail(reply.summary());
        }
        if (!reply.mediaType().equals(JSON) && !reply.mediaType().equals(XML)) {
            return Outcome.fail("Content-Type " + reply.mediaType() + " is not a boolean results format: "
                    + reply.summary());
        }
        return reply.booleanAnswer().filter(Boolean::booleanValue).map(yes -> Outcome.pass(Integer.toString(reply.status())))
                .orElseGet(() -> Outcome.fail("no `true` in " + reply.summary()));
    }

    static Outcome clientError(Reply reply) {
        return reply.isClientError() ? Outcome.pass(Integer.toString(reply.status())) : Outcome.fail(reply.summary());
    }

    static Outcome status(Reply reply, int... expected) {
        for (int code : expected) {
            if (reply.status() == code) {
                return Outcome.pass(Integer.toString(code));
            }
        }
        return Outcome.fail(reply.summary());
    }

    /** Passes when the first outcome passes and the second holds as well (e.g. "refused" and "nothing changed"). */
    static Outcome both(Outcome first, Optional<Boolean> condition, String whatFailed) {
        if (first.verdict() != Requirement.Verdict.PASS) {
            return first;
        }
        if (condition.isEmpty()) {
            return Outcome.fail(first.detail() + ", but the follow-up query failed");
        }
        return condition.get() ? first : Outcome.fail(first.detail() + ", but " + whatFailed);
    }

    static ResultSetRewindable results(Reply reply, Lang lang) {
        return ResultSetMgr.read(new ByteArrayInputStream(reply.body()), lang).rewindable();
    }

    static Optional<Lang> resultsLang(String mediaType) {
        return switch (mediaType) {
            case JSON -> Optional.of(ResultSetLang.RS_JSON);
            case XML -> Optional.of(ResultSetLang.RS_XML);
            case "text/csv" -> Optional.of(ResultSetLang.RS_CSV);
            case "text/tab-separated-values" -> Optional.of(ResultSetLang.RS_TSV);
            default -> Optional.empty();
        };
    }

    /** The answer's values of {@code ?x}, read in the syntax its Content-Type names. */
    static Optional<List<RDFNode>> column(Reply reply, String variable) {
        Optional<Lang> lang = resultsLang(reply.mediaType());
        if (!reply.isSuccess() || lang.isEmpty()) {
            return Optional.empty();
        }
        try {
            List<RDFNode> values = new ArrayList<>();
            ResultSet rows = results(reply, lang.get());
            rows.forEachRemaining((QuerySolution row) -> values.add(row.get(variable)));
            return Optional.of(values);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    // --- the checks that need more than one line ---

    private static Outcome selectIn(Reply reply, Lang wanted) {
        if (!reply.isSuccess()) {
            return Outcome.fail(reply.summary());
        }
        Optional<Lang> lang = resultsLang(reply.mediaType());
        if (lang.isEmpty()) {
            return Outcome.fail("Content-Type " + reply.mediaType() + " is not a SPARQL results format");
        }
        if (wanted != null && !lang.get().equals(wanted)) {
            return Outcome.fail("asked for " + wanted.getLabel() + ", got " + reply.mediaType());
        }
        try {
            int rows = results(reply, lang.get()).size();
            return rows == 2 ? Outcome.pass(reply.mediaType()) : Outcome.fail(rows + " rows instead of 2");
        } catch (RuntimeException e) {
            return Outcome.fail("body is not " + lang.get().getLabel() + " as its Content-Type says: " + e.getMessage());
        }
    }

    private static Outcome internationalised(Fixture f) {
        String text = "日本語 Ελληνικά ü €";
        Reply reply = f.endpoints.getQuery("SELECT ?x WHERE { BIND(\"" + text + "\" AS ?x) }", JSON);
        Optional<List<RDFNode>> values = column(reply, "x");
        if (values.isEmpty() || values.get().size() != 1) {
            return Outcome.fail(reply.summary());
        }
        String back = values.get().get(0).asLiteral().getLexicalForm();
        return back.equals(text) ? Outcome.pass("200") : Outcome.fail("came back as «" + back + "»");
    }

    private static Outcome longQuery(Fixture f) {
        StringBuilder query = new StringBuilder("SELECT (COUNT(*) AS ?x) WHERE { VALUES ?v {");
        int values = 0;
        while (query.length() < 20_000) {
            query.append(" <urn:x:value-").append(values++).append('>');
        }
        query.append(" } }");
        Reply reply = f.endpoints.post(f.endpoints.query(), FORM, "query=" + encode(query.toString()), JSON, false);
        Optional<List<RDFNode>> count = column(reply, "x");
        if (count.isEmpty() || count.get().size() != 1) {
            return Outcome.fail(reply.summary());
        }
        int counted = count.get().get(0).asLiteral().getInt();
        return counted == values ? Outcome.pass("200") : Outcome.fail("counted " + counted + " of " + values);
    }

    /** Runs a dataset check; a 400 refusing protocol datasets is allowed by §2.1.4 and makes it not applicable. */
    private static Outcome withDataset(Fixture f, java.util.function.Supplier<Outcome> check) {
        if (!f.writable()) {
            return Outcome.notApplicable(f.unwritableReason());
        }
        return check.get();
    }

    private static Outcome datasetAsk(Reply reply, boolean expected, String what) {
        if (reply.status() == 400) {
            return Outcome.notApplicable("refused with 400, which §2.1.4 allows: " + reply.summary());
        }
        Optional<Boolean> answer = reply.isSuccess() ? reply.booleanAnswer() : Optional.empty();
        if (answer.isEmpty()) {
            return Outcome.fail(what + ": " + reply.summary());
        }
        return answer.get() == expected ? Outcome.pass("200") : Outcome.fail(what + ": answered " + answer.get());
    }

    private static Outcome firstFailing(Outcome... outcomes) {
        for (Outcome outcome : outcomes) {
            if (outcome.verdict() != Requirement.Verdict.PASS) {
                return outcome;
            }
        }
        return outcomes[outcomes.length - 1];
    }

    private static String s(Fixture f, String name) {
        return "<" + f.subject(name) + ">";
    }

    private static Outcome defaultGraphUris(Fixture f) {
        return withDataset(f, () -> {
            String both = "ASK { " + s(f, "s1") + " ?p ?o . " + s(f, "s2") + " ?p2 ?o2 }";
            String onlyS2 = "ASK { " + s(f, "s2") + " ?p ?o }";
            return firstFailing(
                    datasetAsk(f.endpoints.get(f.endpoints.query() + "?query=" + encode(both) + "&default-graph-uri="
                            + encode(f.g1) + "&default-graph-uri=" + encode(f.g2), JSON), true, "g1 + g2 merged"),
                    datasetAsk(f.endpoints.get(f.endpoints.query() + "?query=" + encode(onlyS2) + "&default-graph-uri="
                            + encode(f.g1), JSON), false, "g1 alone must not hold g2's triple"));
        });
    }

    private static Outcome namedGraphUris(Fixture f) {
        return withDataset(f, () -> {
            String url = f.endpoints.query() + "?named-graph-uri=" + encode(f.g1);
            return firstFailing(
                    datasetAsk(f.endpoints.post(url, QUERY, "ASK { GRAPH <" + f.g1 + "> { " + s(f, "s1") + " ?p ?o } }",
                            JSON, false), true, "g1 named"),
                    datasetAsk(f.endpoints.post(url, QUERY, "ASK { GRAPH ?g { " + s(f, "s2") + " ?p ?o } }", JSON, false),
                            false, "g2 was not named"));
        });
    }

    private static Outcome fullDataset(Fixture f) {
        return withDataset(f, () -> {
            String params = "&default-graph-uri=" + encode(f.g2) + "&named-graph-uri=" + encode(f.g1);
            String query = "ASK { " + s(f, "s2") + " ?p ?o GRAPH ?g { " + s(f, "s1") + " ?p1 ?o1 } }";
            String notNamed = "ASK { GRAPH ?g { " + s(f, "s2") + " ?p ?o } }";
            return firstFailing(
                    datasetAsk(f.endpoints.post(f.endpoints.query(), FORM, "query=" + encode(query) + params, JSON,
                            false), true, "default g2, named g1"),
                    datasetAsk(f.endpoints.post(f.endpoints.query(), FORM, "query=" + encode(notNamed) + params, JSON,
                            false), false, "g2 is the default graph, not a named one"));
        });
    }

    private static Outcome protocolWinsOverFrom(Fixture f) {
        return withDataset(f, () -> {
            String query = "ASK FROM <" + f.g1 + "> { " + s(f, "s2") + " ?p ?o }";
            return datasetAsk(f.endpoints.get(f.endpoints.query() + "?query=" + encode(query) + "&default-graph-uri="
                    + encode(f.g2), JSON), true, "FROM <g1> with default-graph-uri=g2");
        });
    }

    private static Outcome notAcceptable(Fixture f) {
        Reply reply = f.endpoints.getQuery(SELECT_TWO, "application/x-not-a-format");
        if (reply.status() == 406) {
            return Outcome.pass("406");
        }
        if (reply.isSuccess() && resultsLang(reply.mediaType()).isPresent()) {
            return selectIn(reply, null);
        }
        return Outcome.fail(reply.summary());
    }

    private static Outcome baseIri(Fixture f) {
        Reply reply = f.endpoints.getQuery("SELECT ?x WHERE { BIND(<relative/path> AS ?x) }", JSON);
        Optional<List<RDFNode>> values = column(reply, "x");
        if (values.isEmpty() || values.get().size() != 1 || values.get().get(0) == null) {
            return Outcome.fail(reply.summary());
        }
        RDFNode x = values.get().get(0);
        return x.isURIResource() && isServiceBase(x.asResource().getURI(), "relative/path")
                ? Outcome.pass(x.asResource().getURI()) : Outcome.fail("came back as " + x);
    }

    /**
     * Is this the relative IRI resolved against a base of the service's own? A file: IRI is the server
     * process's working directory (a library's fallback), not a base the service defined, and it shows the
     * server's file system to every client.
     */
    static boolean isServiceBase(String iri, String relative) {
        return iri.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*") && iri.endsWith(relative) && !iri.startsWith("file:");
    }
}
