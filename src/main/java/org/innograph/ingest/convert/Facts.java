package org.innograph.ingest.convert;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;

/** Adds a statement only when the source gives a value: an unknown value stays absent, never an empty string. */
final class Facts {
    /**
     * http(s) URLs, and the scheme-less "github.com/owner/repo" the scoreboard notes use, stopping at characters an
     * IRI may not hold.
     */
    static final Pattern URL = Pattern.compile("(?:https?://|(?<![\\w./])github\\.com/)[^\\s;,\"()<>{}|\\\\^`]+");

    private Facts() {}

    /** Human-language text of our English sources and notes: tagged "en" (no untagged text in the graph). */
    static void text(Resource s, Property p, String value) {
        text(s, p, value, "en");
    }

    /** A code or identifier (notation, ISO code, currency): a plain string, not language text. */
    static void code(Resource s, Property p, String value) {
        if (!value.isBlank()) s.addProperty(p, value.trim());
    }

    static void text(Resource s, Property p, String value, String lang) {
        if (!value.isBlank()) s.addProperty(p, value.trim(), lang);
    }

    static void typed(Resource s, Property p, String value, XSDDatatype type) {
        if (!value.isBlank()) s.addLiteral(p, s.getModel().createTypedLiteral(value.trim(), type));
    }

    static void iri(Resource s, Property p, String iri) {
        if (!iri.isBlank()) s.addProperty(p, s.getModel().createResource(iri.trim()));
    }

    /** Every http(s) URL in a free-text source cell ("url1; url2 (note)"). */
    static List<String> urls(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = URL.matcher(text);
        while (m.find()) {
            String url = m.group().replaceAll("[.]+$", "");
            out.add(url.startsWith("http") ? url : "https://" + url);
        }
        return out;
    }

    static void sources(Resource s, Property p, String text, PersonNames names) {
        for (String url : urls(text)) if (names.allows(url)) iri(s, p, url);
    }
}
