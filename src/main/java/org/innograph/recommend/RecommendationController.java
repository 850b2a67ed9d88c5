package org.innograph.recommend;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.innograph.recommend.RankingOptions.Exclusion;
import org.innograph.problems.JsonApi;
import org.innograph.vocabulary.IG;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The recommendation API. Parameters are read here, strictly (an unknown or malformed one is a 400 that names it);
 * the ranking is {@link RecommendationService}'s. Values are never put into SPARQL: the index answers.
 */
@JsonApi
@RestController
class RecommendationController {

    private static final String ID = IG.ID;
    private static final String THEME = IG.THEME;
    private static final Pattern NUTS_CODE = Pattern.compile("[A-Z]{2}[A-Z0-9]{0,3}");
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Set<String> TARGETS = Set.of("region", "instrument", "plan", "themes");
    private static final Set<String> OPTIONS = Set.of("exclude", "requireClusters", "maxPerCountry", "limit");

    private final RecommendationService service;
    private final RecommendProperties properties;

    RecommendationController(RecommendationService service, RecommendProperties properties) {
        this.service = service;
        this.properties = properties;
    }

    /** Practices for one target: region=, instrument=, plan= or themes= (exactly one), with options. */
    @GetMapping("/api/recommendations")
    RecommendationService.Recommendations recommendations(HttpServletRequest request) {
        checkNames(request, TARGETS, OPTIONS);
        List<String> given = TARGETS.stream().filter(request.getParameterMap()::containsKey).sorted().toList();
        if (given.size() != 1) {
            throw RecommendationException.badParameter(given.isEmpty() ? "region" : given.get(1),
                    "Give exactly one of region, instrument, plan or themes" + (given.isEmpty() ? ""
                            : " (this request gives " + String.join(" and ", given) + ")"));
        }
        String kind = given.get(0);
        String value = single(request, kind);
        switch (kind) {
            case "region":
                return service.forRegion(region(value, kind), options(request, true));
            case "instrument":
                return service.forInstrument(resource(value, kind, "instrument/"), options(request, true));
            case "plan":
                return service.forPlan(resource(value, kind, "action-plan/"), options(request, true));
            default:
                return service.forThemes(themes(value), options(request, false));
        }
    }

    @GetMapping("/api/practices/{slug}/similar")
    RecommendationService.Recommendations similar(@PathVariable String slug,
            HttpServletRequest request) {
        checkNames(request, OPTIONS);
        return service.similarTo(resource(slug, "slug", "practice/"), options(request, true));
    }

    @GetMapping("/api/regions/{code}/peers")
    RecommendationService.Peers peers(@PathVariable String code, HttpServletRequest request) {
        checkNames(request, Set.of("limit"));
        return service.peersOf(region(code, "code"), limit(request));
    }

    private RankingOptions options(HttpServletRequest request, boolean placed) {
        Exclusion exclude = Exclusion.NONE;
        String excludeValue = single(request, "exclude");
        if (excludeValue != null) {
            if (!placed) {
                throw RecommendationException.badParameter("exclude",
                        "exclude needs a place to exclude: a list of themes has none");
            }
            try {
                exclude = Exclusion.valueOf(excludeValue.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw RecommendationException.badParameter("exclude",
                        "exclude must be none, region or country, not '" + excludeValue + "'");
            }
        }
        boolean requireClusters = false;
        String clusters = single(request, "requireClusters");
        if (clusters != null) {
            if (!clusters.equals("true") && !clusters.equals("false")) {
                throw RecommendationException.badParameter("requireClusters",
                        "requireClusters must be true or false, not '" + clusters + "'");
            }
            requireClusters = clusters.equals("true");
        }
        int maxPerCountry = 0;
        String perCountry = single(request, "maxPerCountry");
        if (perCountry != null) {
            maxPerCountry = number(perCountry, "maxPerCountry", 1, Integer.MAX_VALUE);
        }
        return new RankingOptions(exclude, requireClusters, maxPerCountry, limit(request));
    }

    private int limit(HttpServletRequest request) {
        String limit = single(request, "limit");
        return limit == null ? properties.defaultLimit() : number(limit, "limit", 1, properties.maxLimit());
    }

    private static int number(String value, String parameter, int min, int max) {
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw RecommendationException.badParameter(parameter, parameter + " must be a whole number from " + min
                + (max == Integer.MAX_VALUE ? "" : " to " + max) + ", not '" + value + "'");
    }

    /** A NUTS code of any level (SE31) or its IRI. */
    private static String region(String value, String parameter) {
        String code = value.trim();
        if (code.startsWith(RecommendationIndex.NUTS_BASE)) {
            code = code.substring(RecommendationIndex.NUTS_BASE.length());
        }
        code = code.toUpperCase(Locale.ROOT);
        if (!NUTS_CODE.matcher(code).matches()) {
            throw RecommendationException.badParameter(parameter, parameter + " must be a NUTS code such as SE31 "
                    + "(two letters and up to three more letters or digits), not '" + value + "'");
        }
        return RecommendationIndex.NUTS_BASE + code;
    }

    /** A slug (kickstart-digitalisation…) or the full IRI of one of our resources. */
    private static String resource(String value, String parameter, String kind) {
        String trimmed = value.trim();
        if (trimmed.startsWith(ID + kind)) {
            trimmed = trimmed.substring((ID + kind).length());
        }
        if (!SLUG.matcher(trimmed).matches()) {
            throw RecommendationException.badParameter(parameter, parameter + " must be a slug (lower-case letters, "
                    + "digits and dashes) or an IRI starting with " + ID + kind + ", not '" + value + "'");
        }
        return ID + kind + trimmed;
    }

    /** Comma-separated theme slugs or IRIs. */
    private static List<String> themes(String value) {
        List<String> themes = new ArrayList<>();
        for (String part : value.split(",")) {
            String slug = part.trim();
            if (slug.startsWith(THEME)) {
                slug = slug.substring(THEME.length());
            }
            if (slug.isEmpty()) {
                continue;
            }
            if (!SLUG.matcher(slug).matches()) {
                throw RecommendationException.badParameter("themes", "themes must be theme slugs separated by "
                        + "commas (e.g. sme-digitalisation,cluster-policy), not '" + part.trim() + "'");
            }
            themes.add(THEME + slug);
        }
        if (themes.isEmpty()) {
            throw RecommendationException.badParameter("themes", "themes is empty: give at least one theme slug");
        }
        return themes;
    }

    private static String single(HttpServletRequest request, String name) {
        String[] values = request.getParameterValues(name);
        if (values == null) {
            return null;
        }
        if (values.length > 1) {
            throw RecommendationException.badParameter(name, name + " is given " + values.length
                    + " times; give it once" + (name.equals("themes") ? " (separate themes with commas)" : ""));
        }
        return values[0];
    }

    @SafeVarargs
    private static void checkNames(HttpServletRequest request, Set<String>... allowed) {
        for (String name : request.getParameterMap().keySet()) {
            boolean known = false;
            for (Set<String> names : allowed) {
                known |= names.contains(name);
            }
            if (!known) {
                List<String> all = new ArrayList<>();
                for (Set<String> names : allowed) {
                    all.addAll(names);
                }
                throw RecommendationException.badParameter(name, "Unknown parameter '" + name
                        + "': this endpoint takes "
                        + String.join(", ", all.stream().sorted().toList()));
            }
        }
    }
}
