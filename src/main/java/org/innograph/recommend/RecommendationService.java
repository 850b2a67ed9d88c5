package org.innograph.recommend;

import java.util.Arrays;
import java.util.List;

import org.innograph.cache.GenerationSnapshot;
import org.innograph.cache.GenerationSnapshots;
import org.innograph.store.GraphStore;
import org.innograph.vocabulary.IG;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Answers recommendation requests from an in-memory {@link RecommendationIndex}. The index is built from the store
 * on first use and built again when the store's generation has moved (an import, an update, a GSP write), in the
 * background ({@link GenerationSnapshot}), so a request never queries the store. A remote store may also be
 * written by other clients, so there the index is also rebuilt once it is older than
 * {@code innograph.recommend.max-age}.
 */
@Service
public class RecommendationService {

    private static final Logger log = LoggerFactory.getLogger(RecommendationService.class);

    /** What a request is about, as the API shows it back: kind, IRI and the themes matched. */
    public record TargetView(String kind, String iri, List<String> themes) {
    }

    public record Recommendations(TargetView target, RankingOptions options, List<Recommendation> results) {
    }

    public record Peers(TargetView target, List<PeerRegion> results) {
    }

    private record Snapshot(RecommendationIndex index, Targets targets, PracticeRanker practices, PeerRanker peers) {
    }

    private final GraphStore store;
    private final GenerationSnapshot<Snapshot> snapshot;

    public RecommendationService(GraphStore store, RecommendProperties properties, GenerationSnapshots snapshots) {
        this.store = store;
        this.snapshot = snapshots.of("recommendation index", properties.maxAge(), this::build);
    }

    public Recommendations forRegion(String iri, RankingOptions options) {
        Snapshot current = current();
        return rank(current, require(current.targets().region(iri), "region", "No region "
                + RecommendationIndex.slug(iri) + " in the graph (NUTS 2021 and 2024 codes of any level are known)"),
                options);
    }

    public Recommendations forInstrument(String iri, RankingOptions options) {
        Snapshot current = current();
        return rank(current, require(current.targets().instrument(iri), "instrument",
                "No policy instrument " + iri + " in the graph"), options);
    }

    public Recommendations forPlan(String iri, RankingOptions options) {
        Snapshot current = current();
        return rank(current, require(current.targets().plan(iri), "plan", "No action plan " + iri + " in the graph"),
                options);
    }

    public Recommendations similarTo(String iri, RankingOptions options) {
        Snapshot current = current();
        return rank(current, require(current.targets().practice(iri), "slug", "No good practice " + iri
                + " in the graph"), options);
    }

    public Recommendations forThemes(List<String> iris, RankingOptions options) {
        Snapshot current = current();
        String unknown = current.targets().unknownTheme(iris);
        if (unknown != null) {
            throw RecommendationException.badParameter("themes", "Unknown theme '" + RecommendationIndex.slug(unknown)
                    + "': use a theme of " + IG.THEME + " (its slug or IRI)");
        }
        return rank(current, current.targets().themes(iris), options);
    }

    public Peers peersOf(String iri, int limit) {
        Snapshot current = current();
        Integer place = current.targets().regionPlace(iri);
        if (place == null) {
            throw RecommendationException.unknown("code", "No region " + RecommendationIndex.slug(iri)
                    + " in the graph (NUTS 2021 and 2024 codes of any level are known)");
        }
        Target target = current.targets().region(iri);
        return new Peers(view(current.index(), target), current.peers().rank(place, limit));
    }

    /** The index as of the store's generation now, waited for if it is being built: for figures written back. */
    RecommendationIndex index() {
        return snapshot.getCurrent().index();
    }

    /**
     * A write that changed nothing the index reads (the ranking statistics, which are made from the index): the
     * index built at generation {@code before} still holds at {@code after}, so it is not built again.
     */
    void unchangedBy(long before, long after) {
        snapshot.unchangedBy(before, after);
    }

    private static Target require(Target target, String parameter, String message) {
        if (target == null) {
            throw RecommendationException.unknown(parameter, message);
        }
        return target;
    }

    private static Recommendations rank(Snapshot current, Target target, RankingOptions options) {
        return new Recommendations(view(current.index(), target), options,
                current.practices().rank(target, options));
    }

    private static TargetView view(RecommendationIndex index, Target target) {
        return new TargetView(target.kind(), target.iri(),
                Arrays.stream(target.profile()).mapToObj(t -> index.themeIri[t]).toList());
    }

    private Snapshot current() {
        return snapshot.get();
    }

    private Snapshot build() {
        long started = System.nanoTime();
        RecommendationIndex index = store.read(RecommendationIndex::load);
        log.info("Recommendation index built: {} practices in {} ms", index.practiceCount(),
                (System.nanoTime() - started) / 1_000_000);
        return new Snapshot(index, new Targets(index), new PracticeRanker(index), new PeerRanker(index));
    }
}
