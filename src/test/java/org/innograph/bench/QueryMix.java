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
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.syntax.ElementData;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.sparql.syntax.ElementVisitorBase;
import org.apache.jena.sparql.syntax.ElementWalker;
import org.apache.jena.system.Txn;
import org.innograph.queries.ParameterType;
import org.innograph.queries.QueriesProperties;
import org.innograph.queries.QueryCatalogue;
import org.innograph.queries.QueryParameter;

/**
 * The stored queries with their parameters drawn from the data under test, so each request asks about a
 * region, theme, practice or country that exists, as often as it occurs in the data.
 *
 * <p>Two sources. The API's stored queries ({@code classpath:queries/*.rq}, read by the service's own
 * {@link QueryCatalogue}) declare their parameters in their header; each request binds them as a VALUES block
 * at the start of the WHERE clause, as the API does: required ones always, optional ones every other time
 * (both ways are what users send); federated queries and those whose required parameter the data cannot
 * supply (an imported indicator data set) are left out. Without stored queries, the research queries of the
 * tests are used: their parameter is a one-value VALUES block whose default tells what kind of value it takes.
 */
final class QueryMix {

    /**
     * One query of the mix and how to bind it; {@code firstPage} is the LIMIT the stored-query API sets for the first
     * page of a paged query (its page size and one row more, to tell whether a next page exists), 0 for none.
     */
    record StoredQuery(String name, Query query, List<Parameter> parameters, long firstPage) {
    }

    /**
     * A declared parameter: drawn from the data when {@code kind} is set, else one of {@code choices};
     * {@code always} for required ones.
     */
    record Parameter(Var var, Kind kind, List<Node> choices, boolean always) {
    }

    /** One request of the mix: which query, and its text with the parameters bound. */
    record Request(String name, String sparql) {
    }

    enum Kind { REGION, THEME, COUNTRY, COUNTRY_CODE, PRACTICE_ID, PRACTICE, PROJECT, INSTRUMENT, PLAN }

    private static final Map<Kind, String> POOLS = new EnumMap<>(Map.of(
            Kind.REGION, "SELECT ?v { ?p a ig:GoodPractice ; dct:spatial ?x . ?x skos:broader ?v } LIMIT 20000",
            Kind.THEME, "SELECT ?v { ?p a ig:GoodPractice ; dct:subject ?v } LIMIT 20000",
            Kind.COUNTRY, "SELECT ?v { ?a ig:inspiredBy ?p . ?p ig:country ?v } LIMIT 20000",
            Kind.COUNTRY_CODE, "SELECT ?v { ?p a ig:GoodPractice ; ig:country ?c . ?c ig:nutsCountryCode ?v } LIMIT 20000",
            Kind.PRACTICE_ID, "SELECT ?v { ?a ig:inspiredBy ?p . ?p dct:identifier ?v } LIMIT 20000",
            Kind.PRACTICE, "SELECT ?v { ?a ig:inspiredBy ?v } LIMIT 20000",
            Kind.PROJECT, "SELECT ?v { ?p ig:sharedInProject ?v } LIMIT 20000",
            Kind.INSTRUMENT, "SELECT ?v { ?v a ig:PolicyInstrument } LIMIT 20000",
            Kind.PLAN, "SELECT ?v { ?v a ig:ActionPlan } LIMIT 20000"));

    /** The service's defaults for stored queries. */
    private static final QueriesProperties PROPERTIES = new QueriesProperties(null, 10_000, 100);

    private final List<StoredQuery> queries;
    private final Map<Kind, List<Node>> pools;
    private final List<String> leftOut;

    private QueryMix(List<StoredQuery> queries, Map<Kind, List<Node>> pools, List<String> leftOut) {
        this.queries = queries;
        this.pools = pools;
        this.leftOut = leftOut;
    }

    /** The API's stored queries if the build has them, else the research queries under {@code root}. */
    static QueryMix from(Path root, Dataset data) {
        Map<Kind, List<Node>> pools = pools(data);
        List<String> leftOut = new ArrayList<>();
        List<StoredQuery> queries = new ArrayList<>();
        Map<String, org.innograph.queries.StoredQuery> stored =
                new QueryCatalogue(PROPERTIES).contents().queries();
        if (!stored.isEmpty()) {
            new TreeMap<>(stored).forEach((name, query) -> {
                StoredQuery usable = usable(query, pools);
                if (usable == null) {
                    leftOut.add(name);
                } else {
                    queries.add(usable);
                }
            });
        } else {
            queries.addAll(researchQueries(root.resolve("src/test/resources/research")));
        }
        return new QueryMix(List.copyOf(queries), pools, List.copyOf(leftOut));
    }

    /** The query with a way to bind each parameter, or null if it is federated or cannot be bound here. */
    private static StoredQuery usable(org.innograph.queries.StoredQuery stored, Map<Kind, List<Node>> pools) {
        if (stored.federated() || !(stored.query().isSelectType() || stored.query().isAskType())) {
            return null;
        }
        List<Parameter> parameters = new ArrayList<>();
        for (QueryParameter declared : stored.parameters()) {
            Kind kind = kindOf(declared);
            List<Node> choices = new ArrayList<>();
            if (kind == null || pools.getOrDefault(kind, List.of()).isEmpty()) {
                kind = null;
                List<String> values = !declared.allowedValues().isEmpty() ? declared.allowedValues()
                        : declared.defaultValue() != null ? List.of(declared.defaultValue())
                        : declared.type() == ParameterType.INTEGER ? List.of("1") : List.of();
                values.forEach(value -> choices.add(literal(declared.type(), value)));
            }
            if (kind == null && choices.isEmpty()) {
                if (declared.required()) {
                    return null;
                }
                continue;
            }
            parameters.add(new Parameter(Var.alloc(declared.name()), kind, choices, declared.required()));
        }
        // As the API asks for the first page: the page size (the header's, else the default) and one row more.
        long firstPage = stored.paged() ? Math.min(stored.pageSize() != null ? stored.pageSize() : PROPERTIES.defaultPerPage(),
                PROPERTIES.maxRows()) + 1L : 0;
        if (firstPage > 0 && stored.query().hasLimit()) {
            firstPage = Math.min(firstPage, stored.query().getLimit());
        }
        return new StoredQuery(stored.name(), stored.query(), parameters, firstPage);
    }

