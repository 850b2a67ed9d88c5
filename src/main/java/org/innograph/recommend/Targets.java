package org.innograph.recommend;

import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * Turns a region, instrument, plan, practice or list of themes into a {@link Target}: its theme profile, its places
 * and countries, its instrument-type themes and what it never lists. Answers null for what the index does not know.
 */
public final class Targets {

    private final RecommendationIndex index;

    public Targets(RecommendationIndex index) {
        this.index = index;
    }

    /** The profile is what the practices on the region's NUTS branch cover. */
    public Target region(String iri) {
        Integer place = index.regions.containsKey(iri) ? index.place(iri) : null;
        if (place == null) {
            return null;
        }
        RecommendationIndex.Profile profile = index.profileOf(new int[] {place}, new int[0]);
        return new Target("region", iri, profile.themes(), profile.weights(), new int[] {place}, index.countries(iri),
                null, new int[0]);
    }

    /** The instrument stands in its place; its type and name give the instrument-type themes. */
    public Target instrument(String iri) {
        RecommendationIndex.Instrument instrument = index.instruments.get(iri);
        if (instrument == null) {
            return null;
        }
        RecommendationIndex.Profile profile = index.profileOf(instrument.places(), new int[0]);
        return new Target("instrument", iri, profile.themes(), profile.weights(), instrument.places(),
                instrument.countries(), instrument.typeThemes(), new int[0]);
    }

    /**
     * The plan stands in its partner's place; the practices that already inspired its actions add their themes
     * and are not listed again.
     */
    public Target plan(String iri) {
        RecommendationIndex.Plan plan = index.plans.get(iri);
        if (plan == null) {
            return null;
        }
        RecommendationIndex.Profile profile = index.profileOf(plan.places(), plan.models());
        return new Target("plan", iri, profile.themes(), profile.weights(), plan.places(), plan.countries(),
                plan.typeThemes(), plan.models());
    }

    /** Similar practices: the practice's own themes and place; never the practice itself. */
    public Target practice(String iri) {
        Integer p = index.practice(iri);
        if (p == null) {
            return null;
        }
        return new Target("practice", iri, index.practiceThemes[p], ones(index.practiceThemes[p].length),
                index.practicePlaces[p], index.practiceCountries[p], null, new int[] {p});
    }

    /** A free list of themes: no place, so no regional context. Null when a theme is unknown. */
    public Target themes(List<String> iris) {
        TreeSet<Integer> profile = new TreeSet<>();
        for (String iri : iris) {
            Integer theme = index.theme(iri);
            if (theme == null) {
                return null;
            }
            profile.add(theme);
        }
        return new Target("themes", null, profile.stream().mapToInt(Integer::intValue).toArray(),
                ones(profile.size()), new int[0], new int[0], null, new int[0]);
    }

    /** The first of these themes the index does not know, or null. */
    public String unknownTheme(List<String> iris) {
        return iris.stream().filter(iri -> index.theme(iri) == null).findFirst().orElse(null);
    }

    private static double[] ones(int length) {
        double[] ones = new double[length];
        Arrays.fill(ones, 1.0);
        return ones;
    }

    /** The region as a place id for peers; null when unknown. */
    public Integer regionPlace(String iri) {
        return index.regions.containsKey(iri) ? index.place(iri) : null;
    }
}
