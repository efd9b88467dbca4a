package org.fondicasa.platform.clock;

import io.quarkus.runtime.LaunchMode;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClockProducerTest {

    @Test
    void production_runs_on_the_system_clock() {
        assertThat(ClockProducer.choose(false, LaunchMode.NORMAL, List.of("prod"))).isEqualTo(Clock.systemUTC());
    }

    @Test
    void a_production_deployment_cannot_move_time_whatever_its_configuration_says() {
        assertThatThrownBy(() -> ClockProducer.choose(true, LaunchMode.NORMAL, List.of("prod")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("only tests and the local run");
    }

    @Test
    void tests_and_the_local_run_may_move_it() {
        assertThat(ClockProducer.choose(true, LaunchMode.TEST, List.of("test"))).isInstanceOf(MovableClock.class);
        assertThat(ClockProducer.choose(true, LaunchMode.NORMAL, List.of("prod", "local"))).isInstanceOf(MovableClock.class);
    }
}
