package org.innograph.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.innograph.bench.ReferenceData.Region;
import org.innograph.bench.ReferenceData.Theme;

/**
 * Writes a synthetic InnoGraph graph of any size, shaped like the shipped INNO INDUSTRY graph: projects,
 * partner organisations with their partnerships and action plans, policy instruments, clusters and good
 * practices located in real NUTS regions under real themes. Regions and themes are drawn Zipf-like, so a few
 * are very common and most are rare, as in real data; the actions of each action plan are planted with
 * {@code ig:inspiredBy} links to practices that share the partner's focus theme, mostly from other countries,
 * which gives recommendations a ground truth.
 *
 * <p>The output is N-Triples written as it is generated (memory grows only with a few ints per practice),
 * and is byte-identical for the same size, seed and reference files. It declares itself the named graph
 * {@value #GRAPH}, and passes ontology/shapes.ttl together with the shipped ontology, themes, NUTS and
 * country graphs it points to.
 */
public final class PracticeGraphGenerator {

    public static final String GRAPH = org.innograph.vocabulary.IG.GRAPH + "synthetic";

    private static final String ID = org.innograph.vocabulary.IG.ID;
    private static final String SOURCE = org.innograph.vocabulary.IG.BASE + "synthetic/source/";
    private static final String IG = org.innograph.vocabulary.IG.NS;
    private static final String RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
    private static final String RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label";
    private static final String DCT = "http://purl.org/dc/terms/";
    private static final String XSD = "http://www.w3.org/2001/XMLSchema#";

    private static final String[] ADJECTIVES = {"Regional", "Digital", "Smart", "Open", "Shared", "Green",
        "Integrated", "Cross-border", "Collaborative", "Targeted", "Lean", "Inclusive"};
    private static final String[] FORMATS = {"voucher scheme", "competence centre", "training programme",
        "cluster platform", "pilot factory", "mentoring network", "innovation fund", "demonstration lab",
        "matchmaking service", "benchmarking tool", "living lab", "procurement programme"};
    private static final String[] SECTORS = {"automotive", "furniture", "ICT", "food", "metal processing",
        "plastics", "textiles", "energy", "health", "logistics", "wood", "space"};
    private static final String[] CERTAINTY = {"confirmed", "confirmed", "confirmed", "likely", "possible"};
    private static final String ORG = "http://www.w3.org/ns/org#";

    private final ReferenceData reference;

    public PracticeGraphGenerator(Path nutsFile, Path themesFile) {
        this.reference = ReferenceData.read(nutsFile, themesFile);
    }

    /** Reads the regions and themes from the shipped files under {@code root} (the project directory). */
    public static PracticeGraphGenerator fromShippedData(Path root) {
        return new PracticeGraphGenerator(root.resolve("data/nuts-2021.ttl"), root.resolve("ontology/themes.ttl"));
    }

    /** What was written. */
    public record Summary(int practices, int organisations, int projects, int instruments, int clusters,
                          int actions, long triples) {
    }