    private static Kind kindOf(QueryParameter parameter) {
        String name = parameter.name();
        switch (parameter.type()) {
            case NUTS:
                return Kind.REGION;
            case THEME:
                return Kind.THEME;
            case IRI:
                return switch (name) {
                    case "practice", "resource", "source" -> Kind.PRACTICE;
                    case "project" -> Kind.PROJECT;
                    case "instrument" -> Kind.INSTRUMENT;
                    case "country" -> Kind.COUNTRY;
                    case "plan" -> Kind.PLAN;
                    default -> null;
                };
            case STRING:
                return name.equals("country") && parameter.allowedValues().isEmpty() ? Kind.COUNTRY_CODE : null;
            default:
                return null;
        }
    }

    private static Node literal(ParameterType type, String value) {
        switch (type) {
            case IRI:
                return NodeFactory.createURI(value);
            case INTEGER:
                return NodeFactory.createLiteralDT(value, XSDDatatype.XSDinteger);
            case DECIMAL:
                return NodeFactory.createLiteralDT(value, XSDDatatype.XSDdecimal);
            case BOOLEAN:
                return NodeFactory.createLiteralDT(value, XSDDatatype.XSDboolean);
            default:
                return NodeFactory.createLiteralString(value);
        }
    }

    private static List<StoredQuery> researchQueries(Path directory) {
        List<StoredQuery> queries = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".rq")).sorted().toList()) {
                String name = file.getFileName().toString().replaceFirst("\\.rq$", "");
                Query query = QueryFactory.create(Files.readString(file, StandardCharsets.UTF_8), Syntax.syntaxARQ);
                if (query.isSelectType() || query.isAskType()) {
                    queries.add(new StoredQuery(name, query, List.of(), 0));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return queries;
    }

    private static Map<Kind, List<Node>> pools(Dataset data) {
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
        return pools;
    }

    /** This mix less the named queries. */
    QueryMix without(java.util.Set<String> names) {
        return names.isEmpty() ? this : new QueryMix(queries.stream().filter(q -> !names.contains(q.name())).toList(),
                pools, leftOut);
    }

    /** Stored queries not in the mix (federated, or needing data the synthetic graph does not have). */
    List<String> leftOut() {
        return leftOut;
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
            requests.add(new Request(stored.name(), bind(stored, random)));
        }
        return requests;
    }

    /** A value of this kind drawn from the data, or null if the data has none. */
    Node draw(Kind kind, SplittableRandom random) {
        List<Node> pool = pools.getOrDefault(kind, List.of());
        return pool.isEmpty() ? null : pool.get(random.nextInt(pool.size()));
    }

    /** The query with its parameters bound to values drawn from the data. */
    String bind(StoredQuery stored, SplittableRandom random) {
        if (stored.parameters().isEmpty()) {
            return stored.firstPage() > 0 ? firstPage(bind(stored.query(), random), stored.firstPage())
                    : bind(stored.query(), random);
        }
        ElementGroup group = new ElementGroup();
        for (Parameter parameter : stored.parameters()) {
            if (!parameter.always() && random.nextBoolean()) {
                continue;
            }
            Node value = parameter.kind() != null ? draw(parameter.kind(), random)
                    : parameter.choices().get(random.nextInt(parameter.choices().size()));
            ElementData data = new ElementData();
            data.add(parameter.var());
            data.add(BindingFactory.binding(parameter.var(), value));
            group.addElement(data);
        }
        String bound = withValues(stored.query(), group);
        return stored.firstPage() > 0 ? firstPage(bound, stored.firstPage()) : bound;
    }

    /** The query as the stored-query API runs it for the first page: with its LIMIT. */
    private static String firstPage(String query, long limit) {
        Query parsed = QueryFactory.create(query, Syntax.syntaxARQ);
        parsed.setLimit(limit);
        return parsed.serialize();
    }

    /** The query with {@code ?var} bound to {@code value} by a VALUES block at the start of its WHERE clause. */
    static String withValue(Query template, Var var, Node value) {
        ElementGroup group = new ElementGroup();
        ElementData data = new ElementData();
        data.add(var);
        data.add(BindingFactory.binding(var, value));
        group.addElement(data);
        return withValues(template, group);
    }

    /** As the API binds parameters: VALUES blocks first, then the query's own pattern, untouched. */
    private static String withValues(Query template, ElementGroup values) {
        Query query = template.cloneQuery();
        if (query.getQueryPattern() instanceof ElementGroup existing) {
            existing.getElements().forEach(values::addElement);
        } else if (query.getQueryPattern() != null) {
            values.addElement(query.getQueryPattern());
        }
        query.setQueryPattern(values);
        return query.serialize();
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
