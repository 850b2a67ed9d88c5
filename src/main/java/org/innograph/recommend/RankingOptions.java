package org.innograph.recommend;

/**
 * How a ranking is cut.
 *
 * @param exclude         leave out practices of the target's own region (its NUTS branch) or whole country
 * @param requireClusters list only practices that involve clusters
 * @param maxPerCountry   at most this many results per country (0: no cap); practices without a country are not capped
 * @param limit           how many results
 */
public record RankingOptions(Exclusion exclude, boolean requireClusters, int maxPerCountry, int limit) {

    public enum Exclusion {
        NONE, REGION, COUNTRY
    }

    public static RankingOptions top(int limit) {
        return new RankingOptions(Exclusion.NONE, false, 0, limit);
    }

    public RankingOptions excluding(Exclusion exclusion) {
        return new RankingOptions(exclusion, requireClusters, maxPerCountry, limit);
    }
}
