package org.innograph.vocabulary;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.syntax.Element;
import org.apache.jena.sparql.syntax.ElementData;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;
import org.apache.jena.sparql.syntax.syntaxtransform.UpdateTransformOps;
import org.apache.jena.update.UpdateFactory;
import org.apache.jena.update.UpdateRequest;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The SPARQL that InnoGraph's own code runs, kept as files under {@code classpath:sparql/}, one folder per
 * capability: queries as {@code .rq}, updates as {@code .ru}. They declare no prefixes of their own: every file is
 * parsed with {@link IG#PREFIXES}. All files are read and parsed once, when this class is first used (as the
 * application starts, see {@code InnoGraphApplication}); a file that does not parse stops the start with its name, line and
 * column, instead of failing the first request that needs it.
 *
 * <p>Values reach a query only as RDF terms, through Jena: {@link #query(String, Map)} substitutes them for
 * variables in the parsed syntax tree, {@link #withValues} puts lists of them in VALUES blocks. Nothing is ever
 * pasted into query text.
 */
public final class SparqlFiles {

    /** The folder of InnoGraph's own SPARQL on the class path. */
    public static final String FOLDER = "sparql";

    /** A file's text as written and what it parses to: a {@link Query} or an {@link UpdateRequest}. */
    record Parsed(String text, Object sparql) {
    }

    private static final Map<String, Parsed> FILES = parseAll(texts(FOLDER, SparqlFiles.class.getClassLoader()));

    private SparqlFiles() {
    }

    /** A file of InnoGraph's own SPARQL that does not parse; names the file, and the line and column of the fault. */
    public static final class MalformedSparqlFileException extends IllegalStateException {
        MalformedSparqlFileException(String file, String problem) {
            super("The SPARQL file " + file + " does not parse: " + problem);
        }
    }

    /** A fresh copy of the query in {@code sparql/<name>} (e.g. {@code linkeddata/labels.rq}), free to change. */
    public static Query query(String name) {
        return parsed(name, Query.class).cloneQuery();
    }

    /** The query with each named variable replaced by its RDF term, as {@code ParameterizedSparqlString} would. */
    public static Query query(String name, Map<String, Node> terms) {
        return QueryTransformOps.replaceVars(parsed(name, Query.class), vars(terms));
    }

    /** A fresh copy of the update in {@code sparql/<name>}, each named variable replaced by its RDF term. */
    public static UpdateRequest update(String name, Map<String, Node> terms) {
        return UpdateTransformOps.transform(parsed(name, UpdateRequest.class), vars(terms));
    }

    /** The file's text as written, for showing to people (it parses with {@link IG#sparqlPrologue()} before it). */
    public static String text(String name) {
        parsed(name, Object.class);
        return FILES.get(name).text();
    }

    /** The names of all files, e.g. {@code store/write-marker.rq}. */
    public static Set<String> names() {
        return FILES.keySet();
    }

    /**
     * The query with a VALUES block per variable placed first in its WHERE group, so that the store looks the
     * listed terms up instead of scanning for the pattern and joining afterwards. Changes the query given.
     */
    public static Query withValues(Query query, Map<Var, ? extends List<Node>> bindings) {
        if (bindings.isEmpty()) {
            return query;
        }
        ElementGroup group = new ElementGroup();
        bindings.forEach((variable, nodes) -> {
            ElementData data = new ElementData();
            data.add(variable);
            nodes.forEach(node -> data.add(BindingFactory.binding(variable, node)));
            group.addElement(data);
        });
        Element pattern = query.getQueryPattern();
        if (pattern instanceof ElementGroup existing) {
            existing.getElements().forEach(group::addElement);
        } else if (pattern != null) {
            group.addElement(pattern);
        }
        query.setQueryPattern(group);
        return query;
    }

    /**
     * The text of every {@code .rq} and {@code .ru} file under a class-path folder (subfolders included), by its
     * path inside that folder, in UTF-8. Also how the stored queries' files are read.
     */
    public static Map<String, String> texts(String folder, ClassLoader loader) {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(loader);
        Map<String, String> texts = new TreeMap<>();
        try {
            for (Resource root : resolver.getResources("classpath*:" + folder + "/")) {
                String rootUrl = root.getURL().toString();
                for (String extension : List.of("rq", "ru")) {
                    for (Resource file : resolver.getResources(rootUrl + "**/*." + extension)) {
                        String name = file.getURL().toString().substring(rootUrl.length());
                        try (InputStream in = file.getInputStream()) {
                            if (texts.put(name, new String(in.readAllBytes(), StandardCharsets.UTF_8)) != null) {
                                throw new IllegalStateException("Two files " + folder + "/" + name + " on the class path");
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the SPARQL files under " + folder + "/", e);
        }
        return texts;
    }

    /** Each text parsed with the shared prefixes: a {@link Query} for {@code .rq}, an {@link UpdateRequest} for {@code .ru}. */
    static Map<String, Parsed> parseAll(Map<String, String> texts) {
        Map<String, Parsed> parsed = new TreeMap<>();
        texts.forEach((name, text) -> parsed.put(name, new Parsed(text, parse(FOLDER + "/" + name, text))));
        return Collections.unmodifiableMap(parsed);
    }

    private static Object parse(String file, String text) {
        PrefixMapping prefixes = PrefixMapping.Factory.create().setNsPrefixes(IG.PREFIXES);
        try {
            if (file.endsWith(".ru")) {
                UpdateRequest update = new UpdateRequest();
                update.setPrefixMapping(prefixes);
                UpdateFactory.parse(update, text);
                return update;
            }
            Query query = new Query();
            query.setPrefixMapping(prefixes);
            QueryFactory.parse(query, text, null, Syntax.defaultQuerySyntax);
            // Settled now, so that copies made by concurrent requests only ever read the parsed query.
            query.ensureResultVars();
            return query;
        } catch (QueryParseException e) {
            // Jena's message says where: "Encountered … at line 3, column 7."
            throw new MalformedSparqlFileException(file, e.getMessage());
        }
    }

    private static <T> T parsed(String name, Class<T> type) {
        Object parsed = FILES.containsKey(name) ? FILES.get(name).sparql() : null;
        if (!type.isInstance(parsed)) {
            throw new IllegalArgumentException("No SPARQL " + (type == Query.class ? "query " : type == Object.class
                    ? "file " : "update ") + FOLDER + "/" + name);
        }
        return type.cast(parsed);
    }

    private static Map<Var, Node> vars(Map<String, Node> terms) {
        Map<Var, Node> vars = new HashMap<>();
        terms.forEach((name, node) -> vars.put(Var.alloc(name), node));
        return vars;
    }
}
