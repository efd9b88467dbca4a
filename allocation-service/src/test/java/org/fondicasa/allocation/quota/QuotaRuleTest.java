package org.fondicasa.allocation.quota;

import org.fondicasa.platform.domain.RuleViolation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QuotaRuleTest {

    @Test
    void anExactSplitWithSomethingForTheAgenciesIsFine() {
        assertThat(QuotaRule.check(100_000, 60_000, 1, 39_999, "DGR 1724/2020")).isEmpty();
        assertThat(QuotaRule.check(100_000, 0, 100_000, 0, "DGR 1724/2020")).isEmpty();
    }

    @Test
    void everyBrokenRuleIsListed() {
        assertThat(QuotaRule.check(100_000, -1, 0, 100_000, "DGR 1724/2020"))
                .extracting(RuleViolation::field).containsExactly("finA", "finB", "$");
        assertThat(QuotaRule.check(100_000, 50_000, 10_000, 40_001, "DGR 1724/2020").get(0).message())
                .isEqualTo("Fin_a + Fin_b + Fin_c = € 1.000,01 but the share is € 1.000,00 (over by € 0,01)");
    }
}
