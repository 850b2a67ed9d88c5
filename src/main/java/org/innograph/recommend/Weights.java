package org.innograph.recommend;

/**
 * The weights of the scoring formula (docs/recommendations.md). The stored queries in resources/queries write the
 * same numbers as literals; RecommendationFacesAgreeTest fails when the two drift apart.
 */
final class Weights {

    /** Share of the score that the IDF-weighted theme match can reach (when every profile theme is matched). */
    static final double THEMES = 0.6;
    /** A practice theme equal to a profile theme. */
    static final double SAME_THEME = 1.0;
    /** A practice theme one SKOS broader/narrower step away from a profile theme. */
    static final double RELATED_THEME = 0.5;
    /** Each regional-context feature shared: country, NUTS level, GISCO urban, mountain and coastal type. */
    static final double CONTEXT_FEATURE = 0.03;
    static final double INSTRUMENT_TYPE = 0.1;
    static final double EVIDENCE = 0.1;
    static final double CLUSTERS = 0.05;

    private Weights() {
    }

    /** idf(q) = 1 + ln((N + 1) / (df(q) + 1)): rare themes weigh more, and a theme nobody has still counts. */
    static double idf(int practices, int documentFrequency) {
        return 1 + Math.log((double) (practices + 1) / (double) (documentFrequency + 1));
    }
}
