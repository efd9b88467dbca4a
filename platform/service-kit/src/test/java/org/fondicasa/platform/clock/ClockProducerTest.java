package org.fondicasa.platform.clock;

import io.quarkus.runtime.LaunchMode;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClockProducerTest {

    @Test
    void productionRunsOnTheSystemClock() {
        assertThat(ClockProducer.choose(false, LaunchMode.NORMAL, List.of("prod"))).isEqualTo(Clock.systemUTC());
    }

    @Test
    void aProductionDeploymentCannotMoveTimeWhateverItsConfigurationSays() {
        assertThatThrownBy(() -> ClockProducer.choose(true, LaunchMode.NORMAL, List.of("prod")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("only tests and the local run");
    }

    @Test
    void testsAndTheLocalRunMayMoveIt() {
        assertThat(ClockProducer.choose(true, LaunchMode.TEST, List.of("test"))).isInstanceOf(MovableClock.class);
        assertThat(ClockProducer.choose(true, LaunchMode.NORMAL, List.of("prod", "local"))).isInstanceOf(MovableClock.class);
    }
}
