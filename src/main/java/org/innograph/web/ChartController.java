package org.innograph.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QuerySolution;
import org.innograph.linkeddata.GraphReader;
import org.innograph.linkeddata.Labels;
import org.springframework.stereotype.Controller;
import org.springframework.ui.ModelMap;
import org.springframework.web.bind.annotation.GetMapping;

/** Practices per country and per theme, drawn as SVG; each bar leads to the practices it counts. */
@Controller
class ChartController {

    private static final String PROLOGUE = """
            PREFIX ig: <https://w3id.org/innograph/ontology#>
            PREFIX dct: <http://purl.org/dc/terms/>
            """;
    private static final String PER_COUNTRY = PROLOGUE + """
            SELECT ?group (COUNT(DISTINCT ?practice) AS ?n) WHERE { ?practice a ig:GoodPractice ; ig:country ?group }
            GROUP BY ?group ORDER BY DESC(?n) ?group""";
    private static final String PER_THEME = PROLOGUE + """
            SELECT ?group (COUNT(DISTINCT ?practice) AS ?n) WHERE { ?practice a ig:GoodPractice ; dct:subject ?group }
            GROUP BY ?group ORDER BY DESC(?n) ?group""";

    private final GraphReader reader;
    private final Labels labels;

    ChartController(GraphReader reader, Labels labels) {
        this.reader = reader;
        this.labels = labels;
    }

    @GetMapping("/charts")
    String charts(ModelMap model) {
        model.addAttribute("countries", chart("Good practices per country", PER_COUNTRY, "country"));
        model.addAttribute("themes", chart("Good practices per theme (as tagged)", PER_THEME, "theme"));
        return "charts";
    }

    private BarChart chart(String title, String query, String filter) {
        List<QuerySolution> rows = reader.select(QueryFactory.create(query));
        Map<String, String> names = labels.of(rows.stream().map(row -> row.getResource("group").getURI()).toList());
        List<BarChart.Entry> entries = new ArrayList<>();
        for (QuerySolution row : rows) {
            String iri = row.getResource("group").getURI();
            String href = "/search?type=practice&" + filter + "=" + URLEncoder.encode(iri, StandardCharsets.UTF_8);
            entries.add(new BarChart.Entry(names.getOrDefault(iri, Labels.fallback(iri)), href,
                    row.getLiteral("n").getLong()));
        }
        return BarChart.of(title, entries);
    }
}
