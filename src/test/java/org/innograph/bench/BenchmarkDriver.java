package org.innograph.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sys.JenaSystem;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.innograph.testing.ServerProcess;
import org.innograph.bench.QueryLoad.Measurement;
import org.innograph.bench.ResultTable.Goal;
import org.innograph.bench.ResultTable.Row;
import org.innograph.ingest.ShippedDataLoader;
import org.innograph.recommend.RankingStatistics;
import org.innograph.recommend.RecommendationIndex;
import org.innograph.store.EmbeddedStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * InnoGraph side by side with Apache Jena on the same synthetic data, one scale after another: bulk load
 * (InnoGraph's loader vs Jena's TDB2 loaders), the stored query mix over HTTP (InnoGraph's /sparql vs a
 * standalone Fuseki process over a copy of the same TDB2 store), recommendations (API vs SPARQL) where they
 * exist, and start-up and memory. Only ratios measured in the same run mean much on a shared machine.
 * How to run it: docs/benchmarks.md.
 */
@Command(name = "benchmark", mixinStandardHelpOptions = true)
public final class BenchmarkDriver implements Callable<Integer> {

    private static final String IG = "https://w3id.org/innograph/ontology#";

    @Option(names = "--scales", split = ",", defaultValue = "1000,10000,100000", description = "practices per scale")
    List<Integer> scales;

    @Option(names = "--large", description = "also run 1,000,000 practices")
    boolean large;

    @Option(names = "--seed", defaultValue = "1")
    long seed;

    @Option(names = "--duration", defaultValue = "16", description = "seconds of measured load per server and concurrency")
    double durationSeconds;

    @Option(names = "--warmup", defaultValue = "5", description = "seconds of warm-up per server and concurrency")
    double warmupSeconds;

    @Option(names = "--clients", split = ",", defaultValue = "1,8")
    List<Integer> clients;

    @Option(names = "--root", defaultValue = ".", description = "project directory (ontology/, data/, queries)")
    Path root;

    @Option(names = "--work", defaultValue = "target/bench", description = "where data, stores, logs and results go")
    Path work;

    @Option(names = "--innograph-classpath", description = "classpath to start InnoGraph with (default: this JVM's)")
    String innographClasspath;

    @Option(names = "--fuseki-jar", description = "jena-fuseki-server jar; without it Fuseki main from the classpath")
    Path fusekiJar;

    @Option(names = "--server-jvm", split = " ", defaultValue = "-Xms256m -Xmx2g",
            description = "JVM options for both servers")
    List<String> serverJvm;

    @Option(names = "--skip-shipped-startup", description = "skip the cold start on the shipped data alone")
    boolean skipShippedStartup;

    @Option(names = "--skip-bulk-load", description = "skip the bulk-load comparison (for a run of the queries only)")
    boolean skipBulkLoad;

    @Option(names = "--only-bulk-load",
            description = "run only the bulk-load comparison: no servers, no query mix, no shipped-data start-up")
    boolean onlyBulkLoad;

    private final ResultTable table = new ResultTable();
    private final QueryLoad load = new QueryLoad();

    public static void main(String[] args) {
        // bench/run sets --work; a later --work on its command line wins.
        System.exit(new CommandLine(new BenchmarkDriver()).setOverwrittenOptionsAllowed(true).execute(args));
    }

    /** For tests: runs with these arguments and returns the table written. */
    static ResultTable run(String... args) {
        BenchmarkDriver driver = new BenchmarkDriver();
        int exit = new CommandLine(driver).execute(args);
        if (exit != 0) {
            throw new IllegalStateException("benchmark failed with exit code " + exit);
        }
        return driver.table;
    }

    @Override
    public Integer call() throws Exception {
        // Without a configuration Logback logs at DEBUG, which would slow the in-process loads.
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        JenaSystem.init();
        List<Integer> all = new ArrayList<>(scales);
        if (large && !all.contains(1_000_000)) {
            all.add(1_000_000);
        }
        Files.createDirectories(work);
        long start = System.nanoTime();
        if (!skipShippedStartup && !onlyBulkLoad) {
            shippedDataStartup();
        }
        boolean first = true;
        for (int practices : all) {
            scale(practices, first);
            first = false;
            table.write(work, machine());
        }
        table.note(String.format(Locale.ROOT, "Whole run: %.0f s.", (System.nanoTime() - start) / 1e9));
        table.write(work, machine());
        System.out.println("[bench] Results: " + work.resolve("results.md") + " and " + work.resolve("results.csv"));
        return 0;
    }

