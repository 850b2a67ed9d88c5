package org.innograph.cache;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;

/**
 * The caching headers of one read. A reusable answer gets its strong validator, {@code Vary: Accept} (the
 * answer is negotiated) and its freshness: {@code public, no-cache} by default, so every reuse is revalidated
 * and no answer read after a write's acknowledgement misses that write; {@code public, max-age=N} if the
 * operator trades that for fewer requests. {@code Vary} has no {@code Authorization}: no read depends on who asks.
 */
final class ReadHeaders {

    /**
     * nginx does not keep {@code no-cache} answers at all; this header (which nginx reads before Cache-Control
     * and removes before the client sees it) has it keep the answer as already expired, so it revalidates on
     * every use, as the standard asks of {@code no-cache}. Other caches ignore it.
     */
    static final String NGINX_EXPIRES = "X-Accel-Expires";

    private final String etag;
    private final Duration maxAge;

    ReadHeaders(String etag, Duration maxAge) {
        this.etag = etag;
        this.maxAge = maxAge;
    }

    String etag() {
        return etag;
    }

    void reusable(HttpServletResponse response) {
        if (maxAge.isZero()) {
            response.setHeader(NGINX_EXPIRES, "@1");
            response.setHeader(HttpHeaders.CACHE_CONTROL, "public, no-cache");
        } else {
            response.setHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=" + maxAge.toSeconds());
        }
        response.setHeader(HttpHeaders.ETAG, etag);
        vary(response, HttpHeaders.ACCEPT);
    }

    void notModified(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
        reusable(response);
    }

    /** Errors, redirects and volatile answers: nobody keeps them. */
    static void notReusable(HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    /** Adds the field names to {@code Vary} unless already listed, so that no name is listed twice. */
    static void vary(ServletResponse servletResponse, String names) {
        HttpServletResponse response = (HttpServletResponse) servletResponse;
        List<String> listed = new ArrayList<>();
        for (String value : response.getHeaders(HttpHeaders.VARY)) {
            for (String name : value.split(",")) {
                listed.add(name.trim().toLowerCase(java.util.Locale.ROOT));
            }
        }
        for (String name : names.split(",")) {
            String trimmed = name.trim();
            if (!trimmed.isEmpty() && !listed.contains(trimmed.toLowerCase(java.util.Locale.ROOT))) {
                response.addHeader(HttpHeaders.VARY, trimmed);
                listed.add(trimmed.toLowerCase(java.util.Locale.ROOT));
            }
        }
    }
}
