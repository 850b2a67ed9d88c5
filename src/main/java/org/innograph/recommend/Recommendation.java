package org.innograph.recommend;

import java.util.List;
import java.util.Map;

/**
 * One ranked practice with its score, the score's parts and the reasons behind them.
 *
 * @param scores the parts by name (themes, context, instrument, evidence, clusters); they add up to the score
 */
public record Recommendation(int rank, String practice, String slug, String label, List<String> countries,
        List<String> places, double score, Map<String, Double> scores, List<Reason> reasons) {
}