    /** InnoGraph from nothing: an empty store filled with the shipped data while it starts. */
    private void shippedDataStartup() throws IOException {
        Path store = fresh(work.resolve("shipped/tdb2"));
        int port = ServerProcess.freeLoopbackPort();
        try (SparqlServer innograph = SparqlServer.start("InnoGraph", innographCommand(store, port, true),
                "http://127.0.0.1:" + port + "/sparql", work.resolve("shipped/innograph.log"), Duration.ofMinutes(5))) {
            table.add(new Row("shipped", "start-up", "cold start + load to first answer", "s",
                    innograph.startSeconds(), Double.NaN, "", Goal.NONE, 0, "empty store, load-on-start"));
            table.add(new Row("shipped", "memory", "heap after load (after GC)", "MB",
                    innograph.heapAfterGcMb(), Double.NaN, "", Goal.NONE, 0, ""));
        }
    }

    private void scale(int practices, boolean first) throws Exception {
        String scale = label(practices);
        Path dir = work.resolve("scale-" + scale);
        Path dataDir = fresh(dir.resolve("data"));
        Path file = dataDir.resolve("synthetic.nt");
        PracticeGraphGenerator.Summary summary = PracticeGraphGenerator.fromShippedData(root)
                .generate(practices, seed, file);
        table.note(String.format(Locale.ROOT, "%s: %,d practices, %,d organisations, %,d actions, %,d triples "
                        + "(%.0f MB N-Triples).", scale, practices, summary.organisations(), summary.actions(),
                summary.triples(), Files.size(file) / 1e6));

        if (!skipBulkLoad || onlyBulkLoad) {
            bulkLoad(scale, practices, dir, dataDir, file, first);
        }
        if (onlyBulkLoad) {
            return;
        }

        // The store both servers answer from: everything shipped plus the synthetic graph, built by InnoGraph.
        Path innographStore = fresh(dir.resolve("tdb2-innograph"));
        EmbeddedStore store = new EmbeddedStore(innographStore);
        new ShippedDataLoader(store, List.of(root.resolve("ontology"), root.resolve("data"), dataDir)).synchronise();
        // The ranking statistics, as the service writes them before its first recommendation query: Fuseki's copy
        // needs them too, and InnoGraph then finds them current (same content hash) and does not write again.
        store.write(connection -> {
            connection.put(RankingStatistics.GRAPH, RankingStatistics.of(RecommendationIndex.load(connection)).model());
            return null;
        });
        QueryMix mix = QueryMix.from(root, store.dataset());
        if (first) {
            table.note("Query mix: " + mix.queries().size() + " queries" + (mix.leftOut().isEmpty() ? ""
                    : "; left out (federated, or needing imported data): " + String.join(", ", mix.leftOut())));
        }
        release(store);
        Path fusekiStore = dir.resolve("tdb2-fuseki");
        copy(innographStore, fresh(fusekiStore));

        int innographPort = ServerProcess.freeLoopbackPort();
        int fusekiPort = ServerProcess.freeLoopbackPort();
        Path fusekiConfig = fusekiConfig(dir, fusekiStore);
        QueryMix timed;
        try (SparqlServer innograph = SparqlServer.start("InnoGraph",
                innographCommand(innographStore, innographPort, false),
                "http://127.0.0.1:" + innographPort + "/sparql", dir.resolve("innograph.log"), Duration.ofMinutes(3));
             SparqlServer fuseki = SparqlServer.start("Fuseki", fusekiCommand(fusekiConfig, fusekiPort),
                     "http://127.0.0.1:" + fusekiPort + "/ds/query", dir.resolve("fuseki.log"), Duration.ofMinutes(3))) {
            table.add(new Row(scale, "start-up", "cold start to first answer", "s", innograph.startSeconds(),
                    fuseki.startSeconds(), "Fuseki", Goal.NONE, 0, "store already built"));
            table.add(new Row(scale, "memory", "heap after start (after GC)", "MB", innograph.heapAfterGcMb(),
                    fuseki.heapAfterGcMb(), "Fuseki", Goal.NONE, 0, ""));
            SparqlServer.WarmUp warmUp = innograph.awaitUiWarmUp(Duration.ofMinutes(15));
            table.add(new Row(scale, "start-up", "pages' caches built (UI warm-up ended)", "s", warmUp.seconds(),
                    Double.NaN, "", Goal.NONE, 0, warmUp.note()));

            timed = compareAnswers(scale, mix, innograph, fuseki);
            for (int c : clients) {
                queryMix(scale, timed, innograph, fuseki, c);
            }
            table.add(new Row(scale, "memory", "resident after query mix", "MB", innograph.residentMb(),
                    fuseki.residentMb(), "Fuseki", Goal.NONE, 0, "includes mapped TDB2 pages"));
            recommendations(scale, mix, innograph, fuseki);
        }
        repeatedQueries(scale, dir, timed, innographStore, fusekiConfig);
    }

