package org.innograph.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.innograph.sparql.AbsoluteIri;
import org.innograph.vocabulary.IG;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * The question builder's form, parsed. Every value a reader can type or send becomes an RDF term here: an IRI
 * where it is a well-formed absolute IRI (or a theme slug), else a plain literal, which matches no IRI and so
 * narrows the answer to nothing instead of changing the query. The choices that shape the query (what is
 * asked for, columns, sort) must be one of the offered ones: anything else is refused naming the parameter.
 *
 * @param kind        what is asked for
 * @param themes      theme IRIs (narrower themes count)
 * @param countries   country IRIs
 * @param region      a NUTS code as a literal, matched against skos:notation (everything under it counts)
 * @param projects    project IRIs
 * @param clusters    only practices that involve clusters
 * @param evidence    only practices with evidence of success
 * @param certainties learning-link certainty levels (ig:confirmed …)
 * @param columns     the columns shown, in order
 * @param sort        the column sorted by
 * @param descending  sort order
 * @param limit       the most rows shown
 * @param dropped     columns the form had checked that do not apply to this kind (left out, said on the page)
 */
record Question(Kind kind, List<Node> themes, List<Node> countries, Node region, List<Node> projects, boolean clusters,
                boolean evidence, List<Node> certainties, List<Column> columns, Column sort, boolean descending,
                int limit, List<String> dropped) {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    static final List<String> CERTAINTIES = List.of("confirmed", "likely", "possible");

    private static final String THEME_BASE = IG.THEME;
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Set<String> FORM_FIELDS = Set.of("what", "theme", "country", "region", "project", "clusters",
            "evidence", "certainty", "column", "sort", "order", "limit");

    /** What the builder can be asked for. */
    enum Kind {
        PRACTICES("practices", "good practices"),
        INSTRUMENTS("instruments", "policy instruments"),
        ACTION_PLANS("action-plans", "action plans"),
        REGIONS("regions", "regions with practices");

        final String value;
        final String label;

        Kind(String value, String label) {
            this.value = value;
            this.label = label;
        }

        public String value() {
            return value;
        }

        public String label() {
            return label;
        }

        static Kind parse(String value) {
            if (value == null || value.isBlank()) {
                return PRACTICES;
            }
            return Arrays.stream(values()).filter(kind -> kind.value.equals(value.strip())).findFirst()
                    .orElseThrow(() -> bad("what", value, Arrays.stream(values()).map(Kind::value).toList()));
        }
    }

    /** A column of the answer: the variable it is shown as and the kinds it applies to. */
    enum Column {
        NAME("name", "name", Set.of(Kind.values())),
        COUNTRY("country", "country", Set.of(Kind.values())),
        REGION("region", "NUTS region", Set.of(Kind.PRACTICES, Kind.INSTRUMENTS, Kind.ACTION_PLANS)),
        CODE("code", "NUTS code", Set.of(Kind.REGIONS)),
        LEVEL("level", "NUTS level", Set.of(Kind.REGIONS)),
        THEMES("themes", "themes", Set.of(Kind.PRACTICES)),
        PROJECT("project", "project", Set.of(Kind.PRACTICES, Kind.ACTION_PLANS)),
        CLUSTERS("clusters", "involves clusters", Set.of(Kind.PRACTICES)),
        TYPE("type", "instrument type", Set.of(Kind.INSTRUMENTS)),
        PARTNER("partner", "partner", Set.of(Kind.ACTION_PLANS)),
        PRACTICES("practices", "practices", Set.of(Kind.REGIONS)),
        INSPIRED("inspired", "actions inspired", Set.of(Kind.PRACTICES)),
        ACTIONS("actions", "actions", Set.of(Kind.ACTION_PLANS)),
        PLANS("plans", "action plans addressing it", Set.of(Kind.INSTRUMENTS));

        final String value;
        final String label;
        final Set<Kind> kinds;

        Column(String value, String label, Set<Kind> kinds) {
            this.value = value;
            this.label = label;
            this.kinds = kinds;
        }

        public String value() {
            return value;
        }

        public String label() {
            return label;
        }

        boolean appliesTo(Kind kind) {
            return kinds.contains(kind);
        }

        static List<Column> of(Kind kind) {
            return Arrays.stream(values()).filter(column -> column.appliesTo(kind)).toList();
        }

        static Column parse(String parameter, String value) {
            return Arrays.stream(values()).filter(column -> column.value.equals(value.strip())).findFirst()
                    .orElseThrow(() -> bad(parameter, value, Arrays.stream(values()).map(Column::value).toList()));
        }
    }

    /** The columns shown when the form names none. */
    static List<Column> defaultColumns(Kind kind) {
        return switch (kind) {
            case PRACTICES -> List.of(Column.NAME, Column.COUNTRY, Column.REGION, Column.THEMES);
            case INSTRUMENTS -> List.of(Column.NAME, Column.COUNTRY, Column.TYPE);
            case ACTION_PLANS -> List.of(Column.NAME, Column.PARTNER, Column.COUNTRY, Column.ACTIONS);
            case REGIONS -> List.of(Column.NAME, Column.CODE, Column.COUNTRY, Column.PRACTICES);
        };
    }

    static Question parse(Map<String, String[]> form) {
        for (String name : form.keySet()) {
            if (!FORM_FIELDS.contains(name)) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Unknown parameter '" + name
                        + "': the question builder takes " + String.join(", ", FORM_FIELDS.stream().sorted().toList()));
            }
        }
        Kind kind = Kind.parse(single(form, "what"));
        List<Node> themes = values(form, "theme").stream().map(Question::theme).distinct().toList();
        List<Node> countries = values(form, "country").stream().map(Question::iriOrLiteral).distinct().toList();
        String regionText = single(form, "region");
        Node region = regionText == null || regionText.isBlank() ? null : regionCode(regionText);
        List<Node> projects = values(form, "project").stream().map(Question::iriOrLiteral).distinct().toList();
        boolean clusters = flag(form, "clusters");
        boolean evidence = flag(form, "evidence");
        List<Node> certainties = values(form, "certainty").stream().map(Question::certainty).distinct().toList();

        List<Column> columns = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        for (String value : values(form, "column")) {
            Column column = Column.parse("column", value);
            if (!column.appliesTo(kind)) {
                dropped.add(column.label);
            } else if (!columns.contains(column)) {
                columns.add(column);
            }
        }
        if (columns.isEmpty()) {
            columns.addAll(defaultColumns(kind));
        }
        String sortText = single(form, "sort");
        Column sort = sortText == null || sortText.isBlank() ? columns.get(0) : Column.parse("sort", sortText);
        if (!columns.contains(sort)) {
            // Sorting by a column that is not shown would sort by nothing the reader can see.
            sort = columns.get(0);
        }
        String order = single(form, "order");
        if (order != null && !order.isBlank() && !order.equals("asc") && !order.equals("desc")) {
            throw bad("order", order, List.of("asc", "desc"));
        }
        boolean descending = "desc".equals(order);
        int limit = limit(single(form, "limit"));
        return new Question(kind, themes, countries, region, projects, clusters, evidence, certainties,
                List.copyOf(columns), sort, descending, limit, List.copyOf(dropped));
    }

    boolean filtersPractices() {
        return !themes.isEmpty() || clusters || evidence || !certainties.isEmpty();
    }

    private static Node theme(String value) {
        String text = value.strip();
        if (SLUG.matcher(text).matches()) {
            return NodeFactory.createURI(THEME_BASE + text);
        }
        return iriOrLiteral(text);
    }

    /** A NUTS code: a literal compared with skos:notation, so any text is safe and an unknown code matches nothing. */
    private static Node regionCode(String value) {
        String text = value.strip();
        if (text.startsWith(IG.NUTS)) {
            text = text.substring(IG.NUTS.length());
        }
        return NodeFactory.createLiteralString(text.toUpperCase(Locale.ROOT));
    }

    private static Node certainty(String value) {
        String text = value.strip().toLowerCase(Locale.ROOT);
        return CERTAINTIES.contains(text) ? NodeFactory.createURI(IG.NS + text)
                : NodeFactory.createLiteralString(value);
    }

    /** A well-formed absolute IRI becomes that IRI; any other text a literal, which no IRI-valued property has. */
    static Node iriOrLiteral(String value) {
        return AbsoluteIri.of(value.strip()).map(NodeFactory::createURI)
                .orElseGet(() -> NodeFactory.createLiteralString(value));
    }

    private static boolean flag(Map<String, String[]> form, String name) {
        String value = single(form, name);
        if (value == null || value.isBlank()) {
            return false;
        }
        if (Set.of("true", "on", "yes").contains(value.strip().toLowerCase(Locale.ROOT))) {
            return true;
        }
        if (value.strip().equalsIgnoreCase("false")) {
            return false;
        }
        throw bad(name, value, List.of("true", "false"));
    }

    private static int limit(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Parameter 'limit' must be a whole number from 1 to "
                + MAX_LIMIT + ", not '" + value + "'");
    }

    private static List<String> values(Map<String, String[]> form, String name) {
        String[] given = form.get(name);
        if (given == null) {
            return List.of();
        }
        Set<String> values = new LinkedHashSet<>();
        for (String value : given) {
            if (value != null && !value.isBlank()) {
                values.add(value);
            }
        }
        return List.copyOf(values);
    }

    private static String single(Map<String, String[]> form, String name) {
        String[] given = form.get(name);
        if (given == null || given.length == 0) {
            return null;
        }
        if (given.length > 1) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Parameter '" + name + "' is given "
                    + given.length + " times; it takes one value");
        }
        return given[0];
    }

    private static ResponseStatusException bad(String parameter, String value, List<String> allowed) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, "Parameter '" + parameter + "': '" + value
                + "' is not one of " + String.join(", ", allowed));
    }
}
