package org.fondicasa.platform.clock;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.List;

/**
 * The one clock of the service: every rule that depends on time reads it (instants in UTC, rules converted to
 * Europe/Rome where they apply). Tests and the local run ({@code local} profile) get a {@link MovableClock}; a
 * production deployment cannot, whatever its configuration says.
 */
@ApplicationScoped
public class ClockProducer {

    private static final Logger LOG = Logger.getLogger(ClockProducer.class);

    @Produces
    @Singleton
    Clock clock(@ConfigProperty(name = "fondicasa.clock.movable", defaultValue = "false") boolean movable) {
        Clock clock = choose(movable, LaunchMode.current(), ConfigUtils.getProfiles());
        if (clock instanceof MovableClock) {
            LOG.warn("The clock of this service can be moved forward (POST /clock/advance): tests and the local run only");
        }
        return clock;
    }

    /** The system clock, or a movable one where time may be moved: tests, dev mode, and a run with profile local. */
    static Clock choose(boolean movable, LaunchMode mode, List<String> profiles) {
        if (!movable) {
            return Clock.systemUTC();
        }
        if (mode == LaunchMode.NORMAL && !profiles.contains("local")) {
            throw new IllegalStateException("fondicasa.clock.movable is set in profile " + profiles
                    + ": only tests and the local run (profile local) may move time");
        }
        return new MovableClock(Clock.systemUTC());
    }
}
