package org.innograph.backup;

import java.util.Locale;
import java.util.Optional;

import org.apache.jena.riot.RDFFormat;

/** The dataset syntaxes a dump is written in: both keep the named graphs. */
public enum DumpFormat {
    NQUADS("application/n-quads", "nq", RDFFormat.NQUADS),
    TRIG("application/trig", "trig", RDFFormat.TRIG_BLOCKS);

    private final String mediaType;
    private final String extension;
    private final RDFFormat rdfFormat;

    DumpFormat(String mediaType, String extension, RDFFormat rdfFormat) {
        this.mediaType = mediaType;
        this.extension = extension;
        this.rdfFormat = rdfFormat;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** A streaming format: Jena writes each quad as it comes, so a dump never holds the store in memory. */
    RDFFormat rdfFormat() {
        return rdfFormat;
    }

    /** "nquads", "nq", "trig" or a media type. */
    public static Optional<DumpFormat> named(String name) {
        String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (DumpFormat format : values()) {
            if (key.equals(format.name().toLowerCase(Locale.ROOT)) || key.equals(format.extension)
                    || key.equals(format.mediaType) || key.equals("n-quads") && format == NQUADS) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
