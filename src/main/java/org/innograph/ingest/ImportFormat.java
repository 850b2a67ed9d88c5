package org.innograph.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;

/**
 * What an import file is. The RDF syntaxes are told by media type or file extension; the two CSV kinds share
 * {@code text/csv}, so they are told apart by their header: Eurostat's SDMX-CSV starts with {@code DATAFLOW}.
 */
public enum ImportFormat {
    TURTLE(Lang.TURTLE), N_TRIPLES(Lang.NTRIPLES), N_QUADS(Lang.NQUADS), TRIG(Lang.TRIG), JSON_LD(Lang.JSONLD),
    RDF_XML(Lang.RDFXML), PRACTICE_CSV(null), EUROSTAT_CSV(null);

    /** The syntaxes a curator can send, for error messages. */
    public static final String ACCEPTED = "text/turtle, application/n-triples, application/n-quads, application/trig, "
            + "application/ld+json, application/rdf+xml, text/csv (the good-practice template or Eurostat SDMX-CSV)";

    private final Lang lang;

    ImportFormat(Lang lang) {
        this.lang = lang;
    }

    /** The RDF syntax, or null for the CSV kinds. */
    public Lang lang() {
        return lang;
    }

    public boolean isCsv() {
        return lang == null;
    }

    /**
     * The format of a file: the media type decides when there is one (other than a generic one), else the file
     * name's extension.
     */
    public static Optional<ImportFormat> detect(RequestMediaType contentType, String fileName, byte[] content) {
        String type = contentType.essence();
        boolean generic = type.isEmpty() || type.equals("application/octet-stream");
        if (type.equals("text/csv") || (generic && fileName != null
                && fileName.toLowerCase(Locale.ROOT).endsWith(".csv"))) {
            return Optional.of(isEurostat(content) ? EUROSTAT_CSV : PRACTICE_CSV);
        }
        Lang found = generic ? (fileName == null ? null : RDFLanguages.filenameToLang(fileName))
                : contentType.rdfLang();
        return Arrays.stream(values()).filter(format -> format.lang != null && format.lang.equals(found)).findFirst();
    }

    private static boolean isEurostat(byte[] content) {
        String start = new String(content, 0, Math.min(content.length, 64), StandardCharsets.UTF_8);
        if (start.startsWith("\uFEFF")) {
            start = start.substring(1);
        }
        return start.startsWith("DATAFLOW,") || start.startsWith("\"DATAFLOW\",");
    }
}
