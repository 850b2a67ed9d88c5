package org.innograph.web;

import java.util.ArrayList;
import java.util.List;

/** A horizontal bar chart laid out for SVG on the server, so the page needs no charting script. */
record BarChart(String title, int width, int height, int labelWidth, List<Bar> bars) {

    private static final int ROW = 22;
    private static final int LABEL_WIDTH = 300;
    private static final int LABEL_CHARACTERS = 44;
    private static final int PLOT_WIDTH = 420;

    /** @param shortLabel the label cut to fit beside the bar; the full one is the bar's tooltip */
    record Bar(String label, String shortLabel, String href, long count, int y, int length) {
    }

    record Entry(String label, String href, long count) {
    }

    static BarChart of(String title, List<Entry> entries) {
        long max = entries.stream().mapToLong(Entry::count).max().orElse(1);
        List<Bar> bars = new ArrayList<>();
        int y = 0;
        for (Entry entry : entries) {
            int length = (int) Math.max(2, Math.round((double) entry.count() / max * PLOT_WIDTH));
            bars.add(new Bar(entry.label(), shorten(entry.label()), entry.href(), entry.count(), y, length));
            y += ROW;
        }
        return new BarChart(title, LABEL_WIDTH + PLOT_WIDTH + 50, Math.max(ROW, y), LABEL_WIDTH, bars);
    }

    private static String shorten(String label) {
        return label.length() <= LABEL_CHARACTERS ? label : label.substring(0, LABEL_CHARACTERS - 1) + "…";
    }
}
