package org.innograph.web;

import java.util.ArrayList;
import java.util.List;

/** A short piece of a text around the first word searched for, split so that matched words can be marked. */
record Snippet(List<Segment> segments) {

    private static final int WIDTH = 260;

    record Segment(String text, boolean match) {
    }

    String text() {
        StringBuilder text = new StringBuilder();
        segments.forEach(segment -> text.append(segment.text()));
        return text.toString();
    }

    static Snippet of(String text, List<String> words) {
        String folded = SearchText.fold(text);
        if (folded.length() != text.length()) {
            // Folding changed the length (rare letters): positions would not line up, so no marks.
            return new Snippet(List.of(new Segment(cut(text, 0), false)));
        }
        int first = -1;
        for (String word : words) {
            int at = folded.indexOf(word);
            if (at >= 0 && (first < 0 || at < first)) {
                first = at;
            }
        }
        int start = first < 0 ? 0 : Math.max(0, first - WIDTH / 3);
        int end = Math.min(text.length(), start + WIDTH);
        List<Segment> segments = new ArrayList<>();
        if (start > 0) {
            segments.add(new Segment("… ", false));
        }
        int position = start;
        while (position < end) {
            int nextAt = -1;
            String nextWord = null;
            for (String word : words) {
                int at = folded.indexOf(word, position);
                if (at >= 0 && at < end && (nextAt < 0 || at < nextAt)) {
                    nextAt = at;
                    nextWord = word;
                }
            }
            if (nextAt < 0) {
                segments.add(new Segment(text.substring(position, end), false));
                break;
            }
            if (nextAt > position) {
                segments.add(new Segment(text.substring(position, nextAt), false));
            }
            int matchEnd = Math.min(end, nextAt + nextWord.length());
            segments.add(new Segment(text.substring(nextAt, matchEnd), true));
            position = matchEnd;
        }
        if (end < text.length()) {
            segments.add(new Segment(" …", false));
        }
        return new Snippet(segments);
    }

    private static String cut(String text, int start) {
        return text.length() - start <= WIDTH ? text.substring(start) : text.substring(start, start + WIDTH) + " …";
    }
}
