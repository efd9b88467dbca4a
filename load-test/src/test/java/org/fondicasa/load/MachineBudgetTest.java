package org.fondicasa.load;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MachineBudgetTest {

    private static final int CORES = 2;

    @Test
    void the_budget_is_the_machine_shared_by_half_the_ceiling() {
        MachineBudget budget = new MachineBudget(CORES, 8000, List.of());

        // 2 cores for 4 000 applications a second: half a millisecond each
        assertThat(budget.budgetMs()).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void the_floor_adds_what_every_application_pays_and_leaves_out_the_rest() {
        MachineBudget budget = new MachineBudget(CORES, 8000, List.of(
                new MachineBudget.Part("ceiling, for scale", 8000, 0.96, false),
                new MachineBudget.Part("HTTP alone", 5000, 0.90, true),        // 0.36 ms each
                new MachineBudget.Part("write set batched", 10000, 0.95, true), // 0.19 ms each
                new MachineBudget.Part("intake", 2000, 0.80, false)));

        assertThat(budget.complete()).isTrue();
        assertThat(budget.parts().get(0).msEach(CORES)).isCloseTo(0.24, within(1e-9));
        assertThat(budget.floorMs()).isCloseTo(0.55, within(1e-9));
        // 2 cores / 0.55 ms = 3 636 a second, 0.45 × 8 000
        assertThat(budget.floorRatio()).isCloseTo(2 / 0.55 * 1000 / 8000, within(1e-9));
    }

    @Test
    void without_the_http_layer_alone_the_floor_is_not_complete() {
        MachineBudget budget = new MachineBudget(CORES, 8000, List.of(new MachineBudget.Part("write set batched", 10000, 0.95, true)));

        assertThat(budget.complete()).isFalse();
    }
}
