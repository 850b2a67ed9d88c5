package org.innograph.web;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.ModelMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The front page for researchers: search first, then Europe at a glance (practices per region and country on a
 * map, filterable), the headline counts, and the ways into the graph. What the graph holds per RDF class is on
 * the dataset page.
 */
@Controller
class HomeController {

    /** One choice of a filter's drop-down. */
    record Option(String value, String label) {

        static List<Option> sortedByLabel(Map<String, String> labelsByValue) {
            return labelsByValue.entrySet().stream().map(e -> new Option(e.getKey(), e.getValue()))
                    .sorted(Comparator.comparing(Option::label, String.CASE_INSENSITIVE_ORDER)).toList();
        }
    }

    private final PracticeMap map;
    private final SearchIndex search;

    HomeController(PracticeMap map, SearchIndex search) {
        this.map = map;
        this.search = search;
    }

    @GetMapping("/")
    String home(@RequestParam(required = false) List<String> theme, @RequestParam(required = false) String country,
                @RequestParam(required = false) String project, ModelMap model) {
        PracticeMap.Filters filters = new PracticeMap.Filters(
                theme == null ? List.of() : theme.stream().filter(t -> !t.isBlank()).toList(), country, project);
        List<PracticeMap.Area> areas = map.areas(filters);
        SearchIndex.Snapshot snapshot = search.current();
        model.addAttribute("headline", map.headline());
        model.addAttribute("areas", areas);
        model.addAttribute("countryAreas", areas.stream().filter(area -> area.level() == 0).toList());
        model.addAttribute("regionAreas", areas.stream().filter(area -> area.level() > 0 && area.locatedHere() > 0).toList());
        model.addAttribute("maxCount", areas.stream().mapToLong(PracticeMap.Area::practices).max().orElse(0));
        model.addAttribute("themes", Option.sortedByLabel(snapshot.themeLabels()));
        model.addAttribute("countries", Option.sortedByLabel(snapshot.countryLabels()));
        model.addAttribute("projects", Option.sortedByLabel(map.projects()));
        model.addAttribute("selectedThemes", filters.themes());
        model.addAttribute("selectedCountry", country == null ? "" : country);
        model.addAttribute("selectedProject", project == null ? "" : project);
        model.addAttribute("filtered", !filters.isEmpty());
        model.addAttribute("areasQueryText", map.areasQueryText());
        return "home";
    }
}
