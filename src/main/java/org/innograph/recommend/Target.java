package org.innograph.recommend;

/**
 * A need resolved against the index: what to match and where it stands.
 *
 * @param kind       region, instrument, plan, themes or practice (for similar practices)
 * @param iri        the resource the need comes from (null for a list of themes)
 * @param profile    theme ids to match, sorted, no repeats
 * @param weights    per profile theme, how many of the need's practices have it (tf); 1 for a practice or themes
 * @param places     place ids of the target (for the regional context and the "exclude" option); empty for themes
 * @param countries  country ids of the target
 * @param typeThemes theme ids the target's instrument type points to; null when instrument type plays no part
 * @param excluded   practice ids never listed (the practice itself, the practices that already inspired a plan)
 */
public record Target(String kind, String iri, int[] profile, double[] weights, int[] places, int[] countries,
        int[] typeThemes, int[] excluded) {

    boolean hasContext() {
        return !kind.equals("themes");
    }
}
