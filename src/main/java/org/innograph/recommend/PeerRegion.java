package org.innograph.recommend;

import java.util.List;
import java.util.Map;

/**
 * One ranked peer region: a region whose practices cover the themes the target region works on.
 *
 * @param practices how many practices have this region as their most specific place
 */
public record PeerRegion(int rank, String region, String code, String label, int practices, double score,
        Map<String, Double> scores, List<Reason> reasons) {
}
