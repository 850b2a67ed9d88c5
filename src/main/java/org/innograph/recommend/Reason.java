package org.innograph.recommend;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One part of a score, as data. {@code contribution} is what it adds to the score; the contributions of a result
 * add up to its score.
 *
 * @param kind         shared-theme, same-country, same-nuts-level, same-urban-type, same-mountain-type,
 *                     same-coastal-type, instrument-type, evidence-of-success or involves-clusters
 * @param theme        for shared-theme: the theme of the need; for instrument-type: the theme the type points to
 * @param themeLabel   its label
 * @param via          for shared-theme and instrument-type: the practice's (or peer's) own theme that matched
 * @param relation     for shared-theme: same, narrower or broader (the practice's theme relative to the need's)
 * @param tf           for shared-theme: how many of the need's practices have the theme (1 for a practice or a
 *                     list of themes)
 * @param idf          for shared-theme: the theme's rarity weight
 * @param value        for context features: the shared value (country IRI, NUTS level, typology code)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Reason(String kind, double contribution, String theme, String themeLabel, String via,
        String relation, Double tf, Double idf, String value) {

    static Reason feature(String kind, double contribution, String value) {
        return new Reason(kind, contribution, null, null, null, null, null, null, value);
    }
}
