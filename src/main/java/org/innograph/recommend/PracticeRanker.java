package org.innograph.recommend;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.innograph.recommend.RankingOptions.Exclusion;

/**
 * Ranks practices for a need with the formula of docs/recommendations.md. Only the practices reached through the
 * inverted index (those sharing a theme of the profile, directly or one SKOS step away) are scored, and only the
 * results get their reasons spelled out.
 */
public final class PracticeRanker {

    private final RecommendationIndex index;
    /**
     * Working arrays sized to the index, reused so that a request allocates almost nothing: as many sets as
     * requests have run at once, dropped with the ranker when the index is rebuilt.
     */
    private final Queue<Scratch> scratches = new ConcurrentLinkedQueue<>();

    public PracticeRanker(RecommendationIndex index) {
        this.index = index;
    }

    private static final class Scratch {
        final double[] sum;
        final double[] best;
        final double[] score;
        final int[] stamp;
        final int[] touched;
        final int[] candidates;
        final int[] kept;
        private int mark;

        Scratch(int practices) {
            sum = new double[practices];
            best = new double[practices];
            score = new double[practices];
            stamp = new int[practices];
            touched = new int[practices];
            candidates = new int[practices];
            kept = new int[practices];
        }

        /** A new mark for the stamps; they are cleared before the counter could wrap. */
        int nextMark() {
            if (mark == Integer.MAX_VALUE) {
                Arrays.fill(stamp, 0);
                mark = 0;
            }
            return ++mark;
        }
    }

    public List<Recommendation> rank(Target target, RankingOptions options) {
        int[] profile = target.profile();
        if (profile.length == 0 || options.limit() <= 0) {
            return List.of();
        }
        double norm = 0;
        for (int k = 0; k < profile.length; k++) {
            norm += target.weights()[k] * index.idf[profile[k]];
        }
        Scratch scratch = scratches.poll();
        if (scratch == null) {
            scratch = new Scratch(index.practiceCount());
        }
        List<Recommendation> results = rank(target, options, profile, norm, scratch);
        // Only a scratch set left clean goes back; one that saw a failure is dropped.
        scratches.offer(scratch);
        return results;
    }

    private List<Recommendation> rank(Target target, RankingOptions options, int[] profile, double norm,
            Scratch scratch) {
        double[] sum = scratch.sum;
        double[] best = scratch.best;
        int[] stamp = scratch.stamp;
        int[] touched = scratch.touched;
        int[] candidates = scratch.candidates;
        int candidateCount = 0;
        for (int k = 0; k < profile.length; k++) {
            int q = profile[k];
            double weight = target.weights()[k] * index.idf[q];
            int mark = scratch.nextMark();
            int touchedCount = mark(index.postings[q], Weights.SAME_THEME, mark, stamp, best, touched, 0);
            for (int near : index.related[q]) {
                touchedCount = mark(index.postings[near], Weights.RELATED_THEME, mark, stamp, best, touched,
                        touchedCount);
            }
            for (int i = 0; i < touchedCount; i++) {
                int p = touched[i];
                // idf >= 1 and a match > 0, so a sum still 0 means the practice is met for the first time.
                if (sum[p] == 0) {
                    candidates[candidateCount++] = p;
                }
                sum[p] += weight * best[p];
            }
        }
        // Per place, once per request: is it on the target's branch, and which context features does it share?
        PlaceView places = new PlaceView(target);
        double[] score = scratch.score;
        int[] kept = scratch.kept;
        int keptCount = 0;
        for (int i = 0; i < candidateCount; i++) {
            int p = candidates[i];
            if (!admits(target, options, places, p)) {
                continue;
            }
            // Added in the order the stored queries add the parts.
            score[p] = Weights.THEMES * sum[p] / norm + places.contextScore(p) + instrumentScore(target, p)
                    + (index.evidence[p] ? Weights.EVIDENCE : 0.0) + (index.clusters[p] ? Weights.CLUSTERS : 0.0);
            kept[keptCount++] = p;
        }
        int[] chosen = choose(Arrays.copyOf(kept, keptCount), score, options);
        List<Recommendation> results = new ArrayList<>(chosen.length);
        for (int r = 0; r < chosen.length; r++) {
            int p = chosen[r];
            results.add(explain(r + 1, p, score[p], Weights.THEMES * sum[p] / norm, target, norm));
        }
        for (int i = 0; i < candidateCount; i++) {
            sum[candidates[i]] = 0;
        }
        return results;
    }

