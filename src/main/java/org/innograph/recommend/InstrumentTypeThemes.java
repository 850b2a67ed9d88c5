package org.innograph.recommend;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.innograph.vocabulary.IG;

/**
 * What an instrument's type or name says about the practices that fit it: a word in the text points to a theme.
 * Instruments carry no themes of their own, only free text ("national SME grant scheme", "regional programme
 * (cluster policy)"), so this small table is the bridge. The stored queries for instruments and plans hold the
 * same table as a VALUES block.
 */
final class InstrumentTypeThemes {

    static final String THEME = IG.THEME;

    private record Entry(String word, String theme) {
    }

    private static final List<Entry> TABLE = List.of(
            new Entry("cluster", THEME + "cluster-policy"),
            new Entry("voucher", THEME + "public-funding-and-vouchers"),
            new Entry("grant", THEME + "public-funding-and-vouchers"),
            new Entry("call", THEME + "public-funding-and-vouchers"),
            new Entry("funding", THEME + "public-funding-and-vouchers"),
            new Entry("sme", THEME + "smes"),
            new Entry("digital", THEME + "digital-transformation"),
            new Entry("innovation", THEME + "innovation"),
            new Entry("research", THEME + "research-and-development"),
            new Entry("skill", THEME + "skills"));

    private InstrumentTypeThemes() {
    }

    /** The themes that the words of these texts (type, name) point to, in table order. */
    static Set<String> of(Iterable<String> texts) {
        Set<String> themes = new LinkedHashSet<>();
        for (String text : texts) {
            String lower = text.toLowerCase(Locale.ROOT);
            for (Entry entry : TABLE) {
                if (lower.contains(entry.word())) {
                    themes.add(entry.theme());
                }
            }
        }
        return themes;
    }
}
