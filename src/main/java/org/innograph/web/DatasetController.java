package org.innograph.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.ModelMap;
import org.springframework.web.bind.annotation.GetMapping;

/** The dataset for those who work with it as RDF: resources per class, triples per named graph. */
@Controller
class DatasetController {

    private final GraphOverview overview;

    DatasetController(GraphOverview overview) {
        this.overview = overview;
    }

    @GetMapping("/dataset")
    String dataset(ModelMap model) {
        model.addAttribute("overview", overview.current());
        return "dataset";
    }
}
