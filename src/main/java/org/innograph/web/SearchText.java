package org.innograph.web;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** How text becomes search terms: lower case, accents dropped ("Fundão" finds "Fundao"), stop words left out. */
final class SearchText {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Set<String> STOP_WORDS = Set.of("a", "an", "and", "are", "as", "at", "be", "by", "for",
            "from", "has", "in", "is", "it", "its", "of", "on", "or", "that", "the", "their", "this", "to", "was",
            "were", "which", "with");

    private SearchText() {
    }

    static List<String> terms(String text) {
        List<String> terms = new ArrayList<>();
        for (String word : SEPARATORS.split(fold(text))) {
            if (word.length() > 1 && !STOP_WORDS.contains(word)) {
                terms.add(word);
            }
        }
        return terms;
    }

    /** Lower case without diacritics, same length as the input for the usual Latin letters. */
    static String fold(String text) {
        return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
    }
}