    private int mark(int[] postings, double strength, int mark, int[] stamp, double[] best, int[] touched,
            int touchedCount) {
        for (int p : postings) {
            if (stamp[p] != mark) {
                stamp[p] = mark;
                best[p] = strength;
                touched[touchedCount++] = p;
            } else if (strength > best[p]) {
                best[p] = strength;
            }
        }
        return touchedCount;
    }

    private boolean admits(Target target, RankingOptions options, PlaceView places, int p) {
        if (SharedContext.contains(target.excluded(), p)) {
            return false;
        }
        if (options.requireClusters() && !index.clusters[p]) {
            return false;
        }
        if (options.exclude() == Exclusion.NONE) {
            return true;
        }
        if (places.onBranch(p)) {
            return false;
        }
        return options.exclude() == Exclusion.REGION
                || !SharedContext.intersects(index.practiceCountries[p], target.countries());
    }

    /**
     * What the target's places make of every place, worked out once per request: whether it is on the target's
     * branch, and which of the place features (NUTS level, urban, mountain, coastal type) it shares.
     */
    private final class PlaceView {
        private static final int LEVEL = 1;
        private static final int URBAN = 2;
        private static final int MOUNTAIN = 4;
        private static final int COASTAL = 8;

        private final Target target;
        private final byte[] shared;
        private final boolean[] branch;

        PlaceView(Target target) {
            this.target = target;
            int count = index.placeIri.length;
            shared = new byte[count];
            branch = new boolean[count];
            if (!target.hasContext()) {
                return;
            }
            for (int place : index.practicePlaceList) {
                int[] one = {place};
                SharedContext context = SharedContext.between(index, one, new int[0], target.places(), new int[0]);
                shared[place] = (byte) ((context.level() != null ? LEVEL : 0) | (context.urban() != null ? URBAN : 0)
                        | (context.mountain() != null ? MOUNTAIN : 0) | (context.coastal() != null ? COASTAL : 0));
                for (int own : target.places()) {
                    branch[place] |= RecommendationIndex.sameBranch(index.placeIri[place], index.placeIri[own]);
                }
            }
        }

        boolean onBranch(int p) {
            for (int place : index.practicePlaces[p]) {
                if (branch[place]) {
                    return true;
                }
            }
            return false;
        }

        double contextScore(int p) {
            if (!target.hasContext()) {
                return 0.0;
            }
            int features = 0;
            for (int place : index.practicePlaces[p]) {
                features |= shared[place];
            }
            int count = Integer.bitCount(features)
                    + (SharedContext.intersects(index.practiceCountries[p], target.countries()) ? 1 : 0);
            return count * Weights.CONTEXT_FEATURE;
        }
    }

    private SharedContext context(Target target, int p) {
        return SharedContext.between(index, index.practicePlaces[p], index.practiceCountries[p], target.places(),
                target.countries());
    }

    private double instrumentScore(Target target, int p) {
        return target.typeThemes() != null && typeMatch(target, p) != null ? Weights.INSTRUMENT_TYPE : 0.0;
    }

    /** The practice theme that fits the instrument type, and the type theme it fits; null when none does. */
    private int[] typeMatch(Target target, int p) {
        for (int typeTheme : target.typeThemes()) {
            for (int own : index.practiceThemes[p]) {
                if (own == typeTheme || SharedContext.contains(index.broader[own], typeTheme)) {
                    return new int[] {typeTheme, own};
                }
            }
        }
        return null;
    }

    /** The best {@code limit} by score, then IRI; at most {@code maxPerCountry} per country when set. */
    private int[] choose(int[] candidates, double[] score, RankingOptions options) {
        Heap heap = new Heap(candidates, (a, b) -> {
            int byScore = Double.compare(score[b], score[a]);
            return byScore != 0 ? byScore : index.practiceIri[a].compareTo(index.practiceIri[b]);
        });
        int[] chosen = new int[Math.min(options.limit(), candidates.length)];
        int count = 0;
        Map<Integer, Integer> perCountry = new HashMap<>();
        while (count < chosen.length && !heap.isEmpty()) {
            int p = heap.pop();
            if (options.maxPerCountry() > 0 && index.practiceCountries[p].length > 0) {
                int country = index.practiceCountries[p][0];
                if (perCountry.getOrDefault(country, 0) >= options.maxPerCountry()) {
                    continue;
                }
                perCountry.merge(country, 1, Integer::sum);
            }
            chosen[count++] = p;
        }
        return Arrays.copyOf(chosen, count);
    }

