package org.fondicasa.allocation.source;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.fondicasa.allocation.source.Sources2020.BARI_COFIN;
import static org.fondicasa.allocation.source.Sources2020.BARI_FIN_A;
import static org.fondicasa.allocation.source.Sources2020.BARI_FIN_B;
import static org.fondicasa.allocation.source.Sources2020.BARI_FIN_C;
import static org.fondicasa.allocation.source.Sources2020.ORDINARY_CALL;
import static org.fondicasa.allocation.source.Sources2020.euro;

/** What a call holds of its sources, in spending order, and what each source gets back. */
class CallHoldTest {

    /** The ordinary call spends the region's Fin_c first, then the municipality's COFIN. */
    private static CallHold ordinaryCallHolding(String finC, String cofin) {
        return new CallHold(ORDINARY_CALL, List.of(
                new CallHold.Line(1, BARI_COFIN, euro(cofin)),
                new CallHold.Line(0, BARI_FIN_C, euro(finC))));
    }

    @Test
    void linesAreKeptInSpendingOrderWhateverOrderTheyCameIn() {
        CallHold hold = ordinaryCallHolding("1000.00", "500.00");

        assertThat(hold.lines()).extracting(CallHold.Line::source).containsExactly(BARI_FIN_C, BARI_COFIN);
        assertThat(hold.held()).isEqualTo(150_000);
    }

    @Test
    void closingGivesBackPerSourceWhatGrantsDidNotReachInSpendingOrder() {
        CallHold hold = ordinaryCallHolding("1000.00", "500.00");

        assertThat(hold.unspentAtClosure(euro("1200.00"))).containsExactly(entry(BARI_COFIN, 30_000L));
        assertThat(hold.unspentAtClosure(euro("600.00"))).containsExactly(entry(BARI_FIN_C, 40_000L), entry(BARI_COFIN, 50_000L));
        assertThat(hold.unspentAtClosure(euro("1000.00"))).containsExactly(entry(BARI_COFIN, 50_000L));
    }

    @Test
    void aCallWithNothingCommittedGivesEverythingBack() {
        assertThat(ordinaryCallHolding("1000.00", "500.00").unspentAtClosure(0))
                .containsExactly(entry(BARI_FIN_C, 100_000L), entry(BARI_COFIN, 50_000L));
    }

    @Test
    void aCallThatSpentItsWholeBudgetOrMoreOfItsOwnMoneyGivesNothingBack() {
        CallHold hold = ordinaryCallHolding("1000.00", "500.00");

        assertThat(hold.unspentAtClosure(euro("1500.00"))).isEmpty();
        assertThat(hold.unspentAtClosure(euro("1800.00"))).isEmpty();
    }

    @Test
    void aGrantRevokedAfterClosingGoesBackToTheSourceSpentLastFirst() {
        // after closing with € 1.200,00 committed: Fin_c holds € 1.000,00, COFIN € 200,00
        CallHold closed = ordinaryCallHolding("1000.00", "200.00");

        assertThat(closed.revokedAfterClosure(euro("150.00"))).containsExactly(entry(BARI_COFIN, 15_000L));
        assertThat(closed.revokedAfterClosure(euro("300.00"))).containsExactly(entry(BARI_COFIN, 20_000L), entry(BARI_FIN_C, 10_000L));
        assertThat(closed.revokedAfterClosure(euro("5000.00"))).containsExactly(entry(BARI_COFIN, 20_000L), entry(BARI_FIN_C, 100_000L));
    }

    @Test
    void whatACallCommittedIsAttributedToItsSourcesInSpendingOrder() {
        CallHold emergency = new CallHold(Sources2020.EMERGENCY_CALL, List.of(
                new CallHold.Line(0, BARI_FIN_A, euro("1000.00")), new CallHold.Line(1, BARI_FIN_B, euro("200.00"))));

        assertThat(emergency.committedBySource(euro("1100.01"))).containsExactly(entry(BARI_FIN_A, 100_000L), entry(BARI_FIN_B, 10_001L));
        assertThat(emergency.committedBySource(euro("999.99"))).containsExactly(entry(BARI_FIN_A, 99_999L), entry(BARI_FIN_B, 0L));
        assertThat(emergency.committedBySource(euro("2000.00"))).containsExactly(entry(BARI_FIN_A, 100_000L), entry(BARI_FIN_B, 20_000L));
    }

    @Test
    void aSourceThatGaveEverythingBackHoldsNothingAndGetsNothingMore() {
        CallHold hold = new CallHold(ORDINARY_CALL, List.of(
                new CallHold.Line(0, BARI_FIN_C, 0), new CallHold.Line(1, BARI_COFIN, euro("500.00"))));

        assertThat(hold.unspentAtClosure(0)).containsExactly(entry(BARI_COFIN, 50_000L));
        assertThat(hold.revokedAfterClosure(euro("600.00"))).containsExactly(entry(BARI_COFIN, 50_000L));
    }
}
