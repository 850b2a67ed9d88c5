package org.innograph.sparql;

import java.util.List;
import java.util.Optional;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * Picks the representation to send from an Accept header with q-values (RFC 9110 §12.5.1): each offer gets
 * the q of the most specific range that matches it; the highest q wins, ties go to the server's order.
 */
public final class MediaTypeNegotiator {

    private MediaTypeNegotiator() {
    }

    /** The first offer is the default for an absent or unreadable Accept header. */
    public static Optional<MediaType> choose(String accept, List<MediaType> offers) {
        if (accept == null || accept.isBlank()) {
            return Optional.of(offers.get(0));
        }
        List<MediaType> ranges;
        try {
            ranges = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            return Optional.of(offers.get(0));
        }
        MediaType best = null;
        double bestQ = 0;
        for (MediaType offer : offers) {
            double q = qualityOf(offer, ranges);
            if (q > bestQ) {
                best = offer;
                bestQ = q;
            }
        }
        return Optional.ofNullable(best);
    }

    private static double qualityOf(MediaType offer, List<MediaType> ranges) {
        int bestSpecificity = -1;
        double q = 0;
        for (MediaType range : ranges) {
            if (!range.includes(offer)) {
                continue;
            }
            int specificity = range.isWildcardType() ? 0 : range.isWildcardSubtype() ? 1 : 2;
            if (specificity > bestSpecificity) {
                bestSpecificity = specificity;
                q = range.getQualityValue();
            }
        }
        return q;
    }
}
