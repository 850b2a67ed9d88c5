package org.innograph.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.jena.query.QuerySolution;
import org.innograph.linkeddata.GraphReader;
import org.innograph.linkeddata.Labels;
import org.innograph.vocabulary.SparqlFiles;
import org.springframework.stereotype.Controller;
import org.springframework.ui.ModelMap;
import org.springframework.web.bind.annotation.GetMapping;

/** Practices per country and per theme, drawn as SVG; each bar leads to the practices it counts. */
@Controller
class ChartController {

    private final GraphReader reader;
    private final Labels labels;

    ChartController(GraphReader reader, Labels labels) {
        this.reader = reader;
        this.labels = labels;
    }

    @GetMapping("/charts")
    String charts(ModelMap model) {
        model.addAttribute("countries", chart("Good practices per country", "web/practices-per-country.rq", "country"));
        model.addAttribute("themes", chart("Good practices per theme (as tagged)", "web/practices-per-theme.rq", "theme"));
        return "charts";
    }

    private BarChart chart(String title, String queryFile, String filter) {
        List<QuerySolution> rows = reader.select(SparqlFiles.query(queryFile));
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
