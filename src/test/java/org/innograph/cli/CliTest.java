package org.innograph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.GZIPInputStream;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.util.IsoMatcher;
import org.apache.jena.system.Txn;
import org.innograph.store.EmbeddedStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;

/** Every sub-command, run in-process with picocli against a TDB2 store in a temporary folder. */
class CliTest {

    private static final String REFERENCE = "src/test/resources/reference/reference.ttl";

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private Run run(String... args) {
        return run(InnoGraphCli.commandLine(), args);
    }

    private static Run run(CommandLine commandLine, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        int exit = commandLine.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"serve", "load", "validate", "import", "export", "backup", "restore", "query", "convert",
        "generate"})
    void everyCommandExplainsItselfWithHelp(String command) {
        Run help = run(command, "--help");

        assertThat(help.exit()).isZero();
        assertThat(help.out()).startsWith("Usage: innograph " + command);
    }

    @Test
    void withoutArgumentsTheCommandIsServe() {
        assertThat(InnoGraphCli.arguments(new String[0])).containsExactly("serve");
        assertThat(InnoGraphCli.arguments(new String[] {"query", "ASK {}"})).containsExactly("query", "ASK {}");
        assertThat(InnoGraphCli.arguments(new String[] {"--server.port=9090"})).containsExactly("serve", "--server.port=9090");
        assertThat(InnoGraphCli.arguments(new String[] {"--help"})).containsExactly("--help");
    }

    @Test
    void loadBulkLoadsTriplesIntoTheFilesGraphAndQuadsIntoTheirOwn() {
        Run load = run("load", "--store", store().toString(), REFERENCE, "src/test/resources/imports/practice.nq");

        assertThat(load.exit()).as(load.err()).isZero();
        assertThat(load.err()).contains("reference.ttl: ").contains("triples/s");
        assertThat(load.out()).contains("Loaded ").contains("from 2 files");
        Run graphs = run("query", "--store", store().toString(), "--format", "csv",
                "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g");
        assertThat(graphs.out()).contains("https://example.org/graph/curator-draft,9")
                .contains("https://w3id.org/innograph/graph/reference,");
    }

    @Test
    void validateReportsViolationsAndExitsWith1() throws IOException {
        Run good = run("validate", "--reference", REFERENCE, "--topic-themes", "src/test/resources/imports/topic_themes.csv",
                "src/test/resources/imports/practice.ttl", "src/test/resources/imports/practices.csv");
        assertThat(good.exit()).as(good.out() + good.err()).isZero();
        assertThat(good.out()).contains("practice.ttl: conforms (9 triples)").contains("practices.csv: conforms");

        Path bad = Files.writeString(dir.resolve("bad.ttl"), Files.readString(Path.of("src/test/resources/imports/practice.ttl"))
                .replace("dct:source <https://example.org/vouchers>", "dct:source \"not an IRI\""));
        Run violations = run("validate", "--reference", REFERENCE, bad.toString(),
                "src/test/resources/imports/practices-no-source.csv");

        assertThat(violations.exit()).isEqualTo(1);
        assertThat(violations.out())
                .contains("bad.ttl: 1 violations")
                .contains("<https://w3id.org/innograph/id/practice/digital-innovation-vouchers-vienna> "
                        + "<http://purl.org/dc/terms/source>")
                .contains("(value: \"not an IRI\")")
                .contains("row 2, column source_url");
    }

    @Test
    void importWritesABatchWithProvenanceAndRefusesBadFilesWithoutWriting() throws IOException {
        load();
        Path config = Files.writeString(dir.resolve("innograph.properties"),
                "innograph.imports.topic-themes=src/test/resources/imports/topic_themes.csv\n");

        Run imported = run("import", "--store", store().toString(), "--config", config.toString(), "--batch", "cli",
                "--user", "tester", "src/test/resources/imports/practices.csv");

        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("created batch cli").contains("https://w3id.org/innograph/graph/import/cli");
        Run who = run("query", "--store", store().toString(), "--format", "csv", """
                PREFIX prov: <http://www.w3.org/ns/prov#>
                SELECT ?user WHERE { GRAPH <https://w3id.org/innograph/graph/import/cli> {
                  ?g prov:wasAttributedTo/<http://xmlns.com/foaf/0.1/accountName> ?user } }""");
        assertThat(who.out()).contains("tester");
        DatasetGraph before = contentOf(store());

        Run refused = run("import", "--store", store().toString(), "--config", config.toString(),
                "src/test/resources/imports/practices-bad-cells.csv");

        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("refused (422), nothing written")
                .contains("row 2, column country: not a country code").contains("row 3, column topics");
        assertThat(IsoMatcher.isomorphic(before, contentOf(store()))).isTrue();
    }

    @Test
    void exportWritesEveryGraphAsGzipNQuadsOrTrig() throws IOException {
        load();
        Path nquads = dir.resolve("out/dump.nq.gz");
        Path trig = dir.resolve("out/reference.trig");

        Run all = run("export", "--store", store().toString(), "-o", nquads.toString());
        Run one = run("export", "--store", store().toString(), "--format", "trig", "--graph",
                "https://w3id.org/innograph/graph/reference", "-o", trig.toString());

        assertThat(all.exit()).as(all.err()).isZero();
        assertThat(all.err()).contains("export: ").contains("triples/s");
        assertThat(one.exit()).isZero();
        DatasetGraph stored = contentOf(store());
        assertThat(IsoMatcher.isomorphic(stored, read(nquads, Lang.NQUADS))).isTrue();
        DatasetGraph referenceOnly = read(trig, Lang.TRIG);
        assertThat(referenceOnly.listGraphNodes()).toIterable().hasSize(1);
        assertThat(run("export", "--store", store().toString(), "--graph", "https://example.org/none").exit()).isEqualTo(1);
    }

    @Test
    void backupRestoresIntoAnEmptyDirectoryAsAnIsomorphicStore() throws IOException {
        load();
        Path backup = dir.resolve("backup.nq.gz");

        Run backedUp = run("backup", "--store", store().toString(), "-o", backup.toString());
        Run restored = run("restore", "--store", dir.resolve("restored").toString(), backup.toString());

        assertThat(backedUp.exit()).as(backedUp.err()).isZero();
        assertThat(backedUp.out()).contains("Backup written to " + backup);
        assertThat(restored.exit()).as(restored.err()).isZero();
        assertThat(restored.out()).contains("Restored ");
        assertThat(IsoMatcher.isomorphic(contentOf(store()), contentOf(dir.resolve("restored")))).isTrue();

        Run again = run("restore", "--store", dir.resolve("restored").toString(), backup.toString());
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).contains("not empty");
    }

    @Test
    void queryTakesAFileOrTextAndAnOutputFormat() throws IOException {
        load();
        Path file = Files.writeString(dir.resolve("regions.rq"), """
                PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
                CONSTRUCT { ?r skos:notation ?code } WHERE { ?r skos:notation ?code ; skos:broader <http://data.europa.eu/nuts/code/AT1> }""");

        Run table = run("query", "--store", store().toString(),
                "SELECT ?code WHERE { ?r <http://www.w3.org/2004/02/skos/core#notation> ?code FILTER(STRSTARTS(?code, \"AT1\")) } ORDER BY ?code");
        Run triples = run("query", "--store", store().toString(), "--format", "ntriples", file.toString());
        Run ask = run("query", "--store", store().toString(), "--format", "json", "ASK { ?s ?p ?o }");
        Run wrong = run("query", "--store", store().toString(), "--format", "turtle", "ASK { ?s ?p ?o }");

        assertThat(table.out()).contains("| code").contains("\"AT12\"").contains("\"AT13\"");
        assertThat(triples.out().lines()).containsExactlyInAnyOrder(
                "<http://data.europa.eu/nuts/code/AT12> <http://www.w3.org/2004/02/skos/core#notation> \"AT12\" .",
                "<http://data.europa.eu/nuts/code/AT13> <http://www.w3.org/2004/02/skos/core#notation> \"AT13\" .");
        assertThat(ask.out()).contains("\"boolean\" : true");
        assertThat(wrong.exit()).isEqualTo(2);
        assertThat(wrong.err()).contains("does not fit a ASK query");
    }

    @Test
    void serveStartsTheServiceOnTheGivenSettings() throws Exception {
        CommandLine commandLine = InnoGraphCli.commandLine();
        Run serve = run(commandLine, "serve", "--server.port=0", "--innograph.store.directory=" + store(),
                "--innograph.data.directories=src/test/resources/reference", "--spring.main.banner-mode=off");
        ServeCommand command = commandLine.getSubcommands().get("serve").getCommand();
        try (ConfigurableApplicationContext context = command.context()) {
            assertThat(serve.exit()).isZero();
            assertThat(command.isRunning()).isTrue();
            String port = context.getEnvironment().getProperty("local.server.port");
            HttpResponse<String> health = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                    .send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                            .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"triples\"");
        }
        assertThat(command.isRunning()).isFalse();
    }

    @Test
    void generateWritesTheSyntheticGraphItReports() throws IOException {
        Path file = dir.resolve("synthetic.nt");
        Run generate = run("generate", "--practices", "30", "--seed", "5", "--out", file.toString());

        assertThat(generate.exit()).as(generate.err()).isZero();
        long lines = Files.lines(file).count();
        assertThat(generate.out()).contains("Wrote " + file + ": " + lines + " triples (30 practices");
    }

    @Test
    void convertRegeneratesTheShippedTurtleFromItsSources() throws IOException {
        Run convert = run("convert", "data/sources", dir.resolve("generated").toString());

        assertThat(convert.exit()).as(convert.err()).isZero();
        assertThat(convert.out()).contains("inno-industry ").contains("nuts-2021 ").contains(" triples");
        assertThat(Files.readString(dir.resolve("generated/inno-industry.ttl")))
                .as("the shipped file is what the converter makes of the shipped sources")
                .isEqualTo(Files.readString(Path.of("data/inno-industry.ttl")));
    }

    private Path store() {
        return dir.resolve("store");
    }

    private void load() {
        Run load = run("load", "--store", store().toString(), REFERENCE);
        assertThat(load.exit()).as(load.err()).isZero();
    }

    private static DatasetGraph contentOf(Path directory) {
        try (EmbeddedStore store = new EmbeddedStore(directory)) {
            return Txn.calculateRead(store.dataset(), () -> {
                DatasetGraph copy = DatasetGraphFactory.create();
                store.dataset().asDatasetGraph().find().forEachRemaining(copy::add);
                return copy;
            });
        }
    }

    private static DatasetGraph read(Path file, Lang lang) throws IOException {
        DatasetGraph dataset = DatasetGraphFactory.create();
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
            RDFParser.source(in).lang(lang).parse(dataset);
        }
        return dataset;
    }
}
