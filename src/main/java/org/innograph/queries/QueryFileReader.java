package org.innograph.queries;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.innograph.sparql.SparqlForms;

/**
 * Reads a query file: the {@code #+} header lines that document it, and the SPARQL below. The syntax is in
 * docs/stored-queries.md. It forgives spelling (aliases, either {@code :} or {@code =}, any order of the
 * parameter words) but not contradictions, so a mistake is reported with its line instead of served wrongly.
 */
final class QueryFileReader {

    /** Request parameters the API itself uses, so no query may declare them. */
    static final List<String> RESERVED = List.of("page", "per_page", "format");

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern KEY_VALUE = Pattern.compile("([A-Za-z][A-Za-z_-]*)\\s*[:=]\\s*(.*)");
    // The description of a parameter follows a dash standing between spaces (em dash, en dash, -- or -).
    private static final Pattern DESCRIPTION_DASH = Pattern.compile("\\s+(—|–|--|-)(\\s+|$)");
    private static final Pattern TOKEN = Pattern.compile("[^\\s\"]+(\"[^\"]*\")?|\"[^\"]*\"");

    private QueryFileReader() {
    }

    /**
     * @param name   the query's name (the file's base name)
     * @param file   how to call the file in messages
     * @param text   the file's content
     * @param origin "shipped" or "external"
     * @throws MalformedQueryFileException naming the line of the first problem
     */
    static StoredQuery read(String name, String file, String text, String origin) {
        if (!NAME.matcher(name).matches()) {
            throw new MalformedQueryFileException(file, 1, "the file name '" + name + "' cannot be an API path: "
                    + "use letters, digits, '-' and '_'");
        }
        Header header = new Header(file);
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith("#+")) {
                header.accept(line.substring(2).strip(), i + 1);
            }
        }
        Query query = parse(file, text, lines);
        List<QueryParameter> parameters = new ArrayList<>();
        for (ParameterLine line : header.parameters) {
            QueryParameter parameter = parameter(file, line);
            int assigned = assignment(lines, parameter.name());
            if (assigned > 0) {
                throw new MalformedQueryFileException(file, assigned, "'AS ?" + parameter.name() + "' assigns the "
                        + "parameter's variable, which the request's value already binds; use another variable");
            }
            if (!mentions(lines, parameter.name())) {
                throw new MalformedQueryFileException(file, line.number(), "parameter '" + parameter.name()
                        + "' is not used: the query must mention ?" + parameter.name());
            }
            if (parameters.stream().anyMatch(p -> p.name().equals(parameter.name()))) {
                throw new MalformedQueryFileException(file, line.number(),
                        "parameter '" + parameter.name() + "' is declared twice");
            }
            parameters.add(parameter);
        }
        if (header.pageSize != null && !query.isSelectType()) {
            throw new MalformedQueryFileException(file, header.pageSizeLine,
                    "paging applies to SELECT queries only; this is a " + query.queryType() + " query");
        }
        String summary = header.summary.toString().strip();
        if (summary.isEmpty()) {
            summary = name.replace('-', ' ').replace('_', ' ');
        }
        return new StoredQuery(name, summary, header.description.toString().strip(), header.tags, parameters,
                header.pageSize, header.federated, text, query, origin);
    }

    private static Query parse(String file, String text, String[] lines) {
        try {
            return QueryFactory.create(text, Syntax.syntaxARQ);
        } catch (QueryParseException e) {
            int firstStatement = 1;
            while (firstStatement <= lines.length && (lines[firstStatement - 1].isBlank()
                    || lines[firstStatement - 1].strip().startsWith("#"))) {
                firstStatement++;
            }
            if (SparqlForms.isUpdate(text)) {
                throw new MalformedQueryFileException(file, firstStatement,
                        "this is a SPARQL update; stored queries only read (SELECT, CONSTRUCT, ASK or DESCRIBE)");
            }
            throw new MalformedQueryFileException(file, e.getLine() > 0 ? e.getLine() : firstStatement,
                    "not a SPARQL query: " + e.getMessage());
        }
    }


    private static boolean mentions(String[] lines, String variable) {
        Pattern use = Pattern.compile("[?$]" + Pattern.quote(variable) + "(?![A-Za-z0-9_])");
        return Arrays.stream(lines).filter(line -> !line.strip().startsWith("#")).anyMatch(line -> use.matcher(line).find());
    }

    /** The line of an {@code AS ?name} (BIND or SELECT expression) on a non-comment line, or 0. */
    private static int assignment(String[] lines, String variable) {
        Pattern assign = Pattern.compile("(?i)\\bAS\\s+[?$]" + Pattern.quote(variable) + "(?![A-Za-z0-9_])");
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].strip().startsWith("#") && assign.matcher(lines[i]).find()) {
                return i + 1;
            }
        }
        return 0;
    }

    private static QueryParameter parameter(String file, ParameterLine line) {
        String spec = line.text();
        String description = "";
        Matcher dash = DESCRIPTION_DASH.matcher(spec);
        if (dash.find()) {
            description = spec.substring(dash.end()).strip();
            spec = spec.substring(0, dash.start());
        }
        List<String> tokens = new ArrayList<>();
        Matcher token = TOKEN.matcher(spec);
        while (token.find()) {
            tokens.add(token.group());
        }
        if (tokens.isEmpty()) {
            throw new MalformedQueryFileException(file, line.number(), "param needs at least a name: "
                    + "'#+ param: name type [required|optional] [default=…] [values=a|b] [multi] — description'");
        }
        String name = tokens.get(0).replaceFirst("^[?$]", "");
        if (!VARIABLE.matcher(name).matches()) {
            throw new MalformedQueryFileException(file, line.number(),
                    "'" + name + "' cannot be a parameter name: it must be a SPARQL variable name");
        }
        if (RESERVED.contains(name)) {
            throw new MalformedQueryFileException(file, line.number(), "'" + name + "' is reserved by the API ("
                    + String.join(", ", RESERVED) + "); call the parameter something else");
        }
        ParameterType type = null;
        Boolean required = null;
        boolean multi = false;
        String defaultValue = null;
        List<String> allowed = List.of();
        for (String word : tokens.subList(1, tokens.size())) {
            String lower = word.toLowerCase(Locale.ROOT);
            Matcher setting = KEY_VALUE.matcher(word);
            if (lower.equals("required") || lower.equals("optional")) {
                if (required != null && required != lower.equals("required")) {
                    throw new MalformedQueryFileException(file, line.number(),
                            "parameter '" + name + "' cannot be both required and optional");
                }
                required = lower.equals("required");
            } else if (lower.equals("multi") || lower.equals("multiple") || lower.equals("list")) {
                multi = true;
            } else if (setting.matches() && settingIs(setting, "default")) {
                defaultValue = unquote(setting.group(2));
            } else if (setting.matches() && (settingIs(setting, "values") || settingIs(setting, "enum"))) {
                allowed = Arrays.stream(unquote(setting.group(2)).split("[|,]")).map(String::strip)
                        .filter(value -> !value.isEmpty()).toList();
            } else if (type == null && ParameterType.fromHeader(lower).isPresent()) {
                type = ParameterType.fromHeader(lower).get();
            } else {
                throw new MalformedQueryFileException(file, line.number(), "parameter '" + name + "': '" + word
                        + "' is not understood; expected a type (" + ParameterType.headerNames() + "), required, "
                        + "optional, multi, default=…, values=a|b, then ' — ' and a description");
            }
        }
        if (type == null) {
            type = ParameterType.STRING;
        }
        boolean isRequired = required != null && required;
        if (isRequired && defaultValue != null) {
            throw new MalformedQueryFileException(file, line.number(), "parameter '" + name
                    + "' is required and has a default; a default makes it optional");
        }
        for (String value : allowed) {
            if (type.parse(value) == null) {
                throw new MalformedQueryFileException(file, line.number(), "parameter '" + name + "': allowed value '"
                        + value + "' is not " + type.expects());
            }
        }
        QueryParameter parameter = new QueryParameter(name, type, isRequired, defaultValue, allowed, multi,
                description);
        if (defaultValue != null) {
            try {
                QueryBinder.values(parameter, List.of(defaultValue));
            } catch (QueryParameterException e) {
                throw new MalformedQueryFileException(file, line.number(),
                        "default of parameter '" + name + "' is not valid: " + e.getMessage());
            }
        }
        return parameter;
    }

    private static boolean settingIs(Matcher setting, String key) {
        return setting.group(1).equalsIgnoreCase(key);
    }

    private static String unquote(String value) {
        String stripped = value.strip();
        return stripped.length() >= 2 && stripped.startsWith("\"") && stripped.endsWith("\"")
                ? stripped.substring(1, stripped.length() - 1) : stripped;
    }

    private record ParameterLine(String text, int number) {
    }

    /** The header fields as they are read, line by line; a line without a key continues the previous field. */
    private static final class Header {

        private final String file;
        private final StringBuilder summary = new StringBuilder();
        private final StringBuilder description = new StringBuilder();
        private final List<String> tags = new ArrayList<>();
        private final List<ParameterLine> parameters = new ArrayList<>();
        private final Map<String, Integer> seen = new LinkedHashMap<>();
        private Integer pageSize;
        private int pageSizeLine;
        private boolean federated;
        private String current;

        Header(String file) {
            this.file = file;
        }

        void accept(String line, int number) {
            if (line.isEmpty()) {
                return;
            }
            Matcher keyValue = KEY_VALUE.matcher(line);
            if (!keyValue.matches() || !isKey(keyValue.group(1))) {
                // A misspelt key ("parm:") must not vanish into the field above; only a description is free text.
                if (!keyValue.matches() || "description".equals(current)) {
                    continueField(line, number);
                    return;
                }
                throw new MalformedQueryFileException(file, number, "unknown header key '" + keyValue.group(1)
                        + "'; known keys: summary, description, tags, param, paging, federated");
            }
            String key = canonical(keyValue.group(1));
            String value = keyValue.group(2).strip();
            if (!key.equals("param") && !key.equals("tags") && seen.containsKey(key)) {
                throw new MalformedQueryFileException(file, number, "'" + key + "' is given twice (first on line "
                        + seen.get(key) + ")");
            }
            seen.putIfAbsent(key, number);
            current = key;
            switch (key) {
                case "summary" -> summary.append(value);
                case "description" -> description.append(value);
                case "tags" -> addTags(value);
                case "param" -> parameters.add(new ParameterLine(value, number));
                case "paging" -> paging(value, number);
                case "federated" -> federated = flag(value, number);
                default -> throw new IllegalStateException(key);
            }
        }

        private void continueField(String line, int number) {
            if (current == null) {
                throw new MalformedQueryFileException(file, number, "'" + line + "' is not a 'key: value' header "
                        + "line; known keys: summary, description, tags, param, paging, federated");
            }
            switch (current) {
                case "summary" -> summary.append(' ').append(line);
                case "description" -> description.append(description.isEmpty() ? "" : "\n").append(line);
                case "tags" -> addTags(line.replaceFirst("^-\\s*", ""));
                case "param" -> {
                    // A long description may go on over the next lines.
                    ParameterLine last = parameters.remove(parameters.size() - 1);
                    parameters.add(new ParameterLine(last.text() + " " + line, last.number()));
                }
                default -> throw new MalformedQueryFileException(file, number,
                        "'" + line + "' does not continue '" + current + "', which takes one value");
            }
        }

        private void addTags(String value) {
            Arrays.stream(value.replaceAll("^\\[|]$", "").split(",")).map(String::strip)
                    .filter(tag -> !tag.isEmpty()).filter(tag -> !tags.contains(tag)).forEach(tags::add);
        }

        private void paging(String value, int number) {
            try {
                pageSize = Integer.valueOf(value);
            } catch (NumberFormatException e) {
                pageSize = -1;
            }
            if (pageSize < 1) {
                throw new MalformedQueryFileException(file, number,
                        "paging must be a page size, a whole number from 1, not '" + value + "'");
            }
            pageSizeLine = number;
        }

        private boolean flag(String value, int number) {
            String word = value.toLowerCase(Locale.ROOT);
            if (word.isEmpty() || word.equals("true") || word.equals("yes")) {
                return true;
            }
            if (word.equals("false") || word.equals("no")) {
                return false;
            }
            throw new MalformedQueryFileException(file, number, "federated must be true or false, not '" + value + "'");
        }

        private static boolean isKey(String word) {
            return canonical(word) != null;
        }

        private static String canonical(String word) {
            switch (word.toLowerCase(Locale.ROOT)) {
                case "summary":
                case "title":
                    return "summary";
                case "description":
                    return "description";
                case "tags":
                case "tag":
                    return "tags";
                case "param":
                case "parameter":
                    return "param";
                case "paging":
                case "pagination":
                case "page-size":
                case "pagesize":
                case "per_page":
                    return "paging";
                case "federated":
                case "needs-internet":
                    return "federated";
                default:
                    return null;
            }
        }
    }
}
