package org.innograph.ingest.convert;

import java.text.Normalizer;
import java.util.Locale;

/** Stable, readable IRI slugs: an IRI must not change when the converter runs again. */
final class Slugs {
    private static final int MAX = 80;

    private Slugs() {}

    static String of(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replace("&", " and ").replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX) {
            slug = slug.substring(0, MAX);
            int cut = slug.lastIndexOf('-');
            if (cut > 20) slug = slug.substring(0, cut);
        }
        return slug;
    }

    /** For comparing names with diacritics and separators removed (person-name screening). */
    static String fold(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").trim();
    }
}
