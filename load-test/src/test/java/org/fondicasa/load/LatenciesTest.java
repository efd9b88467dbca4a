package org.fondicasa.load;

import org.junit.jupiter.api.Test;

import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class LatenciesTest {

    @Test
    void percentilesByNearestRank() {
        // 1..100 ms, shuffled
        long[] nanos = LongStream.rangeClosed(1, 100).map(i -> (i * 37 % 100 + 1) * 1_000_000L).toArray();
        Latencies l = new Latencies(nanos);
        assertThat(l.percentile(0.5)).isEqualTo(50_000_000L);
        assertThat(l.percentile(0.99)).isEqualTo(99_000_000L);
        assertThat(l.percentile(1.0)).isEqualTo(100_000_000L);
        assertThat(l.max()).isEqualTo(100_000_000L);
        assertThat(l.meanMillis()).isEqualTo(50.5);
    }

    @Test
    void theInputIsNotReordered() {
        long[] nanos = {3, 1, 2};
        new Latencies(nanos).percentile(0.5);
        assertThat(nanos).containsExactly(3, 1, 2);
    }

    @Test
    void noLatenciesNoPercentile() {
        assertThat(new Latencies(new long[0]).percentile(0.99)).isZero();
    }
}
