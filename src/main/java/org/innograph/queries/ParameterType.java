package org.innograph.queries;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.innograph.sparql.AbsoluteIri;
import org.innograph.vocabulary.IG;

/**
 * What a stored-query parameter accepts, and the RDF term a value becomes. Each type turns the text a client
 * sends into a node (never into query text), or says what it expected instead.
 */
public enum ParameterType {

    IRI("iri", "an absolute IRI, e.g. " + IG.PRACTICE + "model-factory") {
        @Override
        Node parse(String value) {
            return absoluteIri(value);
        }
    },
    STRING("string", "any text") {
        @Override
        Node parse(String value) {
            return NodeFactory.createLiteralString(value);
        }
    },
    LANG_STRING("lang-string", "a text with a language tag, e.g. Niederösterreich@de") {
        @Override
        Node parse(String value) {
            int at = value.lastIndexOf('@');
            if (at <= 0 || !LANGUAGE_TAG.matcher(value.substring(at + 1)).matches()) {
                return null;
            }
            return NodeFactory.createLiteralLang(value.substring(0, at), value.substring(at + 1));
        }
    },
    INTEGER("integer", "a whole number, e.g. 2") {
        @Override
        Node parse(String value) {
            return typed(() -> new BigInteger(value.trim()).toString(), XSDDatatype.XSDinteger);
        }
    },
    DECIMAL("decimal", "a decimal number, e.g. 0.75") {
        @Override
        Node parse(String value) {
            return typed(() -> new BigDecimal(value.trim()).toPlainString(), XSDDatatype.XSDdecimal);
        }
    },
    DATE("date", "a date as YYYY-MM-DD, e.g. 2020-06-30") {
        @Override
        Node parse(String value) {
            return typed(() -> LocalDate.parse(value.trim()).toString(), XSDDatatype.XSDdate);
        }
    },
    BOOLEAN("boolean", "true or false") {
        @Override
        Node parse(String value) {
            String word = value.trim().toLowerCase(Locale.ROOT);
            if (!word.equals("true") && !word.equals("false")) {
                return null;
            }
            return NodeFactory.createLiteralDT(word, XSDDatatype.XSDboolean);
        }
    },
    NUTS("nuts", "a NUTS code, e.g. AT12 (or its IRI " + ParameterType.NUTS_BASE + "AT12)") {
        @Override
        Node parse(String value) {
            String code = stripBase(value.trim(), NUTS_BASE).toUpperCase(Locale.ROOT);
            return NUTS_CODE.matcher(code).matches() ? NodeFactory.createURI(NUTS_BASE + code) : null;
        }
    },
    THEME("theme", "a theme slug, e.g. digital-transformation (or its IRI " + ParameterType.THEME_BASE
            + "digital-transformation)") {
        @Override
        Node parse(String value) {
            String slug = stripBase(value.trim(), THEME_BASE);
            return SLUG.matcher(slug).matches() ? NodeFactory.createURI(THEME_BASE + slug) : null;
        }
    };

    static final String NUTS_BASE = "http://data.europa.eu/nuts/code/";
    static final String THEME_BASE = IG.THEME;

    private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*");
    // Country (2 letters, EL and UK included), then up to three levels; "Z" codes are the extra-regio units.
    private static final Pattern NUTS_CODE = Pattern.compile("[A-Z]{2}[A-Z0-9]{0,3}");
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    // Names a header may use for a type; the forgiving spellings people write without looking it up.
    private static final Map<String, ParameterType> ALIASES = Map.ofEntries(
            Map.entry("uri", IRI), Map.entry("url", IRI), Map.entry("resource", IRI),
            Map.entry("str", STRING), Map.entry("text", STRING), Map.entry("literal", STRING),
            Map.entry("langstring", LANG_STRING), Map.entry("lang_string", LANG_STRING),
            Map.entry("rdf:langstring", LANG_STRING),
            Map.entry("int", INTEGER), Map.entry("xsd:integer", INTEGER),
            Map.entry("number", DECIMAL), Map.entry("xsd:decimal", DECIMAL),
            Map.entry("xsd:date", DATE), Map.entry("bool", BOOLEAN), Map.entry("xsd:boolean", BOOLEAN),
            Map.entry("nuts-code", NUTS), Map.entry("region", NUTS));

    private final String headerName;
    private final String expects;

    ParameterType(String headerName, String expects) {
        this.headerName = headerName;
        this.expects = expects;
    }

    /** The RDF term for a value, or null when the value is not of this type. */
    abstract Node parse(String value);

    /** A literal in the canonical form Java's own parser gives the value, or null when that parser refuses it. */
    private static Node typed(Supplier<String> canonical, XSDDatatype datatype) {
        try {
            return NodeFactory.createLiteralDT(canonical.get(), datatype);
        } catch (NumberFormatException | DateTimeParseException e) {
            return null;
        }
    }

    public String headerName() {
        return headerName;
    }

    /** What a client must send, in words, for error messages and the API description. */
    public String expects() {
        return expects;
    }

    /** Lists split on commas: types whose values cannot contain a comma. */
    boolean splitsOnComma() {
        return this != STRING && this != LANG_STRING && this != IRI;
    }

    static Optional<ParameterType> fromHeader(String word) {
        String name = word.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(type -> type.headerName.equals(name)).findFirst()
                .or(() -> Optional.ofNullable(ALIASES.get(name)));
    }

    static String headerNames() {
        return String.join(", ", Arrays.stream(values()).map(ParameterType::headerName).toList());
    }

    private static Node absoluteIri(String value) {
        return AbsoluteIri.of(value.trim()).map(NodeFactory::createURI).orElse(null);
    }

    private static String stripBase(String value, String base) {
        return value.startsWith(base) ? value.substring(base.length()) : value;
    }
}
