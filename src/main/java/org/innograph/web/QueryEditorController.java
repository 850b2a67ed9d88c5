package org.innograph.web;

import org.innograph.vocabulary.IG;
import org.innograph.vocabulary.SparqlFiles;
import org.springframework.stereotype.Controller;
import org.springframework.ui.ModelMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** YASGUI against our /sparql, with our prefixes and the stored queries as examples. */
@Controller
class QueryEditorController {

    private final ExampleQueries examples;

    QueryEditorController(ExampleQueries examples) {
        this.examples = examples;
    }

    /** {@code /query?query=…} opens the editor on that query: a link anyone can share. */
    @GetMapping("/query")
    String editor(@RequestParam(required = false) String query, ModelMap model) {
        model.addAttribute("examples", examples.all());
        model.addAttribute("firstQuery", IG.sparqlPrologue() + "\n" + SparqlFiles.text("web/editor-first-query.rq"));
        model.addAttribute("sharedQuery", query == null ? "" : query);
        return "query";
    }
}
