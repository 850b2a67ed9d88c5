package org.innograph.cache;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whole answers of reads, kept for the store version they were made at, bounded by count and by bytes (least
 * recently used go first). An answer is only ever given for the version it was stored under, so a write makes
 * every kept answer unreachable at once; they are then dropped on the next use.
 */
final class AnswerCache {

    /** What is replayed: a 200, or a 422 the store's content decided ({@link CachingResponse#answer}). */
    record Answer(int status, List<Map.Entry<String, String>> headers, byte[] body) {

        boolean isOk() {
            return status == 200;
        }

        long size(String key) {
            long size = 2L * key.length() + body.length + 64;
            for (Map.Entry<String, String> header : headers) {
                size += 2L * (header.getKey().length() + header.getValue().length());
            }
            return size;
        }
    }

    private record Kept(Answer answer, long size) {
    }

    private final int maxEntries;
    private final long maxBytes;
    private final LinkedHashMap<String, Kept> entries = new LinkedHashMap<>(256, 0.75f, true);
    private String version;
    private long bytes;

    AnswerCache(int maxEntries, long maxBytes) {
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
    }

    synchronized Answer get(String version, String key) {
        if (!version.equals(this.version)) {
            // The store changed since these answers were made: none of them may be given again.
            entries.clear();
            bytes = 0;
            this.version = version;
            return null;
        }
        Kept kept = entries.get(key);
        return kept == null ? null : kept.answer();
    }

    /** Keeps the answer if it was made at the version current now and fits. */
    synchronized void put(String version, String key, Answer answer) {
        long size = answer.size(key);
        if (!version.equals(this.version) || size > maxBytes || maxEntries == 0) {
            return;
        }
        Kept previous = entries.put(key, new Kept(answer, size));
        bytes += size - (previous == null ? 0 : previous.size());
        Iterator<Kept> oldest = entries.values().iterator();
        while ((entries.size() > maxEntries || bytes > maxBytes) && oldest.hasNext()) {
            bytes -= oldest.next().size();
            oldest.remove();
        }
    }

    synchronized int entries() {
        return entries.size();
    }

    synchronized long bytes() {
        return bytes;
    }
}
