package org.innograph.recommend;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ranks peer regions: the places of practices (regions only, off the target's NUTS branch) by how well their
 * practices together cover the target's theme profile, plus the regional context they share with it.
 */
public final class PeerRanker {

    private final RecommendationIndex index;

    public PeerRanker(RecommendationIndex index) {
        this.index = index;
    }

    public List<PeerRegion> rank(int region, int limit) {
        RecommendationIndex.Profile profile = index.profileOf(new int[] {region}, new int[0]);
        if (profile.themes().length == 0 || limit <= 0) {
            return List.of();
        }
        double norm = 0;
        for (int k = 0; k < profile.themes().length; k++) {
            norm += profile.weights()[k] * index.idf[profile.themes()[k]];
        }
        int[] regionCountries = index.countries(index.placeIri[region]);
        int[] candidates = new int[index.practicePlaceList.length];
        double[] score = new double[index.placeIri.length];
        double[] themeScore = new double[index.placeIri.length];
        int count = 0;
        for (int place : index.practicePlaceList) {
            String iri = index.placeIri[place];
            if (!index.regions.containsKey(iri) || RecommendationIndex.sameBranch(iri, index.placeIri[region])) {
                continue;
            }
            double sum = 0;
            boolean matched = false;
            for (int k = 0; k < profile.themes().length; k++) {
                int q = profile.themes()[k];
                double match = match(index.themesAtPlace[place], q);
                sum += profile.weights()[k] * index.idf[q] * match;
                matched |= match > 0;
            }
            if (!matched) {
                continue;
            }
            themeScore[place] = Weights.THEMES * sum / norm;
            score[place] = themeScore[place] + context(place, region, regionCountries).score();
            candidates[count++] = place;
        }
        PracticeRanker.Heap heap = new PracticeRanker.Heap(Arrays.copyOf(candidates, count), (a, b) -> {
            int byScore = Double.compare(score[b], score[a]);
            return byScore != 0 ? byScore : index.placeIri[a].compareTo(index.placeIri[b]);
        });
        List<PeerRegion> peers = new ArrayList<>();
        while (peers.size() < limit && !heap.isEmpty()) {
            int place = heap.pop();
            peers.add(explain(peers.size() + 1, place, region, regionCountries, profile, norm, score[place],
                    themeScore[place]));
        }
        return peers;
    }

    private double match(BitSet themes, int q) {
        if (themes.get(q)) {
            return Weights.SAME_THEME;
        }
        for (int near : index.related[q]) {
            if (themes.get(near)) {
                return Weights.RELATED_THEME;
            }
        }
        return 0.0;
    }

    private SharedContext context(int place, int region, int[] regionCountries) {
        return SharedContext.between(index, new int[] {place}, index.countries(index.placeIri[place]),
                new int[] {region}, regionCountries);
    }

    private PeerRegion explain(int rank, int place, int region, int[] regionCountries,
            RecommendationIndex.Profile profile, double norm, double score, double themeScore) {
        BitSet themes = index.themesAtPlace[place];
        List<Reason> reasons = new ArrayList<>();
        for (int k = 0; k < profile.themes().length; k++) {
            int q = profile.themes()[k];
            double match = match(themes, q);
            if (match == 0) {
                continue;
            }
            int via = q;
            String relation = "same";
            if (match < Weights.SAME_THEME) {
                via = Arrays.stream(index.related[q]).filter(themes::get).findFirst().orElseThrow();
                relation = SharedContext.contains(index.broader[via], q) ? "narrower" : "broader";
            }
            reasons.add(PracticeRanker.themeReason(index, q, profile.weights()[k], via, relation, match, norm));
        }
        SharedContext context = context(place, region, regionCountries);
        reasons.addAll(context.reasons());
        Map<String, Double> scores = new LinkedHashMap<>();
        scores.put("themes", themeScore);
        scores.put("context", context.score());
        String iri = index.placeIri[place];
        RecommendationIndex.Region known = index.regions.get(iri);
        String code = iri.startsWith(RecommendationIndex.NUTS_BASE)
                ? iri.substring(RecommendationIndex.NUTS_BASE.length()) : null;
        return new PeerRegion(rank, iri, code, known.label(), index.practicesAtPlace[place], score, scores, reasons);
    }
}
