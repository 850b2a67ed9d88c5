package org.innograph.recommend;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;

import org.apache.jena.query.DatasetFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.sys.JenaSystem;
import org.innograph.ShippedGraph;
import org.innograph.recommend.RankingOptions.Exclusion;

/**
 * Judges the recommendations against the learning that really happened. For every action whose ig:inspiredBy
 * names a practice of another country than the plan's partner, the link is hidden, practices are ranked for the
 * partner's region, for the instrument the plan addresses and for the plan itself (its other actions' inspirations
 * still known), always leaving out the partner's own country, and the rank of the inspiring practice is recorded.
 * Two baselines rank the same candidates: a seeded random order and the most popular first (most plans inspired).
 *
 * <p>Run: {@code mvn -q -o test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java
 * -Dexec.classpathScope=test -Dexec.mainClass=org.innograph.recommend.RecommendationEvaluation}
 */
public final class RecommendationEvaluation {

    private static final String IG = "https://w3id.org/innograph/ontology#";
    private static final long SEED = 2026;

    /** One held-out learning link. */
    record Case(String plan, String action, String practice) {
    }

    /**
     * The ranks (0 when not ranked at all) a method gave the hidden practices, and how many candidates each case
     * had (all practices outside the partner's country).
     */
    record Method(String name, List<Integer> ranks, List<Integer> candidates) {
        Method(String name) {
            this(name, new ArrayList<>(), new ArrayList<>());
        }

        void add(int rank, int candidateCount) {
            ranks.add(rank);
            candidates.add(candidateCount);
        }

        /** Mean of rank / candidates, an unranked practice counting as last: 0.5 is what chance gives. */
        double meanPercentile() {
            double total = 0;
            for (int i = 0; i < ranks.size(); i++) {
                total += ranks.get(i) > 0 ? ranks.get(i) / (double) candidates.get(i) : 1.0;
            }
            return total / ranks.size();
        }

        double hitAt(int k) {
            return ranks.stream().filter(rank -> rank > 0 && rank <= k).count() / (double) ranks.size();
        }

        double mrr() {
            return ranks.stream().mapToDouble(rank -> rank > 0 ? 1.0 / rank : 0.0).sum() / ranks.size();
        }
    }

    private RecommendationEvaluation() {
    }

    public static void main(String[] args) {
        JenaSystem.init();
        Model shipped = ShippedGraph.dataset().getUnionModel();
        print("Shipped data (INNO INDUSTRY)", evaluate(shipped));
        GeneratedGraph generated = GeneratedGraph.generate(SEED, 20, 15);
        print("Generated data (seed " + SEED + ", 20 countries, " + 80 * 15 + " practices, planted links)",
                evaluate(generated.model));
    }

