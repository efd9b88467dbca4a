package org.fondicasa.platform.clock;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MovableClockTest {

    private static final Instant START = Instant.parse("2026-12-04T10:00:00Z");
    private final MovableClock clock = new MovableClock(Clock.fixed(START, ZoneOffset.UTC));

    @Test
    void runsWithItsBaseUntilMoved() {
        assertThat(clock.instant()).isEqualTo(START);
        assertThat(clock.offset()).isZero();
    }

    @Test
    void movesForwardByADurationAndToAnInstant() {
        assertThat(clock.advanceBy(Duration.ofMinutes(30))).isEqualTo(START.plusSeconds(1800));
        assertThat(clock.advanceTo(START.plusSeconds(7200))).isEqualTo(START.plusSeconds(7200));
        assertThat(clock.instant()).isEqualTo(START.plusSeconds(7200));
    }

    @Test
    void neverMovesBack() {
        clock.advanceBy(Duration.ofHours(1));
        assertThat(clock.advanceTo(START)).isEqualTo(START.plusSeconds(3600));
        assertThatThrownBy(() -> clock.advanceBy(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSameTimeSeenFromRomeMovesWithIt() {
        Clock rome = clock.withZone(ZoneId.of("Europe/Rome"));
        clock.advanceBy(Duration.ofDays(1));
        assertThat(rome.instant()).isEqualTo(START.plus(Duration.ofDays(1)));
        assertThat(rome.getZone()).isEqualTo(ZoneId.of("Europe/Rome"));
    }
}
