package org.fondicasa.allocation.split;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Small splits checked by hand. */
class SplitTest {

    static final String BARI = "072006";
    static final String PULSANO = "073022";
    static final String BISCEGLIE = "110003";

    static SplitRules rules(long amount, long reserve, long minimum, SplitRules.PenaltyDestination destination) {
        return new SplitRules(amount, reserve, minimum, new BigDecimal("0.10"), destination, "DGR 1724/2020");
    }

    @Test
    void sevenParts() {
        // 100000 cents × 3/7 = 42857 + 1/7; × 1/7 = 14285 + 5/7: the one cent left goes to the largest remainder
        Split.Result r = Split.compute(rules(100_000, 0, 0, SplitRules.PenaltyDestination.REDISTRIBUTE),
                List.of(new Split.Need(BARI, 300), new Split.Need(BISCEGLIE, 300), new Split.Need(PULSANO, 100)), List.of());
        assertThat(r.shares()).extracting(Split.Share::istatCode, Split.Share::shareCents, Split.Share::remainderCent)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(BARI, 42_857L, false),
                        org.assertj.core.groups.Tuple.tuple(PULSANO, 14_286L, true),
                        org.assertj.core.groups.Tuple.tuple(BISCEGLIE, 42_857L, false));
        assertThat(r.allocatedCents()).isEqualTo(100_000);
        assertThat(r.residualCents()).isZero();
        assertThat(r.shares().get(1).explanation()).isEqualTo(
                "need € 1,00 of € 7,00 (municipalities in the split) × split amount € 1.000,00 = exact quota € 142,857143; "
                        + "largest remainder to the cent: € 142,85 + 1 remainder cent = € 142,86; share € 142,86 (DGR 1724/2020)");
    }

    @Test
    void tiesGoToTheLargerNeedThenTheLowerIstatCode() {
        // 100 cents in three equal parts: one cent left, equal remainders and needs: the lowest code gets it
        Split.Result r = Split.compute(rules(100, 0, 0, SplitRules.PenaltyDestination.REDISTRIBUTE),
                List.of(new Split.Need(BISCEGLIE, 5), new Split.Need(PULSANO, 5), new Split.Need(BARI, 5)), List.of());
        assertThat(r.shares()).extracting(Split.Share::shareCents).containsExactly(34L, 33L, 33L);
    }

    @Test
    void theBonusReserveIsSetAsideFirst() {
        Split.Result r = Split.compute(rules(1_000_000, 400_000, 0, SplitRules.PenaltyDestination.REDISTRIBUTE),
                List.of(new Split.Need(BARI, 1), new Split.Need(PULSANO, 1)), List.of());
        assertThat(r.splitAmountCents()).isEqualTo(600_000);
        assertThat(r.bonusReserveCents()).isEqualTo(400_000);
        assertThat(r.shares()).extracting(Split.Share::shareCents).containsExactly(300_000L, 300_000L);
    }

    @Test
    void belowTheMinimumIsExcludedAndTheSplitRepeats() {
        // Pulsano would get € 142,86 < € 150,00: excluded; Bari and Bisceglie share € 1.000,00 in halves
        Split.Result r = Split.compute(rules(100_000, 0, 15_000, SplitRules.PenaltyDestination.REDISTRIBUTE),
                List.of(new Split.Need(BARI, 300), new Split.Need(BISCEGLIE, 300), new Split.Need(PULSANO, 100)), List.of());
        assertThat(r.rounds()).isEqualTo(2);
        assertThat(r.shares()).extracting(Split.Share::shareCents).containsExactly(50_000L, 0L, 50_000L);
        Split.Share pulsano = r.shares().get(1);
        assertThat(pulsano.excluded()).isTrue();
        assertThat(pulsano.explanation()).isEqualTo("excluded in round 1: the share would be € 142,86, below the minimum "
                + "share of € 150,00 (DGR 1724/2020); the split was repeated among the others");
    }

    @Test
    void exclusionsCascade() {
        // round 1: 10/(10+6+4)=50,00 30,00 20,00 with minimum 25,00 → the 4 goes; round 2: 62,50 37,50 → both stay
        Split.Result r = Split.compute(rules(10_000, 0, 2_500, SplitRules.PenaltyDestination.REDISTRIBUTE),
                List.of(new Split.Need(BARI, 10), new Split.Need(BISCEGLIE, 6), new Split.Need(PULSANO, 4)), List.of());
        assertThat(r.shares()).extracting(Split.Share::shareCents).containsExactly(6_250L, 0L, 3_750L);
    }

    @Test
    void aPenaltyCutsTenPercentAndTheOthersShareIt() {
        // 500,00 each; Bari loses 50,00; Bisceglie and Pulsano (needs 1:1) get 25,00 each
        Split.Result r = Split.compute(rules(150_000, 0, 0, SplitRules.PenaltyDestination.REDISTRIBUTE),
                List.of(new Split.Need(BARI, 1), new Split.Need(BISCEGLIE, 1), new Split.Need(PULSANO, 1)),
                List.of(new Split.Penalty(BARI, "fund AFFITTI-2019: COFIN below 20% of Fin_base, high housing tension")));
        assertThat(r.shares()).extracting(Split.Share::shareCents).containsExactly(45_000L, 52_500L, 52_500L);
        assertThat(r.shares().get(0).penaltyCutCents()).isEqualTo(5_000);
        assertThat(r.shares().get(0).explanation()).contains("penalty 10% (fund AFFITTI-2019: COFIN below 20% of Fin_base, "
                + "high housing tension) cuts € 50,00, redistributed to the others");
        assertThat(r.allocatedCents()).isEqualTo(150_000);
    }

    @Test
    void penaltyMoneyCanGoToTheBonusReserve() {
        Split.Result r = Split.compute(rules(100_001, 0, 0, SplitRules.PenaltyDestination.BONUS_RESERVE),
                List.of(new Split.Need(BARI, 1)), List.of(new Split.Penalty(BARI, "test")));
        // 100001 × 10% = 10000,1 → 10000 half-up
        assertThat(r.shares().get(0).shareCents()).isEqualTo(90_001);
        assertThat(r.bonusReserveCents()).isEqualTo(10_000);
        assertThat(r.residualCents()).isZero();
    }

    @Test
    void theCutIsRoundedHalfUp() {
        Split.Result r = Split.compute(rules(105, 0, 0, SplitRules.PenaltyDestination.BONUS_RESERVE),
                List.of(new Split.Need(BARI, 1)), List.of(new Split.Penalty(BARI, "test")));
        assertThat(r.shares().get(0).penaltyCutCents()).isEqualTo(11); // 10,5 cents → 11
    }

    @Test
    void zeroNeedIsExcludedAndNobodyLeftMeansAResidual() {
        Split.Result r = Split.compute(rules(10_000, 0, 0, SplitRules.PenaltyDestination.REDISTRIBUTE),
                List.of(new Split.Need(BARI, 0)), List.of());
        assertThat(r.shares().get(0).excluded()).isTrue();
        assertThat(r.shares().get(0).explanation()).isEqualTo("excluded: no documented need");
        assertThat(r.residualCents()).isEqualTo(10_000);
    }

    @Test
    void duplicateOrNegativeNeedsAreRefused() {
        var rules = rules(100, 0, 0, SplitRules.PenaltyDestination.REDISTRIBUTE);
        assertThatThrownBy(() -> Split.compute(rules, List.of(new Split.Need(BARI, 1), new Split.Need(BARI, 2)), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Split.compute(rules, List.of(new Split.Need(BARI, -1)), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
