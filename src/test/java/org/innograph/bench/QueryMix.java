package org.innograph.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.syntax.ElementData;
import org.apache.jena.sparql.syntax.ElementVisitorBase;
import org.apache.jena.sparql.syntax.ElementWalker;
import org.apache.jena.system.Txn;

/**
 * The stored research queries with their parameters drawn from the data under test. A parameter is a
 * one-value VALUES block in the query file; what kind of value it takes (a NUTS region, a theme, a country,
 * a practice identifier, a country code) is read from its default, and a fresh value of that kind is drawn
 * from the store for each request: popular values come up as often as they do in the data.
 */
final class QueryMix {

    /** One stored query, parsed. */
    record StoredQuery(String name, Query query) {
    }

    /** One request of the mix: which query, and its text with the parameters bound. */
    record Request(String name, String sparql) {
    }

    enum Kind { REGION, THEME, COUNTRY, COUNTRY_CODE, PRACTICE_ID }

    private static final Map<Kind, String> POOLS = new EnumMap<>(Map.of(
            Kind.REGION, "SELECT ?v { ?p a ig:GoodPractice ; dct:spatial ?x . ?x skos:broader ?v } LIMIT 20000",
            Kind.THEME, "SELECT ?v { ?p a ig:GoodPractice ; dct:subject ?v } LIMIT 20000",
            Kind.COUNTRY, "SELECT ?v { ?a ig:inspiredBy ?p . ?p ig:country ?v } LIMIT 20000",
            Kind.COUNTRY_CODE, "SELECT ?v { ?p a ig:GoodPractice ; ig:country ?c . ?c ig:nutsCountryCode ?v } LIMIT 20000",
            Kind.PRACTICE_ID, "SELECT ?v { ?a ig:inspiredBy ?p . ?p dct:identifier ?v } LIMIT 20000"));

    private final List<StoredQuery> queries;
    private final Map<Kind, List<Node>> pools;

    private QueryMix(List<StoredQuery> queries, Map<Kind, List<Node>> pools) {
        this.queries = queries;
        this.pools = pools;
    }

    /** The stored queries of the API if the project has them, else the research queries of the tests. */
    static Path queryDirectory(Path root) {
        Path stored = root.resolve("src/main/resources/queries");
        try (Stream<Path> files = Files.isDirectory(stored) ? Files.list(stored) : Stream.empty()) {
            if (files.anyMatch(f -> f.toString().endsWith(".rq"))) {
                return stored;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return root.resolve("src/test/resources/research");
    }

    static QueryMix from(Path directory, Dataset data) {
        List<StoredQuery> queries = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".rq")).sorted().toList()) {
                String name = file.getFileName().toString().replaceFirst("\\.rq$", "");
                Query query = QueryFactory.create(Files.readString(file, StandardCharsets.UTF_8), Syntax.syntaxARQ);
                if (query.isSelectType() || query.isAskType()) {
                    queries.add(new StoredQuery(name, query));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<Kind, List<Node>> pools = new EnumMap<>(Kind.class);
        Txn.executeRead(data, () -> POOLS.forEach((kind, select) -> {
            List<Node> values = new ArrayList<>();
            String text = "PREFIX ig: <https://w3id.org/innograph/ontology#> PREFIX dct: <http://purl.org/dc/terms/> "
                    + "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> " + select;
            try (QueryExecution execution = QueryExecution.dataset(data).query(text).build()) {
                execution.execSelect().forEachRemaining(row -> values.add(row.get("v").asNode()));
            }
            pools.put(kind, values);
        }));
        return new QueryMix(List.copyOf(queries), pools);
    }

    List<StoredQuery> queries() {
        return queries;
    }

    /**
     * {@code length} requests going round the queries, each with freshly drawn parameters; the same seed
     * gives the same requests, so every server under test gets the same work.
     */
    List<Request> requests(long seed, int length) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Request> requests = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            StoredQuery stored = queries.get(i % queries.size());
            requests.add(new Request(stored.name(), bind(stored.query(), random)));
        }
        return requests;
    }

    /** A value of this kind drawn from the data, or null if the data has none. */
    Node draw(Kind kind, SplittableRandom random) {
        List<Node> pool = pools.getOrDefault(kind, List.of());
        return pool.isEmpty() ? null : pool.get(random.nextInt(pool.size()));
    }

    /** The query with its one-value VALUES block of this kind holding {@code value}. */
    String bindTo(Query template, Kind kind, Node value) {
        return rewriteValues(template, (var, current) -> kind == kindOf(current) ? value : current);
    }

    /** The query with each one-value VALUES block holding a value drawn from the data. */
    String bind(Query template, SplittableRandom random) {
        return rewriteValues(template, (var, current) -> {
            Kind kind = kindOf(current);
            Node drawn = kind == null ? null : draw(kind, random);
            return drawn == null ? current : drawn;
        });
    }

    private static String rewriteValues(Query template, java.util.function.BiFunction<Var, Node, Node> choose) {
        Query query = template.cloneQuery();
        if (query.getQueryPattern() == null) {
            return query.serialize();
        }
        ElementWalker.walk(query.getQueryPattern(), new ElementVisitorBase() {
            @Override
            public void visit(ElementData data) {
                if (data.getVars().size() != 1 || data.getRows().size() != 1) {
                    return;
                }
                Var var = data.getVars().get(0);
                Node current = data.getRows().get(0).get(var);
                if (current == null) {
                    return;
                }
                data.getRows().set(0, Binding.builder().add(var, choose.apply(var, current)).build());
            }
        });
        return query.serialize();
    }

    static Kind kindOf(Node value) {
        if (value == null) {
            return null;
        }
        if (value.isURI()) {
            String iri = value.getURI();
            if (iri.startsWith("http://data.europa.eu/nuts/code/")) {
                return Kind.REGION;
            }
            if (iri.startsWith("https://w3id.org/innograph/theme/")) {
                return Kind.THEME;
            }
            if (iri.startsWith("http://publications.europa.eu/resource/authority/country/")) {
                return Kind.COUNTRY;
            }
            return null;
        }
        if (value.isLiteral()) {
            String text = value.getLiteralLexicalForm();
            if (text.matches("[A-Z]{2}")) {
                return Kind.COUNTRY_CODE;
            }
            if (text.matches("S?GP\\d+")) {
                return Kind.PRACTICE_ID;
            }
        }
        return null;
    }
}
