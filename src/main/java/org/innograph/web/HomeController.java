package org.innograph.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.ModelMap;
import org.springframework.web.bind.annotation.GetMapping;

/** The front page: what the graph holds and the ways into it. */
@Controller
class HomeController {

    private final GraphOverview overview;

    HomeController(GraphOverview overview) {
        this.overview = overview;
    }

    @GetMapping("/")
    String home(ModelMap model) {
        model.addAttribute("overview", overview.current());
        return "home";
    }
}
