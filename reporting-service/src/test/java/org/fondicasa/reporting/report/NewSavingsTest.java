package org.fondicasa.reporting.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NewSavingsTest {

    @Test
    void aFirstReportDeclaresItsWholeUnspentFigure() {
        assertThat(NewSavings.of(60_000, 0, 0)).isEqualTo(60_000);
    }

    @Test
    void moneyTheHousingAgenciesReceivedIsNotDeclaredAgain() {
        assertThat(NewSavings.of(40_000, 40_000, 0)).isZero();
    }

    @Test
    void aClaimStillOnItsWayCountsAsMoved() {
        assertThat(NewSavings.of(40_000, 10_000, 30_000)).isZero();
        assertThat(NewSavings.of(50_000, 10_000, 30_000)).isEqualTo(10_000);
    }

    @Test
    void moreMovedThanReportedDeclaresNothingRatherThanANegativeFigure() {
        assertThat(NewSavings.of(10_000, 40_000, 0)).isZero();
    }
}
