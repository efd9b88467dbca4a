package org.fondicasa.platform.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that runs with the system clock and can be moved forward, never back: tests and the local demo reach a
 * call's closing or a report deadline without waiting for it. Deadlines that have passed stay passed, so moving it
 * cannot undo a decision. Plain Java; only {@link ClockProducer} decides where it may exist.
 */
public final class MovableClock extends Clock {

    private final Clock base;
    private final AtomicReference<Duration> offset;

    public MovableClock(Clock base) {
        this(base, new AtomicReference<>(Duration.ZERO));
    }

    private MovableClock(Clock base, AtomicReference<Duration> offset) {
        this.base = base;
        this.offset = offset;
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    /** The same moving time seen in another zone (moving either moves both). */
    @Override
    public Clock withZone(ZoneId zone) {
        return zone.equals(getZone()) ? this : new MovableClock(base.withZone(zone), offset);
    }

    /** How far ahead of the system clock this clock runs. */
    public Duration offset() {
        return offset.get();
    }

    public Instant advanceBy(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("time moves forward only; " + duration + " is negative");
        }
        Duration after = offset.updateAndGet(d -> d.plus(duration));
        return base.instant().plus(after);
    }

    /** Moves the clock so that it reads at least {@code target}; a target already passed leaves it as it is. */
    public Instant advanceTo(Instant target) {
        Duration after = offset.updateAndGet(d -> {
            Duration needed = Duration.between(base.instant(), target);
            return needed.compareTo(d) > 0 ? needed : d;
        });
        return base.instant().plus(after);
    }
}
