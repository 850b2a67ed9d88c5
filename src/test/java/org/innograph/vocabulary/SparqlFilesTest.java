package org.innograph.vocabulary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.modify.request.UpdateDataInsert;
import org.apache.jena.sparql.modify.request.UpdateDeleteWhere;
import org.apache.jena.sparql.modify.request.UpdateModify;
import org.apache.jena.update.UpdateFactory;
import org.apache.jena.update.UpdateRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * InnoGraph's own SPARQL: every file under src/main/resources/sparql parses with the shared prefixes, values are
 * bound as terms, a malformed file stops the start naming itself, and no SPARQL text is left in the Java code.
 */
class SparqlFilesTest {

    private static final Path SOURCES = Path.of("src/main/resources/sparql");

    @Test
    void everyFileInTheSourceTreeIsLoadedAndParsesAsWhatItsExtensionSays() throws IOException {
        Set<String> onDisk = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(Files::isRegularFile)
                    .forEach(file -> onDisk.add(SOURCES.relativize(file).toString().replace('\\', '/')));
        }
        assertTrue(onDisk.size() > 50, "the SPARQL files were found: " + onDisk.size());
        assertEquals(onDisk, new TreeSet<>(SparqlFiles.names()), "every file, and only .rq/.ru files, is loaded");
        for (String name : onDisk) {
            String text = Files.readString(SOURCES.resolve(name));
            assertEquals(text, SparqlFiles.text(name), name + " is served as written");
            assertFalse(Pattern.compile("(?im)^\\s*(PREFIX|BASE)\\s").matcher(text).find(),
                    name + " declares no prefix of its own: the shared ones of IG.PREFIXES apply");
            if (name.endsWith(".rq")) {
                Query query = SparqlFiles.query(name);
                // What the store or a remote server receives is the query written out: it must read back the same.
                assertEquals(query, QueryFactory.create(query.serialize()), name + " survives being written out");
            } else {
                UpdateRequest update = SparqlFiles.update(name, Map.of());
                assertFalse(update.getOperations().isEmpty(), name);
                assertEquals(update.toString(), UpdateFactory.create(update.toString()).toString(), name);
            }
        }
    }

    @Test
    void aCopyMayBeChangedWithoutChangingTheNextOne() {
        Query first = SparqlFiles.query("linkeddata/inbound.rq");
        first.setLimit(3);
        assertFalse(SparqlFiles.query("linkeddata/inbound.rq").hasLimit());
    }

    @Test
    void hostileValuesStayTermsAndCannotChangeWhatAnUpdateDoes() {
        String hostile = "x\" } } ; DROP ALL ; INSERT DATA { GRAPH <urn:g> { <urn:s> <urn:p> \"";
        UpdateRequest move = SparqlFiles.update("store/move-write-marker.ru",
                Map.of("version", NodeFactory.createLiteralString(hostile)));
        assertEquals(2, move.getOperations().size());
        assertInstanceOf(UpdateDeleteWhere.class, move.getOperations().get(0));
        UpdateModify insert = assertInstanceOf(UpdateModify.class, move.getOperations().get(1));
        assertEquals(hostile, insert.getInsertQuads().get(0).getObject().getLiteralLexicalForm());
        // Written out and read back (as a remote store receives it), it is still the same two operations.
        UpdateRequest reread = UpdateFactory.create(move.toString());
        assertEquals(2, reread.getOperations().size());
        assertFalse(reread.getOperations().stream().anyMatch(UpdateDataInsert.class::isInstance));
    }

    @Test
    void valuesBlocksGoFirstInTheWhereClause() {
        Query labels = SparqlFiles.withValues(SparqlFiles.query("linkeddata/labels.rq"), Map.of(
                org.apache.jena.sparql.core.Var.alloc("x"),
                List.of(NodeFactory.createURI("urn:a"), NodeFactory.createURI("urn:b"))));
        String text = labels.serialize();
        assertTrue(text.indexOf("<urn:a>") < text.indexOf("skos:prefLabel"), text);
    }

    @Test
    void aMalformedFileIsRefusedWithItsNameLineAndColumn(@TempDir Path folder) throws IOException {
        write(folder, "sparql/web/fine.rq", "SELECT ?x WHERE { ?x a ig:GoodPractice }\n");
        String refusal = refusal(folder, "sparql/web/broken.rq",
                "# a comment\nSELECT ?x WHERE {\n  ?x a ig:GoodPractice .\n  FILTER(\n}\n");
        assertTrue(refusal.contains("sparql/web/broken.rq") && refusal.contains("line 5, column 1"), refusal);
    }

    @Test
    void aPrefixOutsideTheSharedSetIsRefused(@TempDir Path folder) throws IOException {
        String refusal = refusal(folder, "sparql/ingest/own-prefix.rq", "SELECT ?x WHERE { ?x a schema:Thing }\n");
        assertTrue(refusal.contains("sparql/ingest/own-prefix.rq") && refusal.contains("schema"), refusal);
    }

    /** The message the loader refuses a folder with, after {@code name} is added to it. */
    private static String refusal(Path folder, String name, String text) throws IOException {
        write(folder, name, text);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {folder.toUri().toURL()}, null)) {
            Map<String, String> texts = SparqlFiles.texts("sparql", loader);
            assertTrue(texts.containsKey(name.substring("sparql/".length())), texts.keySet().toString());
            return assertThrows(SparqlFiles.MalformedSparqlFileException.class, () -> SparqlFiles.parseAll(texts))
                    .getMessage();
        }
    }

    /**
     * The application started as a process, as an operator starts it, with one malformed file added to its class
     * path, stops before anything else starts, naming the file; not on the first request that needs the query.
     * (A process of its own: a class loader in this JVM would leave its loggers behind for the other tests.)
     */
    @Test
    void startUpFailsOnAMalformedFile(@TempDir Path folder) throws Exception {
        write(folder, "classes/sparql/recommend/zz-broken.rq", "SELECT ?x WHERE { ?x a ig:GoodPractice \n");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, "-cp",
                folder.resolve("classes") + File.pathSeparator + System.getProperty("java.class.path"),
                "org.innograph.InnoGraphApplication", "--server.port=0",
                "--innograph.store.directory=" + folder.resolve("tdb2"),
                "--innograph.data.directories=" + folder.resolve("no-data"))
                .redirectErrorStream(true).redirectOutput(folder.resolve("out.log").toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the application did not stop: " + Files.readString(folder.resolve("out.log")));
        }
        String output = Files.readString(folder.resolve("out.log"));
        assertTrue(process.exitValue() != 0, output);
        assertTrue(output.contains("The SPARQL file sparql/recommend/zz-broken.rq does not parse")
                && output.contains("line 1, column 40"), output);
        assertFalse(Files.exists(folder.resolve("tdb2")), "nothing was started: the store was not opened");
    }

    /** The rule this class stands for: queries live in files, and the namespace is written out once. */
    @Test
    void noSparqlTextAndOneNamespaceInTheJavaCode() throws IOException {
        Pattern literal = Pattern.compile("\"(?:[^\"\\\\\\n]|\\\\.)*\"|\"\"\"[\\s\\S]*?\"\"\"");
        Pattern sparql = Pattern.compile("\\b(SELECT|CONSTRUCT|ASK|DESCRIBE|INSERT|DELETE|PREFIX)\\b[^\"]*[{<?]");
        List<String> queries = new ArrayList<>();
        List<String> namespaces = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                String code = Files.readString(file).replaceAll("(?m)^\\s*(\\*|//).*$", "");
                Matcher strings = literal.matcher(code);
                while (strings.find()) {
                    String text = strings.group();
                    if (sparql.matcher(text).find()) {
                        queries.add(file + ": " + text);
                    }
                    if (text.contains("https://w3id.org/innograph/")) {
                        namespaces.add(file + ": " + text);
                    }
                }
            }
        }
        assertEquals(List.of(), queries, "SPARQL belongs in src/main/resources/sparql");
        assertEquals(1, namespaces.size(), "the namespace is written once, in IG: " + namespaces);
        assertTrue(namespaces.get(0).contains("IG.java"), namespaces.get(0));
    }

    private static void write(Path folder, String name, String text) throws IOException {
        Path file = folder.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
