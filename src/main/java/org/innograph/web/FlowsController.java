package org.innograph.web;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.stereotype.Controller;
import org.springframework.ui.ModelMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * {@code /flows}: the learning between regions, as arcs on a map and as a country-to-country matrix, every arc
 * and cell leading to the links behind it; {@code /api/flows}: the same as JSON.
 */
@Controller
class FlowsController {

    private final LearningFlows flows;

    FlowsController(LearningFlows flows) {
        this.flows = flows;
    }

    /**
     * @param links        every action-practice link, each with its certainty and places
     * @param arcs         links grouped by the practice's region and the partner's region
     * @param countryPairs links grouped by the two countries
     * @param query        the stored query all of it is drawn from
     */
    record FlowsJson(List<LearningFlows.Link> links, List<Arc> arcs, List<Arc> countryPairs, String query,
                     List<String> certainties) {
    }

    record Arc(LearningFlows.Place from, LearningFlows.Place to, int links, Map<String, Integer> byCertainty,
               String weakest, String href) {

        static Arc of(LearningFlows.Flow flow) {
            return new Arc(flow.from(), flow.to(), flow.count(), flow.byCertainty(), flow.weakest(), flow.href());
        }
    }

    @Operation(summary = "Learning flows", description = "Every action of an action plan linked to the good "
            + "practice that inspired it, with the practice's and the partner's country and region and the link's "
            + "certainty; grouped into region-to-region arcs and country pairs. Drawn from the stored query "
            + "learning-flows (/api/queries/learning-flows).")
    @GetMapping(value = "/api/flows", produces = "application/json")
    @ResponseBody
    FlowsJson api() {
        LearningFlows.Snapshot snapshot = flows.current();
        return new FlowsJson(snapshot.links(), snapshot.arcs().stream().map(Arc::of).toList(),
                snapshot.countryPairs().stream().map(Arc::of).toList(), "/api/queries/" + LearningFlows.QUERY,
                LearningFlows.CERTAINTIES);
    }

    @GetMapping("/flows")
    String page(@RequestParam(required = false) String fromRegion, @RequestParam(required = false) String toRegion,
                @RequestParam(required = false) String fromCountry, @RequestParam(required = false) String toCountry,
                ModelMap model) {
        LearningFlows.Snapshot snapshot = flows.current();
        // The filters pick links out of the list in memory; they never reach a query.
        Predicate<LearningFlows.Link> selected = link -> matches(fromRegion, link.practiceRegion())
                && matches(toRegion, link.learnerRegion()) && matches(fromCountry, link.practiceCountry())
                && matches(toCountry, link.learnerCountry());
        List<LearningFlows.Link> links = snapshot.links().stream().filter(selected).toList();
        boolean filtered = !blank(fromRegion) || !blank(toRegion) || !blank(fromCountry) || !blank(toCountry);
        model.addAttribute("flows", snapshot);
        model.addAttribute("links", links);
        model.addAttribute("filtered", filtered);
        model.addAttribute("selection", describe(fromRegion, toRegion, fromCountry, toCountry));
        model.addAttribute("queryName", LearningFlows.QUERY);
        model.addAttribute("queryText", flows.query().text());
        return "flows";
    }

    private static boolean matches(String code, LearningFlows.Place place) {
        return blank(code) || (place != null && place.code().equalsIgnoreCase(code.strip()));
    }

    private static String describe(String fromRegion, String toRegion, String fromCountry, String toCountry) {
        StringBuilder text = new StringBuilder();
        if (!blank(fromRegion) || !blank(fromCountry)) {
            text.append("from ").append(blank(fromRegion) ? fromCountry : fromRegion).append(' ');
        }
        if (!blank(toRegion) || !blank(toCountry)) {
            text.append("to ").append(blank(toRegion) ? toCountry : toRegion);
        }
        return text.toString().strip();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