    static List<Method> evaluate(Model base) {
        Property inspiredBy = base.createProperty(IG + "inspiredBy");
        List<Case> cases = new ArrayList<>();
        RecommendationIndex full = index(base);
        base.listStatements(null, inspiredBy, (RDFNode) null).forEachRemaining(link -> {
            String action = link.getSubject().getURI();
            String practice = link.getResource().getURI();
            full.plans.values().stream()
                    .filter(plan -> base.contains(base.createResource(plan.iri()),
                            base.createProperty(IG + "hasAction"), link.getSubject()))
                    .filter(plan -> full.practice(practice) != null
                            && !SharedContext.intersects(full.practiceCountries[full.practice(practice)],
                                    plan.countries()))
                    .forEach(plan -> cases.add(new Case(plan.iri(), action, practice)));
        });
        cases.sort(Comparator.comparing(Case::action).thenComparing(Case::practice));
        List<Method> methods = List.of(new Method("recommender: region"), new Method("recommender: instrument"),
                new Method("recommender: plan"), new Method("baseline: random (seed " + SEED + ")"),
                new Method("baseline: most popular"));
        int turn = 0;
        for (Case held : cases) {
            Model hidden = ModelFactory.createDefaultModel().add(base);
            Statement link = hidden.createStatement(hidden.createResource(held.action()), inspiredBy,
                    hidden.createResource(held.practice()));
            hidden.remove(link);
            RecommendationIndex index = index(hidden);
            Targets targets = new Targets(index);
            PracticeRanker ranker = new PracticeRanker(index);
            RecommendationIndex.Plan plan = index.plans.get(held.plan());
            RankingOptions options = RankingOptions.top(index.practiceCount()).excluding(Exclusion.COUNTRY);
            Target region = plan.places().length == 0 ? null : targets.region(index.placeIri[plan.places()[0]]);
            String instrument = index.instruments.keySet().stream()
                    .filter(iri -> hidden.contains(hidden.createResource(held.plan()),
                            hidden.createProperty(IG + "addressesInstrument"), hidden.createResource(iri)))
                    .sorted().findFirst().orElse(null);
            // The baselines order every practice outside the partner's country.
            List<Integer> candidates = new ArrayList<>();
            for (int p = 0; p < index.practiceCount(); p++) {
                if (!SharedContext.intersects(index.practiceCountries[p], plan.countries())) {
                    candidates.add(p);
                }
            }
            int count = candidates.size();
            methods.get(0).add(rankOf(ranker, region, options, held.practice()), count);
            methods.get(1).add(rankOf(ranker, instrument == null ? null : targets.instrument(instrument),
                    options, held.practice()), count);
            methods.get(2).add(rankOf(ranker, targets.plan(held.plan()), options, held.practice()), count);
            List<Integer> shuffled = new ArrayList<>(candidates);
            Collections.shuffle(shuffled, new Random(SEED + turn++));
            methods.get(3).add(position(shuffled, index.practice(held.practice())), count);
            List<Integer> popular = new ArrayList<>(candidates);
            popular.sort(Comparator.comparingInt((Integer p) -> -index.inspirations[p])
                    .thenComparing(p -> index.practiceIri[p]));
            methods.get(4).add(position(popular, index.practice(held.practice())), count);
        }
        return methods;
    }

    private static RecommendationIndex index(Model model) {
        try (RDFConnection connection = RDFConnection.connect(DatasetFactory.wrap(model))) {
            return RecommendationIndex.load(connection);
        }
    }

    private static int rankOf(PracticeRanker ranker, Target target, RankingOptions options, String practice) {
        if (target == null) {
            return 0;
        }
        List<Recommendation> ranking = ranker.rank(target, options);
        for (Recommendation recommendation : ranking) {
            if (recommendation.practice().equals(practice)) {
                return recommendation.rank();
            }
        }
        return 0;
    }

    private static int position(List<Integer> order, Integer practice) {
        int index = order.indexOf(practice);
        return index < 0 ? 0 : index + 1;
    }

    private static void print(String title, List<Method> methods) {
        int cases = methods.get(0).ranks().size();
        System.out.println();
        System.out.println("### " + title + ": " + cases + " held-out links");
        System.out.println();
        System.out.println("| method | hit@5 | hit@10 | MRR | mean rank percentile | ranks |");
        System.out.println("|---|---:|---:|---:|---:|---|");
        Function<Double, String> f = value -> String.format(Locale.ROOT, "%.3f", value);
        for (Method method : methods) {
            String ranks = cases <= 12 ? method.ranks().toString() : "(" + cases + " ranks)";
            System.out.println("| " + method.name() + " | " + f.apply(method.hitAt(5)) + " | "
                    + f.apply(method.hitAt(10)) + " | " + f.apply(method.mrr()) + " | "
                    + f.apply(method.meanPercentile()) + " | " + ranks + " |");
        }
        System.out.println();
        System.out.println("(rank 0: not ranked, counted as last in the percentile; the recommender lists only "
                + "practices sharing a theme; percentile 0.5 is chance)");
    }
}
