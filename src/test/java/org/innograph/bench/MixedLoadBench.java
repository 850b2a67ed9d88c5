package org.innograph.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.apache.jena.sys.JenaSystem;
import org.innograph.testing.ServerProcess;
import org.innograph.hardening.LoadDriver;
import org.innograph.hardening.LoadDriver.Report;
import org.innograph.hardening.LoadDriver.Role;
import org.innograph.ingest.ShippedDataLoader;
import org.innograph.store.EmbeddedStore;
import org.innograph.testing.Http;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Reads and writes at once, InnoGraph beside Fuseki on copies of the same store: dedicated writers send INSERT
 * DATA with HTTP Basic, dedicated readers send small service queries, for a fixed time per server; afterwards
 * every acknowledged write is looked for. Both servers check the writer's password on every request (InnoGraph
 * against its bcrypt hash, Fuseki against its password file). Run with {@code bench/run mixed}; see
 * docs/benchmarks.md.
 */
@Command(name = "mixed-load", mixinStandardHelpOptions = true)
public final class MixedLoadBench implements Callable<Integer> {

    static final String USER = "curator";
    static final String PASSWORD = "bench-only-secret";

    /** Small reads a service answers all day: an index lookup, a page, a count, a neighbourhood, the latest writes. */
    static final List<String> READS = List.of(
            LoadDriver.PREFIXES + "ASK { ?p a ig:GoodPractice ; dct:identifier \"GP12\" }",
            LoadDriver.PREFIXES + "SELECT ?p ?label WHERE { ?p a ig:GoodPractice ; rdfs:label ?label } LIMIT 100",
            LoadDriver.PREFIXES + "CONSTRUCT { ?p ?q ?o } WHERE { ?p a ig:GoodPractice ; ?q ?o } LIMIT 200",
            "SELECT ?s ?n WHERE { ?s <urn:ex:load:seq> ?n } LIMIT 20",
            LoadDriver.PREFIXES + "SELECT ?label WHERE { <https://w3id.org/innograph/theme/digital-transformation> "
                    + "?p ?label } LIMIT 20");

    @Option(names = "--practices", defaultValue = "42000", description = "synthetic practices (≈ 21 triples each; "
            + "42,000 with the shipped data ≈ 1M triples)")
    int practices;

    @Option(names = "--writers", defaultValue = "16")
    int writers;

    @Option(names = "--readers", defaultValue = "16")
    int readers;

    @Option(names = "--seconds", defaultValue = "60", description = "measured seconds per server")
    int seconds;

    @Option(names = "--seed", defaultValue = "1")
    long seed;

    @Option(names = "--root", defaultValue = ".")
    Path root;

    @Option(names = "--work", defaultValue = "target/bench")
    Path work;

    @Option(names = "--innograph-classpath", required = true)
    String innographClasspath;

    @Option(names = "--fuseki-jar", required = true)
    Path fusekiJar;

    @Option(names = "--server-jvm", split = " ", defaultValue = "-Xms256m -Xmx2g")
    List<String> serverJvm;

