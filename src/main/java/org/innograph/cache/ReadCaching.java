package org.innograph.cache;

import java.io.IOException;
import java.util.Enumeration;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.innograph.store.GraphStore;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP caching for every read, in one place: SPARQL queries (GET and POST), stored-query answers, linked-data
 * pages, search and recommendations. Each answer gets a strong ETag made from the store's version and the
 * normalised request, so {@code If-None-Match} is answered with 304 before anything is evaluated; and a
 * repeated read is answered from {@link AnswerCache} without evaluating it. Both are keyed by the store's
 * version, which changes before a write is acknowledged, so no answer given after a write's acknowledgement
 * misses that write.
 *
 * <p>It runs after the security filters, so CORS and access rules apply to every request as before and their
 * headers are never part of a kept answer.
 */
@Component
class ReadCaching extends OncePerRequestFilter {

    /** A POST query body larger than this is answered but not kept (and the key would outweigh the answer). */
    private static final long MAX_KEYED_BODY = 256 * 1024;

    private final GraphStore store;
    private final List<AnswerSource> sources;
    private final CacheProperties properties;
    private final AnswerCache answers;
    private final Counter hits;
    private final Counter misses;
    private final Counter notModified;

    ReadCaching(GraphStore store, List<AnswerSource> sources, CacheProperties properties, MeterRegistry meters) {
        this.store = store;
        this.sources = sources;
        this.properties = properties;
        CacheProperties.Answers limits = properties.answers();
        this.answers = new AnswerCache(limits.enabled() ? limits.maxEntries() : 0, limits.maxBytes().toBytes());
        String name = "innograph.cache.reads";
        String description = "Reads by how they were answered: from kept answers, evaluated, or 304";
        this.hits = Counter.builder(name).tag("outcome", "kept").description(description).register(meters);
        this.misses = Counter.builder(name).tag("outcome", "evaluated").description(description).register(meters);
        this.notModified = Counter.builder(name).tag("outcome", "not-modified").description(description)
                .register(meters);
        Gauge.builder("innograph.cache.answers", answers, AnswerCache::entries)
                .description("Answers kept in memory").register(meters);
        Gauge.builder("innograph.cache.answers.bytes", answers, AnswerCache::bytes)
                .description("Bytes of the answers kept in memory").baseUnit("bytes").register(meters);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ReadRequest read = ReadRequest.of(request, MAX_KEYED_BODY);
        if (read == null || read.key() == null) {
            chain.doFilter(read == null ? request : read.request(), response);
            return;
        }
        // The version is taken before anything is read, so a kept answer is never older than it says.
        String version = version();
        ReadHeaders headers = new ReadHeaders(read.etag(version), properties.maxAge());
        Precondition precondition = Precondition.of(request, headers.etag());
        if (precondition == Precondition.MATCHES) {
            notModified.increment();
            headers.notModified(response);
            return;
        }
        AnswerCache.Answer kept = answers.get(version, read.key());
        if (kept != null) {
            hits.increment();
            if (precondition == Precondition.ANY && kept.isOk()) {
                headers.notModified(response);
            } else {
                replay(kept, headers, response, read.isHead());
            }
            return;
        }
        misses.increment();
        boolean keep = properties.answers().enabled() && !read.isHead();
        CachingResponse answer = new CachingResponse(response, () -> VolatileQueries.isMarked(request), headers,
                keep || precondition == Precondition.ANY ? properties.answers().maxAnswerSize().toBytes() : 0,
                precondition == Precondition.ANY);
        try {
            chain.doFilter(read.request(), answer);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!response.isCommitted()) {
                ReadHeaders.notReusable(response);
            }
            throw e;
        }
        answer.finish();
        AnswerCache.Answer made = answer.answer();
        if (keep && made != null) {
            answers.put(version, read.key(), made);
        }
    }

    /** The store's version and that of every other source answers are made from. */
    private String version() {
        StringBuilder version = new StringBuilder(store.version());
        for (AnswerSource source : sources) {
            version.append('|').append(source.version());
        }
        return version.toString();
    }

    private static void replay(AnswerCache.Answer kept, ReadHeaders headers, HttpServletResponse response,
                               boolean head) throws IOException {
        response.setStatus(kept.status());
        kept.headers().forEach(header -> {
            if (header.getKey().equals(HttpHeaders.CONTENT_TYPE)) {
                response.setContentType(header.getValue());
            } else {
                response.addHeader(header.getKey(), header.getValue());
            }
        });
        if (kept.isOk()) {
            headers.reusable(response);
        } else {
            ReadHeaders.notReusable(response);
        }
        response.setContentLength(kept.body().length);
        if (!head) {
            response.getOutputStream().write(kept.body());
        }
    }

    /** What {@code If-None-Match} asks (RFC 9110 §13.1.2: weak comparison, a list, or {@code *}). */
    private enum Precondition {
        NONE, MATCHES, ANY;

        static Precondition of(HttpServletRequest request, String etag) {
            boolean any = false;
            Enumeration<String> values = request.getHeaders(HttpHeaders.IF_NONE_MATCH);
            while (values.hasMoreElements()) {
                for (String tag : values.nextElement().split(",")) {
                    String trimmed = tag.trim();
                    if (trimmed.equals("*")) {
                        any = true;
                    } else if ((trimmed.startsWith("W/") ? trimmed.substring(2) : trimmed).equals(etag)) {
                        return MATCHES;
                    }
                }
            }
            return any ? ANY : NONE;
        }
    }
}
