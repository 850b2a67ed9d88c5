package org.innograph.ingest;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.innograph.store.GraphStore;
import org.innograph.vocabulary.IG;
import org.innograph.vocabulary.SparqlFiles;
import org.springframework.util.unit.DataSize;

/**
 * Curators' imports. Each file is parsed (or converted, for the CSV kinds), held to the SHACL shapes together
 * with the reference data it points to, and only then written, in one write, as its own named graph
 * {@code …/graph/import/{id}} that also carries its PROV-O provenance. Any problem
 * stops the import before the store is touched.
 */
public final class ImportService {

    public static final String GRAPH_BASE = GraphNames.GRAPH_BASE + "import/";
    private static final Pattern BATCH_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private final GraphStore store;
    private final Supplier<ImportValidator> validator;
    private final PracticeTemplate practices;
    private final EurostatTable eurostat = new EurostatTable();
    private final DataSize maxSize;

    /**
     * @param validator gives the validator when the first import needs it, so that a service without its shapes
     *                  file still serves everything else and says why imports are refused
     */
    public ImportService(GraphStore store, Supplier<ImportValidator> validator, PracticeTemplate practices,
                         DataSize maxSize) {
        this.store = store;
        this.validator = memoised(validator);
        this.practices = practices;
        this.maxSize = maxSize;
    }

    /**
     * One file to import.
     *
     * @param contentType        its media type, or null to go by the file name
     * @param batchId            the batch to create or replace; null for one named after the content's hash
     * @param skipUnknownRegions Eurostat tables only: leave out (and list) rows whose region is not in the graph
     *                           instead of refusing the table
     */
    public record ImportRequest(String fileName, String contentType, byte[] content, String batchId, String user,
                                boolean skipUnknownRegions) {
    }

    public static String graphOf(String batchId) {
        return GRAPH_BASE + batchId;
    }

    public DataSize maxSize() {
        return maxSize;
    }

    /** @throws ImportRejectedException when anything is wrong; then nothing was written */
    public ImportOutcome importFile(ImportRequest request) {
        Instant started = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        byte[] content = request.content();
        if (content.length > maxSize.toBytes()) {
            throw tooLarge(maxSize);
        }
        if (request.batchId() != null && !BATCH_ID.matcher(request.batchId()).matches()) {
            throw ImportRejectedException.unparseable("Batch id '" + request.batchId() + "' is not allowed: use up "
                    + "to 64 lower-case letters, digits and hyphens", List.of());
        }
        RequestMediaType contentType;
        try {
            contentType = RequestMediaType.of(request.contentType());
        } catch (RequestMediaType.UnsupportedMediaTypeException e) {
            throw new ImportRejectedException(415, e.getMessage(), List.of());
        }
        ImportFormat format = ImportFormat.detect(contentType, request.fileName(), content)
                .orElseThrow(() -> new ImportRejectedException(415, "Cannot import "
                        + (request.contentType() != null ? "Content-Type " + request.contentType()
                        : "file " + request.fileName()) + ": send one of " + ImportFormat.ACCEPTED, List.of()));
        if (format != ImportFormat.RDF_XML) {
            // RDF/XML names its own encoding; every other format is UTF-8 by definition.
            try {
                Utf8Text.require(content);
            } catch (Utf8Text.InvalidUtf8Exception e) {
                throw ImportRejectedException.unparseable("The file is " + e.getMessage(),
                        List.of(ImportProblem.atLine(e.line(), e.getMessage())));
            }
        }
        String sha256 = sha256(content);
        String id = request.batchId() != null ? request.batchId() : sha256.substring(0, 16);
        Optional<ImportBatch> same = list().stream().filter(batch -> batch.sha256().equals(sha256)
                && (request.batchId() == null || batch.id().equals(id))).findFirst();
        if (same.isPresent()) {
            return new ImportOutcome(ImportOutcome.UNCHANGED, same.get());
        }

        String graphIri = graphOf(id);
        ImportValidator validator = validator();
        ReferenceData reference = ReferenceData.of(store);
        Graph graph;
        List<ImportProblem> problems;
        List<String> notes = new ArrayList<>();
        if (format == ImportFormat.PRACTICE_CSV) {
            PracticeTemplate.Conversion conversion = practices.convert(content, reference);
            graph = conversion.graph();
            notes.addAll(conversion.notes());
            problems = validator.validate(graph, reference).stream().map(conversion::place).toList();
        } else if (format == ImportFormat.EUROSTAT_CSV) {
            EurostatTable.Conversion conversion = eurostat.convert(content, reference, request.skipUnknownRegions());
            graph = conversion.graph();
            notes.addAll(conversion.notes());
            problems = validator.validate(graph, reference);
        } else {
            graph = RdfImportParser.parse(content, format, graphIri);
            problems = validator.validate(graph, reference);
        }
        if (graph.isEmpty()) {
            throw ImportRejectedException.invalid("The file holds no data to import", List.of());
        }
        if (!problems.isEmpty()) {
            throw ImportRejectedException.invalid(problems.size() + " SHACL violations: nothing was imported",
                    problems);
        }

        ImportBatch batch = new ImportBatch(id, graphIri, request.fileName(), mediaType(format), sha256,
                request.user(), started.toString(), ToolVersion.current(), graph.size(), notes);
        Model written = ModelFactory.createDefaultModel().add(ModelFactory.createModelForGraph(graph))
                .add(provenance(batch, started));
        boolean existed = store.write(connection -> {
            boolean had = connection.queryAsk(SparqlFiles.query("store/graph-exists.rq",
                    Map.of("g", NodeFactory.createURI(graphIri))));
            connection.put(graphIri, written);
            return had;
        });
        return new ImportOutcome(existed ? ImportOutcome.REPLACED : ImportOutcome.CREATED, batch);
    }

