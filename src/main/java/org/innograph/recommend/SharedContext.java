package org.innograph.recommend;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.innograph.recommend.RecommendationIndex.PlaceFacts;

/**
 * The regional context two sides share: country, NUTS level and the GISCO urban, mountain and coastal types of their
 * places. A typology code 0 means "not classified" and is never counted as shared. Each shared feature holds the
 * shared value; null when not shared.
 */
record SharedContext(String country, String level, String urban, String mountain, String coastal) {

    static SharedContext between(RecommendationIndex index, int[] placesA, int[] countriesA, int[] placesB,
            int[] countriesB) {
        String country = null;
        for (int a : countriesA) {
            if (contains(countriesB, a)) {
                country = index.countryIri[a];
                break;
            }
        }
        return new SharedContext(country,
                shared(index, placesA, placesB, PlaceFacts::levels, false),
                shared(index, placesA, placesB, PlaceFacts::urban, true),
                shared(index, placesA, placesB, PlaceFacts::mountain, true),
                shared(index, placesA, placesB, PlaceFacts::coastal, true));
    }

    double score() {
        int shared = 0;
        for (String value : new String[] {country, level, urban, mountain, coastal}) {
            if (value != null) {
                shared++;
            }
        }
        return shared * Weights.CONTEXT_FEATURE;
    }

    List<Reason> reasons() {
        List<Reason> reasons = new ArrayList<>();
        add(reasons, "same-country", country);
        add(reasons, "same-nuts-level", level);
        add(reasons, "same-urban-type", urban);
        add(reasons, "same-mountain-type", mountain);
        add(reasons, "same-coastal-type", coastal);
        return reasons;
    }

    private static void add(List<Reason> reasons, String kind, String value) {
        if (value != null) {
            reasons.add(Reason.feature(kind, Weights.CONTEXT_FEATURE, value));
        }
    }

    private static String shared(RecommendationIndex index, int[] placesA, int[] placesB,
            Function<PlaceFacts, int[]> feature, boolean classifiedOnly) {
        for (int a : placesA) {
            int[] valuesA = feature.apply(index.placeFacts[a]);
            if (valuesA.length == 0) {
                continue;
            }
            for (int b : placesB) {
                int[] valuesB = feature.apply(index.placeFacts[b]);
                for (int value : valuesA) {
                    if ((!classifiedOnly || value > 0) && contains(valuesB, value)) {
                        return Integer.toString(value);
                    }
                }
            }
        }
        return null;
    }

    static boolean contains(int[] values, int value) {
        for (int v : values) {
            if (v == value) {
                return true;
            }
        }
        return false;
    }

    static boolean intersects(int[] a, int[] b) {
        for (int value : a) {
            if (contains(b, value)) {
                return true;
            }
        }
        return false;
    }
}
