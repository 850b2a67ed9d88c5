package org.innograph.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.query.Syntax;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.resultset.ResultsWriter;
import org.innograph.store.GraphStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "query", mixinStandardHelpOptions = true,
        description = {"Runs a SPARQL query against the store, directly (no service needed). The default graph is "
                + "the union of the named graphs, as on the endpoint.",
                "--format for SELECT and ASK: text (a table, default), json, xml, csv, tsv; for CONSTRUCT and "
                        + "DESCRIBE: turtle (default), ntriples, jsonld, rdfxml."})
class QueryCommand extends ConsoleCommand {

    private static final Map<String, Lang> TABLES = Map.of("json", ResultSetLang.RS_JSON, "xml", ResultSetLang.RS_XML,
            "csv", ResultSetLang.RS_CSV, "tsv", ResultSetLang.RS_TSV);
    private static final Map<String, RDFFormat> GRAPHS = Map.of("turtle", RDFFormat.TURTLE, "ttl", RDFFormat.TURTLE,
            "ntriples", RDFFormat.NTRIPLES, "nt", RDFFormat.NTRIPLES, "jsonld", RDFFormat.JSONLD,
            "rdfxml", RDFFormat.RDFXML);

    @Mixin
    StoreOptions store;

    @Parameters(paramLabel = "QUERY", description = "A query file (.rq) or the query itself")
    String query;

    @Option(names = "--format", paramLabel = "FORMAT", description = "Output format (see above)")
    String format;

    @Option(names = "--timeout", paramLabel = "DURATION",
            description = "Stop the query after this long, e.g. 30s or PT2M (default: innograph.sparql.query-timeout)")
    String timeout;

    @Override
    public Integer call() throws IOException {
        Path file = Path.of(query.length() < 1024 && !query.contains("\n") ? query : ".");
        String text = Files.isRegularFile(file) ? Files.readString(file) : query;
        Query parsed = QueryFactory.create(text, Syntax.syntaxARQ);
        String wanted = format == null ? null : format.toLowerCase(Locale.ROOT);
        if (wanted != null && (parsed.isSelectType() || parsed.isAskType() ? !wanted.equals("text")
                && !TABLES.containsKey(wanted) : !GRAPHS.containsKey(wanted))) {
            throw usageError("Format '" + format + "' does not "
                    + "fit a " + parsed.queryType() + " query: use " + (parsed.isSelectType() || parsed.isAskType()
                    ? "text, json, xml, csv or tsv" : "turtle, ntriples, jsonld or rdfxml"));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GraphStore graphStore = store.open()) {
            Duration limit = timeout != null ? parseDuration(timeout) : store.settings().sparql().queryTimeout();
            graphStore.query(parsed, limit, execution -> {
                if (parsed.isSelectType()) {
                    var rows = execution.execSelect();
                    if (wanted == null || wanted.equals("text")) {
                        ResultSetFormatter.out(out, rows, parsed.getPrologue());
                    } else {
                        ResultsWriter.create().lang(TABLES.get(wanted)).write(out, rows);
                    }
                } else if (parsed.isAskType()) {
                    boolean answer = execution.execAsk();
                    if (wanted == null || wanted.equals("text")) {
                        out.writeBytes((answer + "\n").getBytes(StandardCharsets.UTF_8));
                    } else {
                        ResultsWriter.create().lang(TABLES.get(wanted)).write(out, answer);
                    }
                } else {
                    var graph = parsed.isConstructType() ? execution.execConstruct() : execution.execDescribe();
                    RDFDataMgr.write(out, graph, GRAPHS.getOrDefault(wanted == null ? "turtle" : wanted,
                            RDFFormat.TURTLE));
                }
                return null;
            });
        }
        out().print(out.toString(StandardCharsets.UTF_8));
        out().flush();
        return 0;
    }

    private static Duration parseDuration(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        if (value.matches("\\d+(ms|s|m|h)")) {
            return org.springframework.boot.convert.DurationStyle.SIMPLE.parse(value);
        }
        return Duration.parse(text.trim().toUpperCase(Locale.ROOT));
    }
}