    /** InnoGraph again on the same store, now with its answer cache on, against a fresh Fuseki. */
    private void repeatedQueries(String scale, Path dir, QueryMix mix, Path store, Path fusekiConfig)
            throws Exception {
        int innographPort = ServerProcess.freeLoopbackPort();
        int fusekiPort = ServerProcess.freeLoopbackPort();
        try (SparqlServer innograph = SparqlServer.start("InnoGraph", innographCommand(store, innographPort, false,
                true), "http://127.0.0.1:" + innographPort + "/sparql", dir.resolve("innograph-cache.log"),
                Duration.ofMinutes(3));
             SparqlServer fuseki = SparqlServer.start("Fuseki", fusekiCommand(fusekiConfig, fusekiPort),
                     "http://127.0.0.1:" + fusekiPort + "/ds/query", dir.resolve("fuseki-cache.log"),
                     Duration.ofMinutes(3))) {
            innograph.awaitUiWarmUp(Duration.ofMinutes(15));
            RepeatedQueries.measure(scale, mix, innograph, fuseki, load, table, seed, clients,
                    Duration.ofMillis((long) (warmupSeconds * 1000)), Duration.ofMillis((long) (durationSeconds * 500)));
        }
    }

    /** The same file into an empty store by InnoGraph's loader and by Jena's TDB2 loaders called directly. */
    private void bulkLoad(String scale, int practices, Path dir, Path dataDir, Path file, boolean warmUp)
            throws IOException {
        if (warmUp) {
            // The first loads in a JVM pay for class loading and JIT, and a load of 1K practices takes under a
            // second, so one warm-up load left the JIT still compiling through the measured runs (the later run of
            // P I B B I P then had the advantage). Three loads each, alternating, of a file of (at most) 1K practices.
            Path warmData = fresh(dir.resolve("warm-data"));
            PracticeGraphGenerator.fromShippedData(root).generate(Math.min(practices, 1000), seed,
                    warmData.resolve("synthetic.nt"));
            for (int round = 0; round < 3; round++) {
                innographLoad(fresh(dir.resolve("warm-innograph")), warmData);
                jenaLoad(fresh(dir.resolve("warm-jena")), warmData.resolve("synthetic.nt"), "phased");
            }
        }
        // Each loader twice, in the order P I B B I P, and the faster run of each counts: on a shared machine
        // the slower run mostly measures the neighbours.
        double jenaPhased = jenaLoad(fresh(dir.resolve("load-jena-phased")), file, "phased");
        double innograph = innographLoad(fresh(dir.resolve("load-innograph")), dataDir);
        double jenaBasic = jenaLoad(fresh(dir.resolve("load-jena-basic")), file, "basic");
        jenaBasic = Math.max(jenaBasic, jenaLoad(fresh(dir.resolve("load-jena-basic")), file, "basic"));
        innograph = Math.max(innograph, innographLoad(fresh(dir.resolve("load-innograph")), dataDir));
        jenaPhased = Math.max(jenaPhased, jenaLoad(fresh(dir.resolve("load-jena-phased")), file, "phased"));
        table.add(new Row(scale, "bulk load", "triples/s", "triples/s", innograph, jenaPhased,
                "Jena TDB2 phased loader", Goal.AT_LEAST, 1.0, "Jena's default (tdb2.tdbloader); best of 2"));
        table.add(new Row(scale, "bulk load", "triples/s", "triples/s", innograph, jenaBasic,
                "Jena TDB2 basic loader", Goal.AT_LEAST, 0.8, "best of 2"));
        for (String name : List.of("warm-data", "warm-innograph", "warm-jena", "load-jena-phased", "load-innograph",
                "load-jena-basic")) {
            delete(dir.resolve(name));
        }
    }

