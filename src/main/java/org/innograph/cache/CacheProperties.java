package org.innograph.cache;

import static org.innograph.settings.SettingChecks.atLeast;
import static org.innograph.settings.SettingChecks.notNegative;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code innograph.cache.*}: HTTP validators and freshness for every read, and the in-process answer cache.
 *
 * @param maxAge  how long HTTP caches (browsers, nginx, CDNs) may reuse an answer without asking again. 0 (the
 *                default) sends {@code no-cache}: caches keep the answer but revalidate it on every use, which
 *                costs a 304 from InnoGraph and guarantees that no answer read after a write's acknowledgement
 *                misses that write. N seconds sends {@code max-age=N}: fewer requests reach InnoGraph, and an
 *                answer may be up to N seconds older than the last write
 * @param answers the in-process cache of whole answers
 */
@ConfigurationProperties("innograph.cache")
public record CacheProperties(@DefaultValue("0s") Duration maxAge, @DefaultValue Answers answers) {

    public CacheProperties {
        notNegative("innograph.cache.max-age", maxAge);
    }

    /**
     * @param enabled       whether repeated reads are answered from memory
     * @param maxEntries    the most answers kept
     * @param maxBytes      the most bytes kept, answers and their request keys together
     * @param maxAnswerSize a larger answer is streamed to the client and not kept. 4 MB: at 100K practices the
     *                      answer of {@code learning-flows-between-countries} is 1.08 MB and takes 0.6–0.8 s to
     *                      work out, and under a 1 MB bound it was worked out again for every reader; a sixteenth
     *                      of {@code max-bytes}, so one large answer cannot crowd out many small ones
     */
    public record Answers(@DefaultValue("true") boolean enabled, @DefaultValue("10000") int maxEntries,
                          @DefaultValue("64MB") DataSize maxBytes, @DefaultValue("4MB") DataSize maxAnswerSize) {

        public Answers {
            atLeast("innograph.cache.answers.max-entries", maxEntries, 0);
            notNegative("innograph.cache.answers.max-bytes", maxBytes);
            notNegative("innograph.cache.answers.max-answer-size", maxAnswerSize);
        }
    }
}
