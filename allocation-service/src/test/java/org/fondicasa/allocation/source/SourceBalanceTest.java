package org.fondicasa.allocation.source;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.fondicasa.allocation.source.SourceBalance.Destination.FIN_B;
import static org.fondicasa.allocation.source.SourceBalance.Destination.HOUSING_AGENCIES;
import static org.fondicasa.allocation.source.Sources2020.BARI_FIN_A;
import static org.fondicasa.allocation.source.Sources2020.BARI_FIN_B;
import static org.fondicasa.allocation.source.Sources2020.EMERGENCY_CALL;
import static org.fondicasa.allocation.source.Sources2020.NOW;
import static org.fondicasa.allocation.source.Sources2020.ORDINARY_CALL;
import static org.fondicasa.allocation.source.Sources2020.declared;
import static org.fondicasa.allocation.source.Sources2020.euro;
import static org.fondicasa.allocation.source.Sources2020.moveIn;
import static org.fondicasa.allocation.source.Sources2020.moveOut;
import static org.fondicasa.allocation.source.Sources2020.release;
import static org.fondicasa.allocation.source.Sources2020.reserve;
import static org.fondicasa.allocation.source.Sources2020.reserveAll;

/** One source's money: allocated + moved in = reserved + moved out + available, and nothing below zero. */
class SourceBalanceTest {

    @Test
    void aDeclaredSourceHasAllItsMoneyAvailable() {
        SourceBalance finA = declared(BARI_FIN_A, "1000.00");

        assertThat(finA.available()).isEqualTo(100_000);
        assertThat(finA.reserved()).isZero();
        assertThat(finA.movedOut()).isZero();
        assertThat(finA.differences()).isEmpty();
    }

    @Test
    void aCallNamingNoAmountReservesEverythingAvailable() {
        SourceBalance finA = reserveAll(declared(BARI_FIN_A, "1000.00"), EMERGENCY_CALL);

        assertThat(finA.reserved()).isEqualTo(100_000);
        assertThat(finA.heldBy(EMERGENCY_CALL)).isEqualTo(100_000);
        assertThat(finA.available()).isZero();
    }

    @Test
    void aCallReservingPartLeavesTheRestAvailableForAnother() {
        SourceBalance finA = reserve(declared(BARI_FIN_A, "1000.00"), EMERGENCY_CALL, "600.00");

        assertThat(finA.available()).isEqualTo(40_000);
        SourceBalance both = reserveAll(finA, ORDINARY_CALL);

        assertThat(both.heldBy(EMERGENCY_CALL)).isEqualTo(60_000);
        assertThat(both.heldBy(ORDINARY_CALL)).isEqualTo(40_000);
        assertThat(both.available()).isZero();
        assertThat(both.holds()).containsExactly(entry(EMERGENCY_CALL, 60_000L), entry(ORDINARY_CALL, 40_000L));
    }

    @Test
    void aSecondCallOnFinAThatIsAllTakenIsRefusedWithWhatIsAvailable() {
        SourceBalance finA = reserveAll(declared(BARI_FIN_A, "1000.00"), EMERGENCY_CALL);

        assertThatThrownBy(() -> reserveAll(finA, ORDINARY_CALL))
                .isInstanceOfSatisfying(SourceBalance.Refused.class, refused -> {
                    assertThat(refused.key()).isEqualTo(BARI_FIN_A);
                    assertThat(refused.available()).isZero();
                })
                .hasMessage("Fin_a of fund FINCOVID-2020 for municipality 072006 has € 0,00 available; nothing to reserve");
    }

    @Test
    void askingMoreThanIsAvailableIsRefusedAndChangesNothing() {
        SourceBalance finA = reserve(declared(BARI_FIN_A, "1000.00"), EMERGENCY_CALL, "600.00");

        assertThatThrownBy(() -> reserve(finA, ORDINARY_CALL, "400.01"))
                .isInstanceOfSatisfying(SourceBalance.Refused.class, refused -> {
                    assertThat(refused.available()).isEqualTo(40_000);
                    assertThat(refused.requested()).isEqualTo(40_001);
                })
                .hasMessageContaining("has € 400,00 available; the call asks € 400,01");
        assertThat(finA.available()).isEqualTo(40_000);
        assertThat(finA.movements()).hasSize(1);
    }