    public static void main(String[] args) {
        System.exit(new CommandLine(new MixedLoadBench()).setOverwrittenOptionsAllowed(true).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        JenaSystem.init();
        Path dir = work.resolve("mixed");
        Path dataDir = BenchmarkDriver.fresh(dir.resolve("data"));
        PracticeGraphGenerator.Summary summary = PracticeGraphGenerator.fromShippedData(root)
                .generate(practices, seed, dataDir.resolve("synthetic.nt"));
        Path innographStore = BenchmarkDriver.fresh(dir.resolve("tdb2-innograph"));
        EmbeddedStore store = new EmbeddedStore(innographStore);
        new ShippedDataLoader(store, List.of(root.resolve("ontology"), root.resolve("data"), dataDir)).synchronise();
        long triples = store.tripleCount();
        BenchmarkDriver.release(store);
        Path fusekiStore = dir.resolve("tdb2-fuseki");
        BenchmarkDriver.copy(innographStore, BenchmarkDriver.fresh(fusekiStore));
        System.out.printf(Locale.ROOT, "[mixed] store: %,d triples (%,d synthetic practices); %d writers + %d "
                + "readers, %d s per server%n", triples, summary.practices(), writers, readers, seconds);

        List<Role> roles = new ArrayList<>(Collections.nCopies(writers, Role.WRITER));
        roles.addAll(Collections.nCopies(readers, Role.READER));
        Duration duration = Duration.ofSeconds(seconds);
        Duration warmup = Duration.ofSeconds(Math.min(10, seconds));

        Report innograph;
        int innographPort = ServerProcess.freeLoopbackPort();
        try (SparqlServer server = SparqlServer.start("InnoGraph", innographCommand(innographStore, innographPort),
                "http://127.0.0.1:" + innographPort + "/sparql", dir.resolve("innograph.log"), Duration.ofMinutes(3))) {
            Http http = Http.onPort(innographPort);
            LoadDriver.Target target = LoadDriver.Target.innograph(USER, PASSWORD);
            LoadDriver.run(http, target, roles, READS, warmup);
            innograph = LoadDriver.run(http, target, roles, READS, duration);
        }
        Report fuseki;
        int fusekiPort = ServerProcess.freeLoopbackPort();
        try (SparqlServer server = SparqlServer.start("Fuseki", fusekiCommand(dir, fusekiStore, fusekiPort),
                "http://127.0.0.1:" + fusekiPort + "/ds/query", dir.resolve("fuseki.log"), Duration.ofMinutes(3))) {
            Http http = Http.onPort(fusekiPort);
            LoadDriver.Target target = new LoadDriver.Target("/ds/query", "/ds/update", USER, PASSWORD);
            LoadDriver.run(http, target, roles, READS, warmup);
            fuseki = LoadDriver.run(http, target, roles, READS, duration);
        }
        String table = table(triples, innograph, fuseki);
        System.out.print(table);
        Files.writeString(work.resolve("mixed-results.md"), table, StandardCharsets.UTF_8);
        System.out.println("[mixed] Results: " + work.resolve("mixed-results.md"));
        return innograph.serverErrors() + innograph.otherErrors() + innograph.lostWrites() == 0 ? 0 : 1;
    }

    private String table(long triples, Report a, Report b) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Mixed load: %d writers (INSERT DATA, HTTP Basic) + %d readers, %d s "
                        + "per server after %d s warm-up, %,d triples; %s%n%n", writers, readers, seconds,
                Math.min(10, seconds), triples, BenchmarkDriver.machine()));
        out.append("| measure | InnoGraph | Fuseki | ratio | goal |\n|---|---|---|---|---|\n");
        row(out, "acknowledged writes/s", a.acknowledgedWritesPerSecond(), b.acknowledgedWritesPerSecond(), "≥ 1");
        row(out, "reads/s", a.readsPerSecond(), b.readsPerSecond(), "≥ 1");
        row(out, "read p50 ms", a.readMillis(50), b.readMillis(50), "≤ 1.5");
        row(out, "read p99 ms", a.readMillis(99), b.readMillis(99), "");
        out.append(String.format(Locale.ROOT, "| errors: 5xx (503; no answer in 30 s) / other non-2xx | %d (%d; %d) / %d "
                        + "| %d (%d; %d) / %d | | 0 |%n", a.serverErrors(), a.rejected(), a.unanswered(), a.otherErrors(),
                b.serverErrors(), b.rejected(), b.unanswered(), b.otherErrors()));
        out.append(String.format(Locale.ROOT, "| lost writes | %d of %d | %d of %d | | 0 |%n", a.lostWrites(),
                a.acknowledged(), b.lostWrites(), b.acknowledged()));
        return out.toString();
    }

    private static void row(StringBuilder out, String measure, double a, double b, String goal) {
        out.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.2f | %s |%n", measure, a, b, a / b, goal));
    }

    private List<String> innographCommand(Path store, int port) {
        return ServerProcess.java(serverJvm, "-cp", innographClasspath, "org.innograph.InnoGraphApplication",
                "--server.port=" + port, "--server.address=127.0.0.1",
                "--innograph.store.mode=embedded", "--innograph.store.directory=" + store.toAbsolutePath(),
                "--innograph.data.load-on-start=false",
                "--innograph.security.writer.username=" + USER, "--innograph.security.writer.password=" + PASSWORD,
                "--logging.level.root=warn", "--spring.main.banner-mode=off");
    }

    /** Fuseki with query open to all and update for the same user, checked with HTTP Basic. */
    private List<String> fusekiCommand(Path dir, Path store, int port) throws java.io.IOException {
        Path passwords = dir.resolve("fuseki-passwd");
        Files.writeString(passwords, USER + ": " + PASSWORD + "\n", StandardCharsets.UTF_8);
        Path config = dir.resolve("fuseki-mixed-config.ttl");
        Files.writeString(config, """
                PREFIX fuseki: <http://jena.apache.org/fuseki#>
                PREFIX tdb2:   <http://jena.apache.org/2016/tdb#>
                PREFIX rdf:    <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
                <#service> rdf:type fuseki:Service ;
                    fuseki:name "ds" ;
                    fuseki:endpoint [ fuseki:operation fuseki:query ; fuseki:name "query" ] ;
                    fuseki:endpoint [ fuseki:operation fuseki:update ; fuseki:name "update" ;
                                      fuseki:allowedUsers "%s" ] ;
                    fuseki:dataset <#dataset> .
                <#dataset> rdf:type tdb2:DatasetTDB2 ;
                    tdb2:location "%s" ;
                    tdb2:unionDefaultGraph true .
                """.formatted(USER, store.toAbsolutePath().toString().replace("\\", "/")), StandardCharsets.UTF_8);
        return ServerProcess.java(serverJvm, "-jar", fusekiJar.toAbsolutePath().toString(),
                "--config=" + config.toAbsolutePath(), "--port=" + port, "--localhost",
                "--passwd=" + passwords.toAbsolutePath(), "--auth=basic");
    }
}
