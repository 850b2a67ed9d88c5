package org.innograph.queries;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.apache.jena.datatypes.RDFDatatype;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.vocabulary.RDF;

/**
 * The API's own JSON for a page of rows: the same shape for every query, so a client written for one works
 * for all. Every row has every column (null when unbound); a cell says what kind of term it is and carries
 * its value as a JSON number or boolean where the datatype allows, and a label for an IRI that has one.
 */
record TableJson(String query, List<String> columns, List<Map<String, Cell>> rows, int page,
                 @JsonProperty("per_page") int perPage, @JsonProperty("has_next") boolean hasNext) {

    /** One term: {@code type} is iri, literal or bnode. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Cell(String type, Object value, String datatype, String lang, String label) {
    }

    private static final Set<String> INTEGERS = Set.of(XSDDatatype.XSDinteger, XSDDatatype.XSDint,
            XSDDatatype.XSDlong, XSDDatatype.XSDshort, XSDDatatype.XSDbyte, XSDDatatype.XSDnonNegativeInteger,
            XSDDatatype.XSDpositiveInteger, XSDDatatype.XSDnonPositiveInteger, XSDDatatype.XSDnegativeInteger,
            XSDDatatype.XSDunsignedInt, XSDDatatype.XSDunsignedLong, XSDDatatype.XSDunsignedShort,
            XSDDatatype.XSDunsignedByte).stream().map(RDFDatatype::getURI).collect(java.util.stream.Collectors.toSet());

    static TableJson of(String query, StoredAnswer.Table table, Map<Node, String> labels) {
        List<String> columns = table.columns().stream().map(Var::getVarName).toList();
        List<Map<String, Cell>> rows = table.rows().stream().map(row -> {
            Map<String, Cell> cells = new LinkedHashMap<>();
            for (Var column : table.columns()) {
                Node node = row.get(column);
                cells.put(column.getVarName(), node == null ? null : cell(node, labels));
            }
            return cells;
        }).toList();
        return new TableJson(query, columns, rows, table.page().number(), table.page().perPage(), table.hasNext());
    }

    /** The IRIs a page shows, to look their labels up in one go. */
    static Set<Node> iris(StoredAnswer.Table table) {
        Set<Node> iris = new LinkedHashSet<>();
        for (Binding row : table.rows()) {
            row.forEach((variable, node) -> {
                if (node.isURI()) {
                    iris.add(node);
                }
            });
        }
        return iris;
    }

    private static Cell cell(Node node, Map<Node, String> labels) {
        if (node.isURI()) {
            return new Cell("iri", node.getURI(), null, null, labels.get(node));
        }
        if (node.isBlank()) {
            return new Cell("bnode", node.getBlankNodeLabel(), null, null, null);
        }
        if (!node.isLiteral()) {
            return new Cell("triple", node.toString(), null, null, null);
        }
        String lang = node.getLiteralLanguage();
        if (lang != null && !lang.isEmpty()) {
            return new Cell("literal", node.getLiteralLexicalForm(), null, lang, null);
        }
        String datatype = node.getLiteralDatatypeURI();
        boolean plain = datatype == null || datatype.equals(XSDDatatype.XSDstring.getURI())
                || datatype.equals(RDF.dtLangString.getURI());
        return new Cell("literal", value(node, datatype), plain ? null : datatype, null, null);
    }

    // A number or boolean becomes a JSON number or boolean; anything else, or an ill-formed value, stays text.
    private static Object value(Node node, String datatype) {
        String lexical = node.getLiteralLexicalForm();
        try {
            if (INTEGERS.contains(datatype)) {
                return new BigInteger(lexical.strip());
            }
            if (XSDDatatype.XSDdecimal.getURI().equals(datatype)) {
                return new BigDecimal(lexical.strip());
            }
            if (XSDDatatype.XSDdouble.getURI().equals(datatype) || XSDDatatype.XSDfloat.getURI().equals(datatype)) {
                double value = Double.parseDouble(lexical.strip());
                return Double.isFinite(value) ? value : lexical;
            }
            if (XSDDatatype.XSDboolean.getURI().equals(datatype)) {
                String word = lexical.strip();
                return word.equals("true") || word.equals("1") ? Boolean.TRUE
                        : word.equals("false") || word.equals("0") ? Boolean.FALSE : lexical;
            }
        } catch (NumberFormatException e) {
            return lexical;
        }
        return lexical;
    }
}
