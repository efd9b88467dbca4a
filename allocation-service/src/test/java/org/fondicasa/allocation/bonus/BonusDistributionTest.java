package org.fondicasa.allocation.bonus;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BonusDistributionTest {

    static final BigDecimal TWENTY_PERCENT = new BigDecimal("0.20");

    @Test
    void theReserveGoesProRataOnCofinToTheEntitledOnly() {
        BonusDistribution.Result r = BonusDistribution.compute(100_000, TWENTY_PERCENT, "DGR 1724/2020", List.of(
                new BonusDistribution.Candidate("072006", 1_000_000, 300_000, true, true),
                new BonusDistribution.Candidate("073022", 1_000_000, 182_000, true, true),
                new BonusDistribution.Candidate("075016", 100_000, 20_000, false, true),
                new BonusDistribution.Candidate("110003", 500_000, 100_000, true, true)));
        assertThat(r.lines()).extracting(BonusDistribution.Line::bonusCents).containsExactly(75_000L, 0L, 0L, 25_000L);
        assertThat(r.allocatedCents()).isEqualTo(100_000);
        assertThat(r.lines().get(1).explanation()).isEqualTo("not entitled: COFIN 18,2% of Fin_base < 20% (DGR 1724/2020)");
        assertThat(r.lines().get(2).explanation()).contains("deliberation was not sent");
        assertThat(r.lines().get(0).explanation()).startsWith("entitled: COFIN 30,0% of Fin_base ≥ 20%");
    }

    @Test
    void exactlyTheThresholdIsEnoughAndJustBelowIsNot() {
        BonusDistribution.Result r = BonusDistribution.compute(1_000, TWENTY_PERCENT, "act", List.of(
                new BonusDistribution.Candidate("072006", 1_000_000, 200_000, true, true),
                new BonusDistribution.Candidate("110003", 1_000_000, 199_999, true, true)));
        assertThat(r.lines()).extracting(BonusDistribution.Line::entitled).containsExactly(true, false);
        assertThat(r.lines().get(1).explanation()).contains("19,9%");
    }

    @Test
    void nobodyEntitledLeavesTheReserveAsResidual() {
        BonusDistribution.Result r = BonusDistribution.compute(5_000, TWENTY_PERCENT, "act", List.of(
                new BonusDistribution.Candidate("072006", 1_000, 0, true, true)));
        assertThat(r.residualCents()).isEqualTo(5_000);
        assertThat(r.lines().get(0).explanation()).isEqualTo("not entitled: no COFIN declared");
    }

    @Test
    void tiesGoToTheLargerCofinThenTheLowerCode() {
        BonusDistribution.Result r = BonusDistribution.compute(100, TWENTY_PERCENT, "act", List.of(
                new BonusDistribution.Candidate("110003", 100, 50, true, true),
                new BonusDistribution.Candidate("072006", 100, 50, true, true),
                new BonusDistribution.Candidate("073022", 100, 50, true, true)));
        assertThat(r.lines()).extracting(BonusDistribution.Line::bonusCents).containsExactly(34L, 33L, 33L);
    }
}
