package org.innograph.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.rdf.model.RDFNode;
import org.innograph.linkeddata.Labels;
import org.innograph.linkeddata.PublicIris;
import org.innograph.sparql.QueryService;
import org.innograph.sparql.SparqlProtocolException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.ModelMap;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /explore}: a form that builds the SPARQL query a researcher would otherwise write, runs it through the
 * same query service as {@code /sparql} (time limit, row cap, admission), and shows the answer together with
 * the query, so the form teaches the query language.
 */
@Controller
class ExploreController {

    record Cell(String text, String href) {
    }

    record Table(List<String> headers, List<List<Cell>> rows) {
    }

    private final QueryService queries;
    private final SearchIndex search;
    private final PracticeMap map;
    private final PublicIris iris;

    ExploreController(QueryService queries, SearchIndex search, PracticeMap map, PublicIris iris) {
        this.queries = queries;
        this.search = search;
        this.map = map;
        this.iris = iris;
    }

    @GetMapping("/explore")
    String explore(HttpServletRequest request, HttpServletResponse response, ModelMap model) {
        Map<String, String[]> form = request.getParameterMap();
        Question question = Question.parse(form);
        // The text shown is the text run: the built query is written out and parsed back by the same parser
        // /sparql uses, so "open in the query editor" and "download as CSV" send exactly what produced the table.
        String sparql = QuestionQuery.build(question).serialize();
        model.addAttribute("question", question);
        model.addAttribute("sparql", sparql);
        model.addAttribute("editorHref", "/query?query=" + encode(sparql));
        model.addAttribute("csvHref", "/sparql?format=csv&query=" + encode(sparql));
        model.addAttribute("asked", !form.isEmpty());
        addChoices(model, question);
        if (!form.isEmpty()) {
            try {
                Query query = queries.parse(sparql);
                model.addAttribute("table", table(question, queries.selectForPage(query)));
            } catch (SparqlProtocolException e) {
                response.setStatus(e.status().value());
                model.addAttribute("problem", e.getMessage());
            }
        }
        return "explore";
    }

    private Table table(Question question, ResultSetRewindable results) {
        List<String> headers = new ArrayList<>();
        headers.add(question.kind().label().replaceFirst(" with practices$", ""));
        question.columns().stream().filter(c -> c != Question.Column.NAME).forEach(c -> headers.add(c.label()));
        List<List<Cell>> rows = new ArrayList<>();
        while (results.hasNext()) {
            QuerySolution row = results.next();
            List<Cell> cells = new ArrayList<>();
            RDFNode item = row.get("item");
            String name = row.contains("name") ? text(row.get("name")) : null;
            String iri = item.isURIResource() ? item.asResource().getURI() : item.toString();
            cells.add(new Cell(name != null && !name.isBlank() ? name : Labels.fallback(iri),
                    item.isURIResource() ? iris.pageOf(iri) : null));
            for (Question.Column column : question.columns()) {
                if (column == Question.Column.NAME) {
                    continue;
                }
                RDFNode value = row.get(column.value());
                cells.add(new Cell(value == null ? "" : text(value), null));
            }
            rows.add(cells);
        }
        return new Table(headers, rows);
    }

    private static String text(RDFNode node) {
        if (node.isLiteral()) {
            return node.asLiteral().getLexicalForm();
        }
        return node.isURIResource() ? node.asResource().getURI() : node.toString();
    }

    private void addChoices(ModelMap model, Question question) {
        SearchIndex.Snapshot snapshot = search.current();
        model.addAttribute("kinds", Question.Kind.values());
        model.addAttribute("themes", HomeController.Option.sortedByLabel(snapshot.themeLabels()));
        model.addAttribute("countries", HomeController.Option.sortedByLabel(snapshot.countryLabels()));
        model.addAttribute("projects", HomeController.Option.sortedByLabel(map.projects()));
        model.addAttribute("certainties", Question.CERTAINTIES);
        model.addAttribute("columns", Question.Column.of(question.kind()));
        model.addAttribute("selectedThemes", uris(question.themes()));
        model.addAttribute("selectedCountries", uris(question.countries()));
        model.addAttribute("selectedProjects", uris(question.projects()));
        model.addAttribute("selectedCertainties", question.certainties().stream()
                .filter(Node::isURI).map(node -> Labels.fallback(node.getURI())).toList());
        model.addAttribute("regionText", question.region() == null ? "" : question.region().getLiteralLexicalForm());
    }

    private static List<String> uris(List<Node> nodes) {
        return nodes.stream().filter(Node::isURI).map(Node::getURI).toList();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
