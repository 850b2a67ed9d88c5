package org.innograph.ingest.convert;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.TreeSet;

/**
 * Persons are not modelled (DESIGN.md). Sources mention a few people by name, some inside URLs; values that contain
 * a listed name are left out of the graph, and the converter reports each one. The list itself must not ship names,
 * so curation/person_names.sha256 holds the SHA-256 of each folded name, and every run of one to three words of a
 * value is hashed and looked up.
 */
public final class PersonNames {
    private static final int MAX_WORDS = 3;
    private final Set<String> hashes = new TreeSet<>();
    private final Set<String> dropped = new TreeSet<>();

    public PersonNames(Path file) {
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String h = line.strip();
                if (h.isEmpty() || h.startsWith("#")) continue;
                if (!h.matches("[0-9a-f]{64}")) throw new IllegalArgumentException(file + ": not a SHA-256 hex line: " + h);
                hashes.add(h);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when a run of one to three words of the value is a listed name. */
    public boolean namesAPerson(String value) {
        String[] words = Slugs.fold(value).split(" ");
        for (int i = 0; i < words.length; i++) {
            StringBuilder run = new StringBuilder();
            for (int n = 0; n < MAX_WORDS && i + n < words.length; n++) {
                if (n > 0) run.append(' ');
                run.append(words[i + n]);
                if (hashes.contains(sha256(run.toString()))) return true;
            }
        }
        return false;
    }

    /** True when the value names no listed person; a value that does is remembered for the converter's report. */
    boolean allows(String value) {
        if (!namesAPerson(value)) return true;
        dropped.add(value);
        return false;
    }

    /** No names at all (no list file): for importers run without the curation tables. */
    public static PersonNames none() {
        return new PersonNames();
    }

    private PersonNames() {}

    public boolean isEmpty() { return hashes.isEmpty(); }

    String clean(String value) {
        return allows(value) ? value : "";
    }

    Set<String> dropped() { return dropped; }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
