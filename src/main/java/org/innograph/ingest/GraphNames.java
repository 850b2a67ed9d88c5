package org.innograph.ingest;

import java.nio.file.Path;
import java.util.List;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.VOID;

import org.apache.jena.riot.RDFLanguages;
import org.innograph.vocabulary.IG;

/** How named graphs are called: {@code https://w3id.org/innograph/graph/{source}}. */
public final class GraphNames {

    public static final String GRAPH_BASE = IG.GRAPH;

    /** Bookkeeping of what the shipped files were when they were loaded (content hashes). */
    public static final String LOAD_STATE = GRAPH_BASE + "load-state";

    private GraphNames() {
    }

    /**
     * The graph a shipped file goes into: the one graph of ours the file describes as a {@code void:Dataset}
     * (so {@code ontology/innograph.ttl} can say it is the {@code ontology} graph), else its base name
     * ({@code data/nuts-2021.ttl} is {@code nuts-2021}).
     */
    public static String forShippedFile(Path file, Model content) {
        return forShippedFile(file, content.listSubjectsWithProperty(RDF.type, VOID.Dataset).toList().stream()
                .filter(Resource::isURIResource).map(Resource::getURI).toList());
    }

    /** As {@link #forShippedFile(Path, Model)}, given the IRIs the file declares to be a {@code void:Dataset}. */
    public static String forShippedFile(Path file, List<String> declaredDatasets) {
        List<String> ours = declaredDatasets.stream().filter(iri -> iri.startsWith(GRAPH_BASE)).distinct().toList();
        return ours.size() == 1 ? ours.get(0) : forFile(file);
    }

    /** {@code data/nuts-2021.ttl} is the source {@code nuts-2021}. */
    public static String forFile(Path file) {
        String name = file.getFileName().toString();
        String extension = name.substring(name.lastIndexOf('.') + 1);
        return GRAPH_BASE + name.substring(0, name.length() - extension.length() - 1);
    }

    /** Shipped files are RDF formats that hold one graph each; quad formats would name their own graphs. */
    public static boolean isShippedGraphFile(Path file) {
        var lang = RDFLanguages.filenameToLang(file.getFileName().toString());
        return lang != null && RDFLanguages.isTriples(lang);
    }
}