    /** Triples/s of InnoGraph's shipped-data loader over a folder holding only the file. */
    private double innographLoad(Path storeDir, Path dataDir) {
        EmbeddedStore store = new EmbeddedStore(storeDir);
        long start = System.nanoTime();
        ShippedDataLoader.Report report = new ShippedDataLoader(store, List.of(dataDir)).synchronise();
        double seconds = (System.nanoTime() - start) / 1e9;
        release(store);
        return report.triplesLoaded() / seconds;
    }

    /** Triples/s of a Jena TDB2 loader putting the file into the same named graph. */
    private double jenaLoad(Path storeDir, Path file, String kind) {
        DatasetGraph dataset = DatabaseMgr.connectDatasetGraph(storeDir.toString());
        var graph = NodeFactory.createURI(PracticeGraphGenerator.GRAPH);
        DataLoader loader = kind.equals("basic")
                ? LoaderFactory.basicLoader(dataset, graph, (format, args) -> { })
                : LoaderFactory.phasedLoader(dataset, graph, (format, args) -> { });
        long start = System.nanoTime();
        loader.startBulk();
        loader.load(file.toString());
        loader.finishBulk();
        double seconds = (System.nanoTime() - start) / 1e9;
        long triples = loader.countTriples() + loader.countQuads();
        TDBInternal.expel(dataset);
        return triples / seconds;
    }

    /** Both servers must give the same rows for every query before their speed is compared. */
    /**
     * Both servers must give the same rows before their speed is compared. A query that does not answer within
     * InnoGraph's time limit here is left out of the timed mix (it would only measure the time limit).
     */
    private QueryMix compareAnswers(String scale, QueryMix mix, SparqlServer innograph, SparqlServer fuseki)
            throws IOException, InterruptedException {
        List<QueryMix.Request> requests = mix.requests(seed + 1, mix.queries().size() * 3);
        List<HttpRequest> toInnograph = QueryLoad.prepare(innograph.queryEndpoint(), requests);
        List<HttpRequest> toFuseki = QueryLoad.prepare(fuseki.queryEndpoint(), requests);
        List<String> different = new ArrayList<>();
        java.util.Set<String> tooSlow = new java.util.TreeSet<>();
        for (int i = 0; i < requests.size(); i++) {
            if (tooSlow.contains(requests.get(i).name())) {
                continue;
            }
            List<String> a;
            try {
                a = Answers.rows(load.fetch(toInnograph.get(i)));
            } catch (IOException e) {
                tooSlow.add(requests.get(i).name());
                continue;
            }
            List<String> b = Answers.rows(load.fetch(toFuseki.get(i)));
            if (!a.equals(b)) {
                different.add(requests.get(i).name() + " (" + a.size() + " vs " + b.size() + " rows)");
            }
        }
        table.note(scale + ": answers compared on " + requests.size() + " requests of " + mix.queries().size()
                + " queries: " + (different.isEmpty() ? "all the same" : "DIFFERENT for " + different)
                + (tooSlow.isEmpty() ? "" : "; over InnoGraph's query time limit, so left out of the timed mix: "
                + String.join(", ", tooSlow)));
        return mix.without(tooSlow);
    }

    private void queryMix(String scale, QueryMix mix, SparqlServer innograph, SparqlServer fuseki, int clientCount)
            throws InterruptedException {
        List<QueryMix.Request> requests = mix.requests(seed + clientCount, 4000);
        List<HttpRequest> toInnograph = QueryLoad.prepare(innograph.queryEndpoint(), requests);
        List<HttpRequest> toFuseki = QueryLoad.prepare(fuseki.queryEndpoint(), requests);
        List<String> names = requests.stream().map(QueryMix.Request::name).toList();
        Duration warmup = Duration.ofMillis((long) (warmupSeconds * 1000));
        Duration half = Duration.ofMillis((long) (durationSeconds * 500));
        Measurement[] measured = load.sideBySide(toInnograph, toFuseki, names, clientCount, warmup, half);
        Measurement a = measured[0];
        Measurement b = measured[1];
        String section = "query mix, " + clientCount + (clientCount == 1 ? " client" : " clients");
        table.addLoadAgainstFuseki(scale, section, a, b, 0.95, Goal.AT_MOST, 1.1);
        if (clientCount == 1) {
            // Where the time goes, and which queries grow with the data.
            for (QueryMix.StoredQuery query : mix.queries()) {
                for (int percentile : new int[] {50, 99}) {
                    table.add(new Row(scale, "per query, 1 client", query.name() + " p" + percentile, "ms",
                            a.percentileMillis(query.name(), percentile), b.percentileMillis(query.name(), percentile),
                            "Fuseki", Goal.NONE, 0, ""));
                }
            }
        }
    }

