package org.fondicasa.load;

import java.util.Arrays;

/** Percentiles of latencies in nanoseconds (nearest rank over a sorted copy: no interpolation, no histogram). */
final class Latencies {

    private final long[] sorted;

    Latencies(long[] nanos) {
        this.sorted = nanos.clone();
        Arrays.sort(this.sorted);
    }

    int count() {
        return sorted.length;
    }

    /** The smallest latency that at least {@code fraction} of the requests did not exceed; 0 when there is none. */
    long percentile(double fraction) {
        if (sorted.length == 0) {
            return 0;
        }
        if (fraction <= 0) {
            return sorted[0];
        }
        int rank = (int) Math.ceil(fraction * sorted.length);
        return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
    }

    long max() {
        return sorted.length == 0 ? 0 : sorted[sorted.length - 1];
    }

    double meanMillis() {
        if (sorted.length == 0) {
            return 0;
        }
        double sum = 0;
        for (long value : sorted) {
            sum += value;
        }
        return sum / sorted.length / 1e6;
    }

    static double millis(long nanos) {
        return nanos / 1e6;
    }
}