    @Test
    void reservingNothingIsRefused() {
        assertThatThrownBy(() -> declared(BARI_FIN_A, "1000.00").reserve(EMERGENCY_CALL, 0L, "r", "DD 12/2020", NOW))
                .isInstanceOf(SourceBalance.Refused.class);
        assertThatThrownBy(() -> declared(BARI_FIN_A, "0.00").reserve(EMERGENCY_CALL, null, "r", "DD 12/2020", NOW))
                .isInstanceOf(SourceBalance.Refused.class);
    }

    @Test
    void aClosingCallGivesBackWhatItDidNotSpend() {
        SourceBalance finA = release(reserveAll(declared(BARI_FIN_A, "1000.00"), EMERGENCY_CALL), EMERGENCY_CALL, "400.00");

        assertThat(finA.heldBy(EMERGENCY_CALL)).isEqualTo(60_000);
        assertThat(finA.reserved()).isEqualTo(60_000);
        assertThat(finA.available()).isEqualTo(40_000);
    }

    @Test
    void aCallCannotGiveBackMoreThanItHolds() {
        SourceBalance finA = reserve(reserve(declared(BARI_FIN_A, "1000.00"), EMERGENCY_CALL, "600.00"), ORDINARY_CALL, "400.00");

        assertThatThrownBy(() -> release(finA, EMERGENCY_CALL, "600.01"))
                .isInstanceOfSatisfying(SourceBalance.Refused.class, refused -> assertThat(refused.available()).isEqualTo(60_000))
                .hasMessageContaining("holds € 600,00").hasMessageContaining("cannot release € 600,01");
        assertThatThrownBy(() -> release(finA, "33333333-3333-3333-3333-333333333333", "0.01"))
                .isInstanceOf(SourceBalance.Refused.class);
    }

    @Test
    void savingsLeaveOnlyWhatIsAvailableAndAreCountedByDestination() {
        SourceBalance finA = release(reserveAll(declared(BARI_FIN_A, "1000.00"), EMERGENCY_CALL), EMERGENCY_CALL, "400.00");

        assertThatThrownBy(() -> moveOut(finA, FIN_B, "400.01"))
                .isInstanceOf(SourceBalance.Refused.class)
                .hasMessageContaining("has € 400,00 available; € 400,01 cannot move to FIN_B");
        SourceBalance moved = moveOut(moveOut(finA, FIN_B, "150.00"), HOUSING_AGENCIES, "250.00");

        assertThat(moved.movedOut(FIN_B)).isEqualTo(15_000);
        assertThat(moved.movedOut(HOUSING_AGENCIES)).isEqualTo(25_000);
        assertThat(moved.movedOut()).isEqualTo(40_000);
        assertThat(moved.available()).isZero();
        assertThatThrownBy(() -> moveOut(moved, HOUSING_AGENCIES, "0.01")).isInstanceOf(SourceBalance.Refused.class);
    }

    @Test
    void finBReceivesUnspentFinAAndCallsMayReserveIt() {
        SourceBalance finB = moveIn(declared(BARI_FIN_B, "300.00"), "400.00");

        assertThat(finB.movedIn()).isEqualTo(40_000);
        assertThat(finB.available()).isEqualTo(70_000);
        SourceBalance reserved = reserveAll(finB, ORDINARY_CALL);

        assertThat(reserved.heldBy(ORDINARY_CALL)).isEqualTo(70_000);
        assertThat(reserved.allocated() + reserved.movedIn()).isEqualTo(reserved.reserved() + reserved.movedOut() + reserved.available());
    }