    public Summary generate(int practices, long seed, Path out) {
        if (practices < 1) {
            throw new IllegalArgumentException("practices must be at least 1, was " + practices);
        }
        try {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (Writer writer = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(out),
                    StandardCharsets.UTF_8), 1 << 16)) {
                return new Run(practices, seed, new NTriples(writer)).write();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One generation: the random stream and the few per-entity facts later entities depend on. */
    private final class Run {
        private final int practices;
        private final SplittableRandom random;
        private final NTriples out;
        private final int organisations;
        private final int projects;
        private final int instruments;
        private final int clusters;
        private final List<Region> regions;
        private final List<Theme> themes;
        private final Zipf regionDraw;
        private final Zipf themeDraw;
        /** Region index of each organisation; practices are mostly where their institution is. */
        private final int[] organisationRegion;
        /** Country of each practice (as an index into the sorted country list), to plant foreign inspirations. */
        private final int[] practiceCountry;
        /** Practices per theme, in generation order. */
        private final IntList[] practicesByTheme;
        private final List<String> countries;
        private int actions;

        Run(int practices, long seed, NTriples out) {
            this.practices = practices;
            this.random = new SplittableRandom(seed);
            this.out = out;
            this.organisations = Math.max(10, practices / 10);
            this.projects = Math.max(1, organisations / 10);
            this.instruments = Math.max(5, practices / 20);
            this.clusters = Math.max(5, practices / 20);
            // Which regions and themes are popular is itself drawn from the seed, not alphabetical.
            this.regions = shuffled(reference.regions(), random);
            this.themes = shuffled(reference.themes(), random);
            this.regionDraw = new Zipf(regions.size(), 1.1);
            this.themeDraw = new Zipf(themes.size(), 1.0);
            this.organisationRegion = new int[organisations];
            this.practiceCountry = new int[practices];
            this.practicesByTheme = new IntList[themes.size()];
            Arrays.setAll(practicesByTheme, i -> new IntList());
            this.countries = reference.regions().stream().map(Region::country).distinct().sorted().toList();
        }

        Summary write() throws IOException {
            graphDescription();
            for (int p = 0; p < projects; p++) {
                project(p);
            }
            for (int o = 0; o < organisations; o++) {
                organisation(o);
            }
            for (int i = 0; i < instruments; i++) {
                instrument(i);
            }
            for (int c = 0; c < clusters; c++) {
                cluster(c);
            }
            for (int p = 0; p < practices; p++) {
                practice(p);
            }
            for (int o = 0; o < organisations; o++) {
                actionPlan(o);
            }
            out.flush();
            return new Summary(practices, organisations, projects, instruments, clusters, actions, out.triples());
        }

        private void graphDescription() throws IOException {
            out.iri(GRAPH, RDF_TYPE, "http://rdfs.org/ns/void#Dataset");
            out.literal(GRAPH, DCT + "title", "Synthetic InnoGraph data (" + practices + " practices)");
            out.iri(GRAPH, DCT + "license", "https://creativecommons.org/licenses/by/4.0/");
            out.iri(GRAPH, DCT + "source", SOURCE + "generator");
            out.literal(GRAPH, "http://creativecommons.org/ns#attributionText",
                    "Synthetic benchmark data generated by InnoGraph; no record describes a real practice");
            out.iri(GRAPH, "http://www.w3.org/ns/prov#wasAttributedTo", ID + "organisation/innograph-project");
        }

        private void project(int p) throws IOException {
            String s = projectIri(p);
            String name = "SYNTH " + (p + 1);
            out.iri(s, RDF_TYPE, IG + "Project");
            out.literal(s, RDFS_LABEL, name);
            out.literal(s, DCT + "title", "Synthetic interregional cooperation project " + (p + 1));
            out.code(s, IG + "acronym", name);
            out.iri(s, DCT + "source", SOURCE + "project/" + p);
            // the project's partnership: what its members' org:Membership is of
            out.iri(s + "/partnership", RDF_TYPE, ORG + "OrganizationalCollaboration");
            out.literal(s + "/partnership", RDFS_LABEL, name + " partnership");
            out.iri(s + "/partnership", IG + "inProject", s);
            int year = 2014 + p % 8;
            out.typed(s, IG + "startDate", year + "-01-01", XSD + "date");
            out.typed(s, IG + "endDate", (year + 4) + "-12-31", XSD + "date");
        }

        private void organisation(int o) throws IOException {
            int region = regionDraw.next(random);
            organisationRegion[o] = region;
            Region r = regions.get(region);
            String s = organisationIri(o);
            out.iri(s, RDF_TYPE, IG + "Organisation");
            out.literal(s, RDFS_LABEL, "Development agency " + (o + 1) + " of " + r.label());
            out.iri(s, DCT + "source", SOURCE + "organisation/" + o);
            out.iri(s, DCT + "spatial", r.iri());
            out.iri(s, IG + "country", r.country());
            out.literal(s, IG + "locationLabel", r.label());
            out.literal(s, IG + "organisationType", o % 3 == 0 ? "regional authority" : "cluster organisation");

            // Every organisation is a partner of one project; the first of each project leads it.
            int project = o % projects;
            String partnership = ID + "partnership/synthetic-" + o;
            out.iri(partnership, RDF_TYPE, ORG + "Membership");
            out.literal(partnership, RDFS_LABEL, "Partner " + (o + 1) + " in SYNTH " + (project + 1));
            out.iri(partnership, DCT + "source", SOURCE + "project/" + project);
            out.iri(partnership, ORG + "member", s);
            out.iri(partnership, ORG + "organization", projectIri(project) + "/partnership");
            out.iri(partnership, IG + "inProject", projectIri(project));
            out.iri(partnership, ORG + "role", IG + (o < projects ? "leadPartner" : "projectPartner"));
            out.typed(partnership, IG + "partnerNumber", Integer.toString(o / projects + 1), XSD + "integer");
            out.iri(partnership, IG + "addressesInstrument", instrumentIri(o % instruments));
        }

        private void instrument(int i) throws IOException {
            Region r = regions.get(regionDraw.next(random));
            String s = instrumentIri(i);
            out.iri(s, RDF_TYPE, IG + "PolicyInstrument");
            out.code(s, DCT + "identifier", String.format(Locale.ROOT, "SPI%07d", i + 1));
            out.iri(s, DCT + "source", SOURCE + "instrument/" + i);
            out.iri(s, DCT + "spatial", r.iri());
            out.iri(s, IG + "country", r.country());
            // About one in eight instruments is addressed without a known name, as in the real data.
            if (random.nextInt(8) != 0) {
                out.literal(s, RDFS_LABEL, "Operational programme " + (i + 1) + " for " + r.label());
                out.literal(s, IG + "instrumentType", "ERDF regional OP");
            } else {
                out.literal(s, "http://www.w3.org/2004/02/skos/core#note", "The sources do not name this instrument.");
            }
        }

        private void cluster(int c) throws IOException {
            int o = random.nextInt(organisations);
            Region r = regions.get(organisationRegion[o]);
            String sector = SECTORS[random.nextInt(SECTORS.length)];
            String s = ID + "cluster/synthetic-" + c;
            out.iri(s, RDF_TYPE, IG + "Cluster");
            out.code(s, DCT + "identifier", String.format(Locale.ROOT, "SCL%07d", c + 1));
            out.literal(s, RDFS_LABEL, r.label() + " " + sector + " cluster " + (c + 1));
            out.iri(s, DCT + "source", SOURCE + "cluster/" + c);
            out.iri(s, DCT + "spatial", r.iri());
            out.iri(s, IG + "country", r.country());
            out.literal(s, IG + "clusterType", "cluster organisation");
            out.literal(s, IG + "sector", sector);
            out.iri(s, IG + "relatedPartner", organisationIri(o));
        }

        private void practice(int p) throws IOException {
            int institution = random.nextInt(organisations);
            int region = random.nextInt(10) < 6 ? organisationRegion[institution] : regionDraw.next(random);
            Region r = regions.get(region);
            practiceCountry[p] = countryIndex(r.country());
            int themeCount = 1 + random.nextInt(3);
            int[] chosen = new int[themeCount];
            int distinct = 0;
            for (int t = 0; t < themeCount; t++) {
                int theme = themeDraw.next(random);
                if (!contains(chosen, distinct, theme)) {
                    chosen[distinct++] = theme;
                    practicesByTheme[theme].add(p);
                }
            }
            Theme main = themes.get(chosen[0]);
            String title = ADJECTIVES[random.nextInt(ADJECTIVES.length)] + " "
                    + FORMATS[random.nextInt(FORMATS.length)] + " for " + main.label() + " (" + r.label() + ")";
            String s = practiceIri(p);
            out.iri(s, RDF_TYPE, IG + "GoodPractice");
            out.code(s, DCT + "identifier", practiceIdentifier(p));
            out.literal(s, DCT + "title", title);
            out.literal(s, RDFS_LABEL, title);
            out.iri(s, DCT + "source", SOURCE + "practice/" + p);
            out.iri(s, DCT + "spatial", r.iri());
            out.iri(s, IG + "country", r.country());
            out.literal(s, IG + "locationLabel", r.label());
            out.literal(s, IG + "summary", "A " + FORMATS[random.nextInt(FORMATS.length)] + " that helped "
                    + (5 + random.nextInt(400)) + " firms in " + r.label() + " with " + main.label() + ".");
            if (random.nextBoolean()) {
                out.literal(s, IG + "evidenceOfSuccess", (1 + random.nextInt(90)) + " % of participating firms "
                        + "report a new product or process within two years.");
            }
            for (int t = 0; t < distinct; t++) {
                out.iri(s, DCT + "subject", themes.get(chosen[t]).iri());
            }
            int year = 2008 + random.nextInt(15);
            out.typed(s, IG + "startDate", year + "-0" + (1 + random.nextInt(9)) + "-01", XSD + "date");
            out.typed(s, IG + "involvesClusters", Boolean.toString(random.nextBoolean()), XSD + "boolean");
            out.iri(s, IG + "mainInstitution", organisationIri(institution));
            // certainty is data: a qualified project link; only a confirmed one is also stated plainly
            String certainty = CERTAINTY[random.nextInt(CERTAINTY.length)];
            String project = projectIri(institution % projects);
            String link = s + "/project-link/synthetic";
            out.iri(s, IG + "projectLink", link);
            out.iri(link, RDF_TYPE, IG + "ProjectLink");
            out.iri(link, IG + "linkedProject", project);
            out.iri(link, IG + "linkCertainty", IG + certainty);
            out.iri(link, DCT + "source", SOURCE + "practice/" + p);
            if (certainty.equals("confirmed")) {
                out.iri(s, IG + "sharedInProject", project);
            }
        }

        /** A confirmed inspiration: the plain link and the qualified one the shapes ask for behind it. */
        private void inspiredBy(String action, int practice) throws IOException {
            String link = action + "/inspiration/synthetic-" + practice;
            out.iri(action, IG + "inspiredBy", practiceIri(practice));
            out.iri(action, IG + "inspirationLink", link);
            out.iri(link, RDF_TYPE, IG + "InspirationLink");
            out.iri(link, IG + "linkedPractice", practiceIri(practice));
            out.iri(link, IG + "linkCertainty", IG + "confirmed");
            out.iri(link, DCT + "source", SOURCE + "action/" + action.substring(action.lastIndexOf('/') + 1));
        }

        private void actionPlan(int o) throws IOException {
            int focus = themeDraw.next(random);
            String organisation = organisationIri(o);
            String plan = ID + "action-plan/synthetic-" + o;
            out.iri(plan, RDF_TYPE, IG + "ActionPlan");
            out.literal(plan, RDFS_LABEL, "Action plan of development agency " + (o + 1));
            out.iri(plan, DCT + "source", SOURCE + "action-plan/" + o);
            out.iri(plan, IG + "actionPlanOf", organisation);
            out.iri(plan, IG + "inProject", projectIri(o % projects));
            out.iri(plan, IG + "addressesInstrument", instrumentIri(o % instruments));
            int count = 1 + random.nextInt(3);
            int ownCountry = countryIndex(regions.get(organisationRegion[o]).country());
            for (int a = 0; a < count; a++) {
                String action = ID + "action/synthetic-" + o + "-" + (a + 1);
                actions++;
                out.iri(plan, IG + "hasAction", action);
                out.iri(action, RDF_TYPE, IG + "Action");
                out.code(action, DCT + "identifier", String.format(Locale.ROOT, "SAP-%d-%d", o + 1, a + 1));
                out.literal(action, RDFS_LABEL, "Development agency " + (o + 1) + ": Action " + (a + 1));
                out.iri(action, DCT + "source", SOURCE + "action-plan/" + o);
                out.literal(action, IG + "summary", "Transfer a practice on " + themes.get(focus).label()
                        + " to the region of development agency " + (o + 1) + ".");
                int first = inspiration(focus, ownCountry);
                if (first >= 0) {
                    inspiredBy(action, first);
                    int second = random.nextBoolean() ? inspiration(focus, ownCountry) : first;
                    if (second != first) {
                        inspiredBy(action, second);
                    }
                }
            }
        }

        /**
         * A practice under the focus theme, preferring other countries (learning is interregional). Earlier
         * practices of a theme are drawn more often, so a few practices inspire many actions.
         */
        private int inspiration(int theme, int ownCountry) {
            IntList candidates = practicesByTheme[theme];
            if (candidates.size() == 0) {
                return -1;
            }
            int pick = -1;
            for (int attempt = 0; attempt < 5; attempt++) {
                double u = random.nextDouble();
                pick = candidates.get((int) (candidates.size() * u * u * u));
                if (practiceCountry[pick] != ownCountry) {
                    return pick;
                }
            }
            return pick;
        }

        private int countryIndex(String country) {
            return Collections.binarySearch(countries, country);
        }

        private String practiceIri(int p) {
            return ID + "practice/synthetic-" + p;
        }

        private String organisationIri(int o) {
            return ID + "organisation/synthetic-" + o;
        }

        private String projectIri(int p) {
            return ID + "project/synthetic-" + p;
        }

        private String instrumentIri(int i) {
            return ID + "instrument/synthetic-" + i;
        }
    }

    /** The identifier researchers see for synthetic practice {@code p}, e.g. SGP0000001. */
    public static String practiceIdentifier(int p) {
        return String.format(Locale.ROOT, "SGP%07d", p + 1);
    }

    private static boolean contains(int[] values, int length, int value) {
        for (int i = 0; i < length; i++) {
            if (values[i] == value) {
                return true;
            }
        }
        return false;
    }

    private static <T> List<T> shuffled(List<T> items, SplittableRandom random) {
        List<T> copy = new ArrayList<>(items);
        for (int i = copy.size() - 1; i > 0; i--) {
            Collections.swap(copy, i, random.nextInt(i + 1));
        }
        return copy;
    }

    /** Draws ranks 0..n-1 with probability proportional to 1/(rank+1)^exponent. */
    private static final class Zipf {
        private final double[] cumulative;

        Zipf(int n, double exponent) {
            cumulative = new double[n];
            double sum = 0;
            for (int k = 0; k < n; k++) {
                sum += 1 / Math.pow(k + 1, exponent);
                cumulative[k] = sum;
            }
            for (int k = 0; k < n; k++) {
                cumulative[k] /= sum;
            }
        }

        int next(SplittableRandom random) {
            int i = Arrays.binarySearch(cumulative, random.nextDouble());
            int rank = i >= 0 ? i : -i - 1;
            return Math.min(rank, cumulative.length - 1);
        }
    }

    /** A growable int array: a practice costs a few bytes of memory, not an object. */
    private static final class IntList {
        private int[] values = new int[8];
        private int size;

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int get(int index) {
            return values[index];
        }

        int size() {
            return size;
        }
    }

    /** N-Triples out of plain strings: no per-triple Jena objects, so 100K practices cost seconds. */
    private static final class NTriples {
        private final Writer writer;
        private long triples;

        NTriples(Writer writer) {
            this.writer = writer;
        }

        void iri(String subject, String predicate, String object) throws IOException {
            start(subject, predicate);
            writer.write('<');
            writer.write(object);
            writer.write("> .\n");
        }

        /** Human-language text: tagged English, as the shipped data's text is. */
        void literal(String subject, String predicate, String value) throws IOException {
            start(subject, predicate);
            quoted(value);
            writer.write("@en .\n");
        }

        /** A code or identifier: a plain string. */
        void code(String subject, String predicate, String value) throws IOException {
            start(subject, predicate);
            quoted(value);
            writer.write(" .\n");
        }

        void typed(String subject, String predicate, String value, String datatype) throws IOException {
            start(subject, predicate);
            quoted(value);
            writer.write("^^<");
            writer.write(datatype);
            writer.write("> .\n");
        }

        private void start(String subject, String predicate) throws IOException {
            triples++;
            writer.write('<');
            writer.write(subject);
            writer.write("> <");
            writer.write(predicate);
            writer.write("> ");
        }

        private void quoted(String value) throws IOException {
            writer.write('"');
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '"' -> writer.write("\\\"");
                    case '\\' -> writer.write("\\\\");
                    case '\n' -> writer.write("\\n");
                    case '\r' -> writer.write("\\r");
                    default -> writer.write(c);
                }
            }
            writer.write('"');
        }

        long triples() {
            return triples;
        }

        void flush() throws IOException {
            writer.flush();
        }
    }
}
