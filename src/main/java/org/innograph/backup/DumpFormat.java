package org.innograph.backup;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import org.apache.jena.riot.RDFFormat;
import org.innograph.sparql.ResultFormat;
import org.springframework.http.MediaType;

/**
 * The dataset syntaxes a dump is written in: both keep the named graphs. Their media types, names and Jena writers
 * are those of the SPARQL answers for a whole dataset ({@link ResultFormat#DATASET}).
 */
public enum DumpFormat {
    NQUADS(ResultFormat.N_QUADS, "nq"),
    TRIG(ResultFormat.TRIG, "trig");

    private final MediaType mediaType;
    private final String extension;

    DumpFormat(MediaType mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType.toString();
    }

    public String extension() {
        return extension;
    }

    /** A streaming format: Jena writes each quad as it comes, so a dump never holds the store in memory. */
    RDFFormat rdfFormat() {
        return ResultFormat.rdfFormat(mediaType);
    }

    /** "nquads", "n-quads", "nq", "trig" or a media type. */
    public static Optional<DumpFormat> named(String name) {
        String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return ResultFormat.fromParameter(key.equals("n-quads") ? "nquads" : key, ResultFormat.DATASET)
                .flatMap(type -> Arrays.stream(values()).filter(format -> format.mediaType.equals(type)).findFirst());
    }
}
