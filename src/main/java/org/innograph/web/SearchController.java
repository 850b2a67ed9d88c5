package org.innograph.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.innograph.linkeddata.PublicIris;
import org.innograph.vocabulary.IG;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.ModelMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/** Full-text search, as a page and as JSON, with filters by theme, country, NUTS region and kind. */
@Controller
class SearchController {

    private static final int MAX_LIMIT = 100;

    private final SearchIndex index;
    private final PublicIris iris;

    SearchController(SearchIndex index, PublicIris iris) {
        this.index = index;
        this.iris = iris;
    }

    /**
     * @param iri     the resource
     * @param page    its page on this server
     * @param type    practice, cluster, organisation, instrument, action-plan, action or project
     * @param snippet the part of its summary (or description) where the words occur
     */
    record Result(String iri, String page, String type, String title, String snippet, double score,
                  List<String> themes, List<String> countries) {
    }

    record Answer(String query, Map<String, String> filters, int total, int offset, int limit, List<Result> results) {
    }

    @Operation(summary = "Full-text search", description = "Ranked over titles (most), summaries, then descriptions "
            + "and other texts; every word must occur (a word also matches longer words it begins). Follows every "
            + "write made through this service. Unknown filter values get 400.")
    @GetMapping(value = "/api/search", produces = "application/json")
    @ResponseBody
    Answer api(@Parameter(description = "words to find") @RequestParam(defaultValue = "") String q,
               @Parameter(description = "theme slug (digital-transformation) or IRI; narrower themes count")
               @RequestParam(required = false) String theme,
               @Parameter(description = "ISO 3166 code (AT, AUT) or country IRI") @RequestParam(required = false) String country,
               @Parameter(description = "NUTS code (AT12) or IRI; sub-regions count") @RequestParam(required = false) String region,
               @Parameter(description = "practice, cluster, organisation, instrument, action-plan, action or project")
               @RequestParam(required = false) String type,
               @Parameter(description = "results per page, 1 to 100") @RequestParam(defaultValue = "20") int limit,
               @RequestParam(defaultValue = "0") int offset) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Parameter 'limit' must be 1 to " + MAX_LIMIT);
        }
        if (offset < 0) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Parameter 'offset' must not be negative");
        }
        SearchIndex.Snapshot snapshot = index.current();
        SearchIndex.Filters filters = filters(snapshot, theme, country, region, type);
        List<SearchIndex.Hit> hits = index.search(snapshot, q, filters);
        List<String> words = SearchText.terms(q);
        List<Result> results = hits.stream().skip(offset).limit(limit).map(hit -> {
            SearchIndex.Document d = hit.document();
            return new Result(d.iri(), d.href(), d.type(), d.title(), Snippet.of(d.summary(), words).text(),
                    Math.round(hit.score() * 1000) / 1000.0, d.themes().stream().sorted().toList(),
                    d.countries().stream().sorted().toList());
        }).toList();
        return new Answer(q, describe(filters), hits.size(), offset, limit, results);
    }

    record PageHit(SearchIndex.Document document, Snippet snippet) {
    }

    @GetMapping("/search")
    String page(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) String theme,
                @RequestParam(required = false) String country, @RequestParam(required = false) String region,
                @RequestParam(required = false) String type, ModelMap model) {
        SearchIndex.Snapshot snapshot = index.current();
        SearchIndex.Filters filters = filters(snapshot, theme, country, region, type);
        boolean asked = !q.isBlank() || !describe(filters).isEmpty();
        List<String> words = SearchText.terms(q);
        List<PageHit> hits = new ArrayList<>();
        if (asked) {
            index.search(snapshot, q, filters).stream().limit(MAX_LIMIT)
                    .forEach(hit -> hits.add(new PageHit(hit.document(), Snippet.of(hit.document().summary(), words))));
        }
        model.addAttribute("q", q);
        model.addAttribute("asked", asked);
        model.addAttribute("hits", hits);
        model.addAttribute("themes", snapshot.themeLabels());
        model.addAttribute("countries", new TreeMap<>(invert(snapshot.countryLabels())));
        model.addAttribute("types", SearchIndex.types());
        model.addAttribute("selectedTheme", filters.theme());
        model.addAttribute("selectedCountry", filters.country());
        model.addAttribute("selectedRegion", region == null ? "" : region);
        model.addAttribute("selectedType", filters.type());
        return "search";
    }

    private SearchIndex.Filters filters(SearchIndex.Snapshot snapshot, String theme, String country, String region,
                                        String type) {
        return new SearchIndex.Filters(theme(snapshot, theme), country(snapshot, country), region(snapshot, region),
                type(type));
    }

    private String theme(SearchIndex.Snapshot snapshot, String theme) {
        if (blank(theme)) {
            return null;
        }
        String iri = theme.contains(":") ? theme : iris.iriOf("theme/" + theme);
        if (!snapshot.themeLabels().containsKey(iri)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Unknown theme '" + theme
                    + "': give a theme slug (e.g. digital-transformation) or IRI");
        }
        return iri;
    }

    private String country(SearchIndex.Snapshot snapshot, String country) {
        if (blank(country)) {
            return null;
        }
        if (snapshot.countryCodes().containsValue(country)) {
            return country;
        }
        String iri = snapshot.countryCodes().get(country.toUpperCase(Locale.ROOT));
        if (iri == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Unknown country '" + country
                    + "': give an ISO 3166 code (AT or AUT) or the country's IRI");
        }
        return iri;
    }

    private String region(SearchIndex.Snapshot snapshot, String region) {
        if (blank(region)) {
            return null;
        }
        String code = region.startsWith(IG.NUTS) ? region.substring(IG.NUTS.length())
                : region.toUpperCase(Locale.ROOT);
        if (!snapshot.regionCodes().contains(code)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Unknown NUTS region '" + region
                    + "': give a NUTS 2021 or 2024 code (e.g. AT12) or its IRI");
        }
        return code;
    }

    private static String type(String type) {
        if (blank(type)) {
            return null;
        }
        if (!SearchIndex.types().contains(type)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Unknown type '" + type + "': one of "
                    + String.join(", ", SearchIndex.types()));
        }
        return type;
    }

    private static Map<String, String> describe(SearchIndex.Filters filters) {
        Map<String, String> described = new TreeMap<>();
        if (filters.theme() != null) {
            described.put("theme", filters.theme());
        }
        if (filters.country() != null) {
            described.put("country", filters.country());
        }
        if (filters.region() != null) {
            described.put("region", filters.region());
        }
        if (filters.type() != null) {
            described.put("type", filters.type());
        }
        return described;
    }

    private static Map<String, String> invert(Map<String, String> map) {
        Map<String, String> inverted = new TreeMap<>();
        map.forEach((key, value) -> inverted.put(value, key));
        return inverted;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
