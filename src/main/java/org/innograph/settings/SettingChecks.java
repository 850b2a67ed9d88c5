package org.innograph.settings;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;

import org.springframework.util.unit.DataSize;

/**
 * The checks every {@code innograph.*} settings record makes in its constructor, so that a value that cannot work
 * stops the service (and every command) at start-up with the property's name and what it may be, instead of
 * failing each request later (e.g. {@code max-concurrent-queries=0} answering every query 503). In the
 * constructor rather than with Bean Validation because the commands bind the same records without Spring's
 * context ({@code cli.Settings}).
 */
public final class SettingChecks {

    private SettingChecks() {
    }

    public static void atLeast(String property, long value, long min) {
        if (value < min) {
            throw invalid(property, value, "at least " + min);
        }
    }

    /** Zero allowed: for time limits and intervals where 0 means none. */
    public static void notNegative(String property, Duration value) {
        if (value == null || value.isNegative()) {
            throw invalid(property, value, "zero or more (e.g. 0s, 500ms, 30s)");
        }
    }

    public static void positive(String property, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw invalid(property, value, "more than zero (e.g. 500ms, 30s)");
        }
    }

    public static void positive(String property, DataSize value) {
        if (value == null || value.toBytes() <= 0) {
            throw invalid(property, value, "more than zero (e.g. 1MB)");
        }
    }

    /** Zero allowed: for sizes where 0 turns something off. */
    public static void notNegative(String property, DataSize value) {
        if (value == null || value.isNegative()) {
            throw invalid(property, value, "zero or more (e.g. 0B, 1MB)");
        }
    }

    /** A fraction in (0, 1]. */
    public static void fraction(String property, double value) {
        if (!(value > 0 && value <= 1)) {
            throw invalid(property, value, "more than 0 and at most 1 (e.g. 0.85)");
        }
    }

    /** An absolute http or https URL with a host. */
    public static void httpUrl(String property, String value) {
        URI parsed;
        try {
            parsed = value == null ? null : new URI(value);
        } catch (URISyntaxException e) {
            throw invalid(property, value, "an absolute http or https URL (" + e.getReason() + " at index "
                    + e.getIndex() + ")");
        }
        httpUrl(property, parsed);
    }

    /** An absolute http or https URL with a host. */
    public static void httpUrl(String property, URI value) {
        if (value == null || !value.isAbsolute() || value.getHost() == null
                || !("http".equalsIgnoreCase(value.getScheme()) || "https".equalsIgnoreCase(value.getScheme()))) {
            throw invalid(property, value, "an absolute http or https URL (e.g. http://localhost:3030/innograph/query)");
        }
    }

    /** Every entry of a list given, none empty. */
    public static void noBlankEntry(String property, List<?> values) {
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            if (value == null || value.toString().isBlank()) {
                throw new IllegalArgumentException(property + "[" + i + "] is empty: every entry must be given "
                        + "(remove the empty one)");
            }
        }
    }

    private static IllegalArgumentException invalid(String property, Object value, String allowed) {
        return new IllegalArgumentException(property + " must be " + allowed + ", not " + value);
    }
}
