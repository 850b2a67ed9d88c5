package org.innograph.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The kept answers stay within both bounds and are never given for another store version. */
class AnswerCacheTest {

    private static AnswerCache.Answer answer(int bytes) {
        return new AnswerCache.Answer(200, List.of(Map.entry("Content-Type", "text/csv")), new byte[bytes]);
    }

    @Test
    void keepsAtMostTheMaximumNumberOfAnswersDroppingTheLeastRecentlyUsed() {
        AnswerCache cache = new AnswerCache(2, 1_000_000);
        assertThat(cache.get("v1", "a")).isNull();
        cache.put("v1", "a", answer(10));
        cache.put("v1", "b", answer(10));
        assertThat(cache.get("v1", "a")).isNotNull();
        cache.put("v1", "c", answer(10));
        assertThat(cache.entries()).isEqualTo(2);
        assertThat(cache.get("v1", "b")).as("least recently used").isNull();
        assertThat(cache.get("v1", "a")).isNotNull();
        assertThat(cache.get("v1", "c")).isNotNull();
    }

    @Test
    void keepsAtMostTheMaximumBytesAndNoAnswerLargerThanThat() {
        AnswerCache cache = new AnswerCache(100, 10_000);
        cache.get("v1", "x");
        for (int i = 0; i < 10; i++) {
            cache.put("v1", "key" + i, answer(3_000));
        }
        assertThat(cache.bytes()).isLessThanOrEqualTo(10_000);
        assertThat(cache.entries()).isEqualTo(3);
        cache.put("v1", "huge", answer(20_000));
        assertThat(cache.get("v1", "huge")).isNull();
        assertThat(cache.get("v1", "key9")).isNotNull();
    }

    @Test
    void answersMadeAtAnotherVersionAreNeitherGivenNorKept() {
        AnswerCache cache = new AnswerCache(100, 1_000_000);
        cache.get("v1", "a");
        cache.put("v1", "a", answer(10));
        assertThat(cache.get("v2", "a")).as("after a write").isNull();
        assertThat(cache.entries()).isZero();
        cache.put("v1", "a", answer(10));
        assertThat(cache.get("v2", "a")).as("made before the write, finished after it").isNull();
        assertThat(cache.get("v1", "a")).isNull();
    }
}