    @Test
    void everyMovementBalancesToTheCent() {
        SourceBalance finA = declared(BARI_FIN_A, "1000.00");
        finA = reserve(finA, EMERGENCY_CALL, "600.00");
        finA = reserve(finA, ORDINARY_CALL, "333.33");
        finA = release(finA, EMERGENCY_CALL, "0.01");
        finA = moveOut(finA, FIN_B, "66.67");

        assertThat(finA.reserved()).isEqualTo(93_332);
        assertThat(finA.available()).isEqualTo(1);
        assertThat(finA.allocated() + finA.movedIn()).isEqualTo(finA.reserved() + finA.movedOut() + finA.available());
        assertThat(finA.differences()).isEmpty();
    }

    @Test
    void aMissingReportForfeitsTheSourceAndKeepsItsHistory() {
        SourceBalance finA = reserve(declared(BARI_FIN_A, "1000.00"), EMERGENCY_CALL, "600.00");
        SourceBalance forfeited = finA.forfeit();

        assertThat(forfeited.forfeited()).isTrue();
        assertThat(finA.forfeited()).isFalse();
        assertThat(forfeited.movements()).isEqualTo(finA.movements());
        assertThat(forfeited.available()).isEqualTo(40_000);
    }

    @Test
    void aNewDeclarationMustCoverWhatCallsAndSavingsAlreadyUse() {
        SourceBalance finA = moveOut(reserve(declared(BARI_FIN_A, "1000.00"), EMERGENCY_CALL, "600.00"), FIN_B, "100.00");

        assertThatThrownBy(() -> finA.reallocate(euro("699.99")))
                .isInstanceOf(SourceBalance.Refused.class)
                .hasMessage("Fin_a of fund FINCOVID-2020 for municipality 072006: calls and savings already use € 700,00;"
                        + " it cannot be declared as € 699,99");
        assertThat(finA.reallocate(euro("700.00")).available()).isZero();
        assertThat(finA.reallocate(euro("1200.00")).available()).isEqualTo(50_000);
    }

    @Test
    void moneyMovedInCountsForWhatARevisionMustCover() {
        SourceBalance finB = reserve(moveIn(declared(BARI_FIN_B, "300.00"), "400.00"), ORDINARY_CALL, "500.00");

        assertThat(finB.reallocate(euro("100.00")).available()).isZero();
        assertThatThrownBy(() -> finB.reallocate(euro("99.99"))).isInstanceOf(SourceBalance.Refused.class);
    }

    @Test
    void aLedgerThatSpentMoreThanTheSourceHadIsNamedAsADifference() {
        SourceBalance overspent = new SourceBalance(BARI_FIN_A, euro("1000.00"), List.of(
                new SourceBalance.Movement(SourceBalance.Type.RESERVED, euro("600.00"), EMERGENCY_CALL, null, "r", "DD 12/2020", NOW),
                new SourceBalance.Movement(SourceBalance.Type.MOVED_OUT, euro("400.00"), null, HOUSING_AGENCIES, "missing", "a", NOW),
                new SourceBalance.Movement(SourceBalance.Type.RELEASED, euro("700.00"), EMERGENCY_CALL, null, "closed", "a", NOW),
                new SourceBalance.Movement(SourceBalance.Type.MOVED_OUT, euro("800.00"), null, FIN_B, "closed", "a", NOW)), false);

        assertThat(overspent.available()).isEqualTo(-10_000);
        assertThat(overspent.differences()).containsExactly(
                "Fin_a of fund FINCOVID-2020 for municipality 072006: available is € -100,00 (allocated € 1.000,00 + moved in € 0,00"
                        + " − reserved € -100,00 − moved out € 1.200,00)",
                "Fin_a of fund FINCOVID-2020 for municipality 072006: call " + EMERGENCY_CALL + " released € 100,00 more than it reserved");
    }

    @Test
    void aMovementMovesMoney() {
        assertThatThrownBy(() -> new SourceBalance.Movement(SourceBalance.Type.MOVED_OUT, 0, null, FIN_B, "r", "a", NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> moveIn(declared(BARI_FIN_B, "300.00"), "0.00")).isInstanceOf(IllegalArgumentException.class);
    }
}
