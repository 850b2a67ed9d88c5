package org.innograph.ingest.convert;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Finds the EU authority country IRI for the two-letter codes the sources use. NUTS and the scoreboards write EL for
 * Greece and UK for the United Kingdom (the NUTS country code); other sources use ISO alpha-2.
 */
final class CountryIndex {
    private final Map<String, String> byNutsCode = new TreeMap<>();
    private final Map<String, String> byIso2 = new TreeMap<>();
    private final Map<String, String> codeByIso3 = new TreeMap<>();

    CountryIndex(CsvTable countries) {
        for (var row : countries.rows()) {
            String uri = CsvTable.get(row, "uri");
            String nuts = CsvTable.get(row, "nuts_country_code");
            String iso2 = CsvTable.get(row, "iso_alpha2");
            if (!nuts.isEmpty()) byNutsCode.put(nuts, uri);
            if (!iso2.isEmpty()) byIso2.put(iso2, uri);
            String iso3 = CsvTable.get(row, "iso_alpha3");
            if (!iso3.isEmpty() && !(nuts + iso2).isEmpty()) codeByIso3.put(iso3, nuts.isEmpty() ? iso2 : nuts);
        }
    }

    Optional<String> iri(String twoLetterCode) {
        String c = twoLetterCode.trim();
        if (byNutsCode.containsKey(c)) return Optional.of(byNutsCode.get(c));
        return Optional.ofNullable(byIso2.get(c));
    }

    /** The two-letter code the other sources use (NUTS country code, else ISO alpha-2) for an ISO alpha-3 code. */
    String twoLetterCode(String iso3, String context) {
        String code = codeByIso3.get(iso3.trim());
        if (code == null) throw new IllegalArgumentException("unknown ISO alpha-3 country code '" + iso3 + "' in " + context);
        return code;
    }

    String require(String code, String context) {
        return iri(code).orElseThrow(() -> new IllegalArgumentException("unknown country code '" + code + "' in " + context));
    }
}
