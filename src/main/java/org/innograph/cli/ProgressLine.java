package org.innograph.cli;

import java.io.PrintWriter;
import java.util.Locale;

import org.innograph.backup.Progress;

/**
 * One line on stderr, redrawn in place: how many triples, how fast, how far and how long still to go.
 * Redrawn at most five times a second, so that drawing never slows the work down.
 */
final class ProgressLine implements Progress {

    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintWriter err;
    private final String label;
    private final long start = System.nanoTime();
    private long lastDrawn;
    private long count;

    ProgressLine(PrintWriter err, String label) {
        this.err = err;
        this.label = label;
    }

    @Override
    public void report(long count, double fraction) {
        this.count = count;
        long now = System.nanoTime();
        if (now - lastDrawn < REDRAW_NANOS) {
            return;
        }
        lastDrawn = now;
        double seconds = (now - start) / 1e9;
        StringBuilder line = new StringBuilder("\r").append(label).append(": ")
                .append(String.format(Locale.ROOT, "%,d triples  %,.0f triples/s", count, rate(count, seconds)));
        if (fraction > 0) {
            line.append(String.format(Locale.ROOT, "  %3.0f%%  ETA %s", fraction * 100,
                    duration(seconds * (1 - fraction) / fraction)));
        }
        err.print(line.append("   "));
        err.flush();
    }

    /** The closing line: the total and the average rate. */
    void finish() {
        double seconds = (System.nanoTime() - start) / 1e9;
        err.printf(Locale.ROOT, "\r%s: %,d triples in %.1f s (%,.0f triples/s)%s%n", label, count, seconds,
                rate(count, seconds), " ".repeat(20));
        err.flush();
    }

    private static double rate(long count, double seconds) {
        return seconds > 0 ? count / seconds : 0;
    }

    private static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