    private Recommendation explain(int rank, int p, double score, double themes, Target target, double norm) {
        List<Reason> reasons = new ArrayList<>();
        for (int k = 0; k < target.profile().length; k++) {
            Reason reason = themeReason(target.profile()[k], target.weights()[k], p, norm);
            if (reason != null) {
                reasons.add(reason);
            }
        }
        Map<String, Double> scores = new LinkedHashMap<>();
        scores.put("themes", themes);
        if (target.hasContext()) {
            SharedContext context = context(target, p);
            reasons.addAll(context.reasons());
            scores.put("context", context.score());
        }
        if (target.typeThemes() != null) {
            int[] match = typeMatch(target, p);
            if (match != null) {
                reasons.add(new Reason("instrument-type", Weights.INSTRUMENT_TYPE, index.themeIri[match[0]],
                        index.themeLabel[match[0]], index.themeIri[match[1]], null, null, null, null));
            }
            scores.put("instrument", match != null ? Weights.INSTRUMENT_TYPE : 0.0);
        }
        if (index.evidence[p]) {
            reasons.add(Reason.feature("evidence-of-success", Weights.EVIDENCE, null));
        }
        scores.put("evidence", index.evidence[p] ? Weights.EVIDENCE : 0.0);
        if (index.clusters[p]) {
            reasons.add(Reason.feature("involves-clusters", Weights.CLUSTERS, null));
        }
        scores.put("clusters", index.clusters[p] ? Weights.CLUSTERS : 0.0);
        String iri = index.practiceIri[p];
        return new Recommendation(rank, iri, RecommendationIndex.slug(iri), index.practiceLabel[p],
                Arrays.stream(index.practiceCountries[p]).mapToObj(c -> index.countryIri[c]).toList(),
                Arrays.stream(index.practicePlaces[p]).mapToObj(place -> index.placeIri[place]).toList(),
                score, scores, reasons);
    }

    private Reason themeReason(int q, double tf, int p, double norm) {
        int[] own = index.practiceThemes[p];
        if (SharedContext.contains(own, q)) {
            return themeReason(index, q, tf, q, "same", Weights.SAME_THEME, norm);
        }
        for (int t : own) {
            if (SharedContext.contains(index.related[q], t)) {
                String relation = SharedContext.contains(index.broader[t], q) ? "narrower" : "broader";
                return themeReason(index, q, tf, t, relation, Weights.RELATED_THEME, norm);
            }
        }
        return null;
    }

    static Reason themeReason(RecommendationIndex index, int q, double tf, int via, String relation, double match,
            double norm) {
        return new Reason("shared-theme", Weights.THEMES * tf * index.idf[q] * match / norm, index.themeIri[q],
                index.themeLabel[q], index.themeIri[via], relation, tf, index.idf[q], null);
    }

    /** A binary heap over ids, best first: heapify is linear, so picking k of n costs n + k log n. */
    static final class Heap {
        interface Order {
            int compare(int a, int b);
        }

        private final int[] items;
        private final Order order;
        private int size;

        Heap(int[] items, Order order) {
            this.items = items;
            this.order = order;
            this.size = items.length;
            for (int i = size / 2 - 1; i >= 0; i--) {
                down(i);
            }
        }

        boolean isEmpty() {
            return size == 0;
        }

        int pop() {
            int top = items[0];
            items[0] = items[--size];
            down(0);
            return top;
        }

        private void down(int i) {
            while (true) {
                int left = 2 * i + 1;
                int right = left + 1;
                int first = i;
                if (left < size && order.compare(items[left], items[first]) < 0) {
                    first = left;
                }
                if (right < size && order.compare(items[right], items[first]) < 0) {
                    first = right;
                }
                if (first == i) {
                    return;
                }
                int swap = items[i];
                items[i] = items[first];
                items[first] = swap;
                i = first;
            }
        }
    }
}