    private ImportValidator validator() {
        try {
            return validator.get();
        } catch (IllegalStateException e) {
            throw new ImportRejectedException(503, "Imports are unavailable: " + e.getMessage(), List.of());
        }
    }

    private static Supplier<ImportValidator> memoised(Supplier<ImportValidator> supplier) {
        java.util.concurrent.atomic.AtomicReference<ImportValidator> made = new java.util.concurrent.atomic.AtomicReference<>();
        return () -> made.updateAndGet(existing -> existing != null ? existing : supplier.get());
    }

    /** The batches in the store, oldest first. */
    public List<ImportBatch> list() {
        Query select = SparqlFiles.query("ingest/import-batches.rq",
                Map.of("base", NodeFactory.createLiteralString(GRAPH_BASE)));
        return store.read(connection -> {
            List<ImportBatch> batches = new ArrayList<>();
            connection.querySelect(select, row -> {
                if (!row.contains("g")) {
                    return; // the one empty group Jena gives when there are no batches
                }
                // GROUP_CONCAT over a batch without notes may come back unbound rather than "".
                String notes = row.contains("notes") ? row.getLiteral("notes").getString() : "";
                batches.add(new ImportBatch(row.getLiteral("id").getString(), row.getResource("g").getURI(),
                        row.getLiteral("fileName").getString(), row.getLiteral("format").getString(),
                        row.getLiteral("sha").getString(), row.getLiteral("user").getString(),
                        row.getLiteral("started").getLexicalForm(), row.getLiteral("tool").getString(),
                        row.getLiteral("triples").getLong(),
                        notes.isEmpty() ? List.of() : Arrays.asList(notes.split("\n"))));
            });
            return batches;
        });
    }

    public Optional<ImportBatch> find(String id) {
        return list().stream().filter(batch -> batch.id().equals(id)).findFirst();
    }

    /** Removes a batch's graph, provenance included; false when there is no such batch. */
    public boolean delete(String id) {
        if (find(id).isEmpty()) {
            return false;
        }
        store.write(connection -> {
            connection.delete(graphOf(id));
            return null;
        });
        return true;
    }

    /**
     * The batch's provenance, kept in its own graph so that it goes when the batch goes: the graph was derived
     * from the file (name, media type, SHA-256) by an import activity associated with the user and this tool.
     */
    private static Model provenance(ImportBatch batch, Instant started) {
        Model model = ModelFactory.createDefaultModel();
        String graph = batch.graph();
        Resource file = model.createResource(graph + "#file");
        file.addProperty(RDF.type, model.createResource(IG.PROV + "Entity"));
        file.addProperty(DCTerms.title, batch.fileName());
        file.addProperty(DCTerms.format, batch.format());
        file.addProperty(IG.contentHash, batch.sha256());
        Resource account = model.createResource(graph + "#user");
        account.addProperty(RDF.type, model.createResource(IG.PROV + "Agent"));
        account.addProperty(ResourceFactory.createProperty(IG.FOAF + "accountName"), batch.user());
        Resource software = model.createResource(graph + "#software");
        software.addProperty(RDF.type, model.createResource(IG.PROV + "SoftwareAgent"));
        software.addProperty(RDFS.label, batch.tool());
        Resource activity = model.createResource(graph + "#import");
        activity.addProperty(RDF.type, model.createResource(IG.PROV + "Activity"));
        activity.addProperty(RDFS.label, "import of " + batch.fileName(), "en");
        activity.addLiteral(prov("startedAtTime"), model.createTypedLiteral(started.toString(), XSDDatatype.XSDdateTime));
        activity.addLiteral(prov("endedAtTime"), model.createTypedLiteral(Instant.now().toString(),
                XSDDatatype.XSDdateTime));
        activity.addProperty(prov("used"), file);
        activity.addProperty(prov("wasAssociatedWith"), account);
        activity.addProperty(prov("wasAssociatedWith"), software);
        Resource batchGraph = model.createResource(graph);
        batchGraph.addProperty(RDF.type, model.createResource(IG.PROV + "Entity"));
        batchGraph.addProperty(DCTerms.identifier, batch.id());
        batchGraph.addProperty(RDFS.label, "import batch " + batch.id() + " (" + batch.fileName() + ")", "en");
        batchGraph.addProperty(prov("wasGeneratedBy"), activity);
        batchGraph.addProperty(prov("wasDerivedFrom"), file);
        batchGraph.addProperty(prov("wasAttributedTo"), account);
        batchGraph.addLiteral(IG.voidTriples,
                model.createTypedLiteral(Long.toString(batch.triples()), XSDDatatype.XSDinteger));
        batch.notes().forEach(note -> batchGraph.addProperty(SKOS.note, note));
        return model;
    }

    private static org.apache.jena.rdf.model.Property prov(String local) {
        return ResourceFactory.createProperty(IG.PROV + local);
    }

    private static String mediaType(ImportFormat format) {
        return format.isCsv() ? "text/csv" : format.lang().getHeaderString();
    }

    public static ImportRejectedException tooLarge(DataSize limit) {
        return new ImportRejectedException(413, "The file is larger than the import limit of "
                + (limit.toMegabytes() >= 1 ? limit.toMegabytes() + " MB" : limit.toKilobytes() + " KB")
                + " (innograph.imports.max-size)", List.of());
    }

    static String sha256(byte[] content) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