    private void recommendations(String scale, QueryMix mix, SparqlServer innograph, SparqlServer fuseki)
            throws InterruptedException, IOException {
        Recommendations recommendations = Recommendations.find(root, innograph, mix, load);
        if (recommendations == null) {
            table.note(scale + ": recommendations not available (no GET /api/recommendations or no stored query "
                    + "recommend-practices-for-region on this build).");
            return;
        }
        recommendations.measure(scale, table, Duration.ofMillis((long) (durationSeconds * 500)), seed);
    }

    /** InnoGraph with its answer cache off: the query measurements are of evaluation, not of kept answers. */
    private List<String> innographCommand(Path store, int port, boolean loadOnStart) {
        return innographCommand(store, port, loadOnStart, false);
    }

    private List<String> innographCommand(Path store, int port, boolean loadOnStart, boolean keepAnswers) {
        String classpath = innographClasspath != null ? innographClasspath
                : System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return ServerProcess.java(serverJvm, "-cp", classpath, "org.innograph.InnoGraphApplication",
                "--server.port=" + port, "--server.address=127.0.0.1",
                "--innograph.store.mode=embedded", "--innograph.store.directory=" + store.toAbsolutePath(),
                "--innograph.data.load-on-start=" + loadOnStart,
                "--innograph.data.directories=" + root.resolve("ontology").toAbsolutePath() + ","
                        + root.resolve("data").toAbsolutePath(),
                "--innograph.cache.answers.enabled=" + keepAnswers,
                "--logging.level.root=warn", "--spring.main.banner-mode=off");
    }

    private List<String> fusekiCommand(Path config, int port) {
        List<String> args = List.of("--config=" + config.toAbsolutePath(), "--port=" + port, "--localhost");
        if (fusekiJar != null) {
            List<String> command = ServerProcess.java(serverJvm, "-jar", fusekiJar.toAbsolutePath().toString());
            command.addAll(args);
            return command;
        }
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return ServerProcess.java(serverJvm, "-cp", classpath, FusekiFromClasspath.class.getName(),
                config.toAbsolutePath().toString(), Integer.toString(port));
    }

    /** Fuseki as a production InnoGraph deployment runs it: read-only query service, union default graph. */
    private static Path fusekiConfig(Path dir, Path store) throws IOException {
        Path config = dir.resolve("fuseki-config.ttl");
        Files.writeString(config, """
                PREFIX fuseki: <http://jena.apache.org/fuseki#>
                PREFIX tdb2:   <http://jena.apache.org/2016/tdb#>
                PREFIX rdf:    <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
                <#service> rdf:type fuseki:Service ;
                    fuseki:name "ds" ;
                    fuseki:endpoint [ fuseki:operation fuseki:query ; fuseki:name "query" ] ;
                    fuseki:dataset <#dataset> .
                <#dataset> rdf:type tdb2:DatasetTDB2 ;
                    tdb2:location "%s" ;
                    tdb2:unionDefaultGraph true .
                """.formatted(store.toAbsolutePath().toString().replace("\\", "/")), StandardCharsets.UTF_8);
        return config;
    }

    /** Closes a store and frees its directory for another process (TDB2 keeps one lock per JVM). */
    static void release(EmbeddedStore store) {
        DatasetGraph dataset = store.dataset().asDatasetGraph();
        store.close();
        TDBInternal.expel(dataset);
    }

    static String label(int practices) {
        return practices % 1_000_000 == 0 ? practices / 1_000_000 + "M"
                : practices % 1000 == 0 ? practices / 1000 + "K" : Integer.toString(practices);
    }

    static String machine() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        long memory = os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getTotalMemorySize() : -1;
        return String.format(Locale.ROOT, "%d cores, %.0f GB memory, %s %s, %s %s", os.getAvailableProcessors(),
                memory / 1e9, System.getProperty("java.vm.name"), System.getProperty("java.version"), os.getName(),
                os.getArch());
    }

    static Path fresh(Path directory) throws IOException {
        delete(directory);
        Files.createDirectories(directory);
        return directory;
    }

    private static void delete(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path path : walk.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else if (!path.getFileName().toString().equals("tdb.lock")) {
                    Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
