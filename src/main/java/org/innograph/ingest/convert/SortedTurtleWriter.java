package org.innograph.ingest.convert;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.jena.atlas.io.IndentedLineBuffer;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.out.NodeFormatter;
import org.apache.jena.riot.out.NodeFormatterTTL;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.vocabulary.RDF;

/**
 * Writes a model as Turtle with subjects, predicates and objects in a fixed order, so that a regenerated file
 * differs from the committed one only where the data changed (Jena's pretty writer follows hash order).
 */
final class SortedTurtleWriter {
    private SortedTurtleWriter() {}

    static void write(Model model, Path file) {
        PrefixMap prefixes = PrefixMapFactory.create(new TreeMap<>(model.getNsPrefixMap()));
        NodeFormatter fmt = new NodeFormatterTTL(null, prefixes);
        Map<String, List<Triple>> bySubject = new TreeMap<>();
        model.getGraph().find().forEachRemaining(t ->
                bySubject.computeIfAbsent(str(fmt, t.getSubject()), k -> new ArrayList<>()).add(t));
        StringBuilder out = new StringBuilder();
        new TreeMap<>(model.getNsPrefixMap()).forEach((p, ns) -> out.append("@prefix ").append(p).append(": <").append(ns).append("> .\n"));
        for (Map.Entry<String, List<Triple>> e : bySubject.entrySet()) {
            List<Triple> triples = e.getValue();
            triples.sort(Comparator.<Triple, String>comparing(t -> predicateKey(t.getPredicate()))
                    .thenComparing(t -> str(fmt, t.getObject())));
            out.append('\n').append(e.getKey());
            Node lastPredicate = null;
            for (Triple t : triples) {
                if (t.getPredicate().equals(lastPredicate)) {
                    out.append(" ,\n        ");
                } else {
                    out.append(lastPredicate == null ? "\n    " : " ;\n    ");
                    out.append(t.getPredicate().equals(RDF.type.asNode()) ? "a" : str(fmt, t.getPredicate())).append(' ');
                    lastPredicate = t.getPredicate();
                }
                out.append(str(fmt, t.getObject()));
            }
            out.append(" .\n");
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, out, StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** rdf:type first, then the rest alphabetically: the class of a resource is what a reader looks for first. */
    private static String predicateKey(Node p) {
        return p.equals(RDF.type.asNode()) ? "" : p.getURI();
    }

    private static String str(NodeFormatter fmt, Node n) {
        IndentedLineBuffer buf = new IndentedLineBuffer();
        fmt.format(buf, n);
        return buf.asString();
    }
}
