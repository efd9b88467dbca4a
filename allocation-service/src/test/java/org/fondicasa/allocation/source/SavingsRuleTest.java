package org.fondicasa.allocation.source;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fondicasa.allocation.source.SourceBalance.Destination.FIN_B;
import static org.fondicasa.allocation.source.SourceBalance.Destination.HOUSING_AGENCIES;
import static org.fondicasa.allocation.source.Sources2020.BARI_COFIN;
import static org.fondicasa.allocation.source.Sources2020.BARI_FIN_A;
import static org.fondicasa.allocation.source.Sources2020.EMERGENCY_CALL;
import static org.fondicasa.allocation.source.Sources2020.ORDINARY_CALL;
import static org.fondicasa.allocation.source.Sources2020.apply;
import static org.fondicasa.allocation.source.Sources2020.declared;
import static org.fondicasa.allocation.source.Sources2020.euro;
import static org.fondicasa.allocation.source.Sources2020.release;
import static org.fondicasa.allocation.source.Sources2020.reserve;
import static org.fondicasa.allocation.source.Sources2020.reserveAll;

/**
 * Unspent Fin_a (DOMAIN §1.4): to Fin_b, or to the housing agencies once the report is missing. Bari has Fin_a
 * € 1.000,00, its emergency call reserved it all and committed € 600,00: exactly € 400,00 leaves Fin_a, whatever
 * arrives first of the closure, the report's unspent figure and the missing report.
 */
class SavingsRuleTest {

    private static final String DEADLINE = "31/01/2021 23:59:59 (Europe/Rome)";

    /** Fin_a reserved whole by the emergency call, which committed € 600,00 and is still open. */
    private static SourceBalance finAHeldByTheEmergencyCall() {
        return reserveAll(declared(BARI_FIN_A, "1000.00"), EMERGENCY_CALL);
    }

    /** The call closes having committed € 600,00: € 400,00 comes back and the rule moves it. */
    private static SourceBalance closeTheEmergencyCall(SourceBalance finA) {
        SourceBalance back = release(finA, EMERGENCY_CALL, "400.00");
        return SavingsRule.afterRelease(back, euro("400.00"), "call closed").map(move -> apply(back, move)).orElse(back);
    }

    private static SourceBalance reportMissing(SourceBalance finA) {
        SourceBalance forfeited = finA.forfeit();
        return SavingsRule.reportMissing(forfeited, DEADLINE).map(move -> apply(forfeited, move)).orElse(forfeited);
    }

    private static SourceBalance reportUnspent(SourceBalance finA, String unspent) {
        return SavingsRule.reportedUnspent(finA, euro(unspent), "report version 1").map(move -> apply(finA, move)).orElse(finA);
    }

    @Test
    void unspentFinAOfAClosedCallGoesToTheMunicipalitysFinB() {
        SourceBalance back = release(finAHeldByTheEmergencyCall(), EMERGENCY_CALL, "400.00");

        SavingsRule.Move move = SavingsRule.afterRelease(back, euro("400.00"), "call DD 12/2020 closed").orElseThrow();

        assertThat(move.destination()).isEqualTo(FIN_B);
        assertThat(move.cents()).isEqualTo(40_000);
        assertThat(move.reason()).isEqualTo("call DD 12/2020 closed: € 400,00 of unspent Fin_a goes to the municipality's Fin_b");
    }

    @Test
    void onlyWhatTheCallGaveBackMovesNotMoneyNoCallEverReserved() {
        SourceBalance finA = reserve(declared(BARI_FIN_A, "1000.00"), EMERGENCY_CALL, "700.00");
        SourceBalance back = release(finA, EMERGENCY_CALL, "100.00");

        assertThat(SavingsRule.afterRelease(back, euro("100.00"), "closed")).get()
                .extracting(SavingsRule.Move::cents).isEqualTo(10_000L);
    }

    @Test
    void otherSourcesKeepWhatComesBack() {
        SourceBalance cofin = release(reserveAll(declared(BARI_COFIN, "500.00"), ORDINARY_CALL), ORDINARY_CALL, "200.00");

        assertThat(SavingsRule.afterRelease(cofin, euro("200.00"), "closed")).isEmpty();
    }

    @Test
    void aMissingReportSendsEverythingAvailableToTheHousingAgencies() {
        SourceBalance finA = reserve(declared(BARI_FIN_A, "1000.00"), EMERGENCY_CALL, "600.00").forfeit();

        SavingsRule.Move move = SavingsRule.reportMissing(finA, DEADLINE).orElseThrow();

        assertThat(move.destination()).isEqualTo(HOUSING_AGENCIES);
        assertThat(move.cents()).isEqualTo(40_000);
        assertThat(move.reason()).isEqualTo("no report by the deadline " + DEADLINE
                + ": € 400,00 available goes ex officio to the housing agencies");
    }

    @Test
    void aMissingReportWithNothingAvailableMovesNothing() {
        assertThat(SavingsRule.reportMissing(finAHeldByTheEmergencyCall().forfeit(), DEADLINE)).isEmpty();
    }

    @Test
    void onceTheReportIsMissingMoneyComingBackGoesToTheHousingAgenciesToo() {
        SourceBalance back = release(finAHeldByTheEmergencyCall().forfeit(), EMERGENCY_CALL, "400.00");

        SavingsRule.Move move = SavingsRule.afterRelease(back, euro("400.00"), "call closed").orElseThrow();

        assertThat(move.destination()).isEqualTo(HOUSING_AGENCIES);
        assertThat(move.cents()).isEqualTo(40_000);
    }

    @Test
    void aWithdrawnReservationIsNoSavingAndStaysAvailable() {
        SourceBalance back = release(finAHeldByTheEmergencyCall(), EMERGENCY_CALL, "1000.00");

        assertThat(SavingsRule.afterWithdrawal(back, "call never opened")).isEmpty();
    }

    @Test
    void aReservationWithdrawnAfterTheReportWasMissingGoesToTheHousingAgencies() {
        SourceBalance back = release(finAHeldByTheEmergencyCall().forfeit(), EMERGENCY_CALL, "1000.00");

        SavingsRule.Move move = SavingsRule.afterWithdrawal(back, "call never opened").orElseThrow();

        assertThat(move.destination()).isEqualTo(HOUSING_AGENCIES);
        assertThat(move.cents()).isEqualTo(100_000);
    }

    @Test
    void aReportsUnspentFigureMovesOnlyWhatIsStillAvailable() {
        SourceBalance finA = reserve(declared(BARI_FIN_A, "1000.00"), EMERGENCY_CALL, "700.00");

        SavingsRule.Move move = SavingsRule.reportedUnspent(finA, euro("400.00"), "report version 2").orElseThrow();

        assertThat(move.destination()).isEqualTo(FIN_B);
        assertThat(move.cents()).isEqualTo(30_000);
        assertThat(move.reason()).isEqualTo("report version 2: € 300,00 of unspent Fin_a goes to the municipality's Fin_b"
                + " (of € 400,00 declared; the rest had already moved or is held by a call)");
        assertThat(SavingsRule.reportedUnspent(finAHeldByTheEmergencyCall(), euro("400.00"), "report version 1")).isEmpty();
    }

    @Test
    void missingReportThenClosureMovesFourHundredOnceToTheAgencies() {
        SourceBalance finA = closeTheEmergencyCall(reportMissing(finAHeldByTheEmergencyCall()));

        assertThat(finA.movedOut(HOUSING_AGENCIES)).isEqualTo(40_000);
        assertThat(finA.movedOut(FIN_B)).isZero();
        assertThat(finA.available()).isZero();
        assertThat(finA.heldBy(EMERGENCY_CALL)).isEqualTo(60_000);
    }

    @Test
    void closureThenMissingReportMovesFourHundredOnceToFinB() {
        SourceBalance finA = reportMissing(closeTheEmergencyCall(finAHeldByTheEmergencyCall()));

        assertThat(finA.movedOut(FIN_B)).isEqualTo(40_000);
        assertThat(finA.movedOut(HOUSING_AGENCIES)).isZero();
        assertThat(finA.available()).isZero();
    }

    @Test
    void reportDeclaringUnspentThenClosureMovesFourHundredOnce() {
        SourceBalance finA = closeTheEmergencyCall(reportUnspent(finAHeldByTheEmergencyCall(), "400.00"));

        assertThat(finA.movedOut()).isEqualTo(40_000);
        assertThat(finA.movedOut(FIN_B)).isEqualTo(40_000);
        assertThat(finA.available()).isZero();
    }

    @Test
    void closureThenReportDeclaringUnspentMovesFourHundredOnce() {
        SourceBalance finA = reportUnspent(closeTheEmergencyCall(finAHeldByTheEmergencyCall()), "400.00");

        assertThat(finA.movedOut()).isEqualTo(40_000);
        assertThat(finA.available()).isZero();
    }

    @Test
    void aLateReportAfterAMissingOneMovesNothingTheAgenciesAlreadyReceived() {
        SourceBalance finA = reportUnspent(reportMissing(closeTheEmergencyCall(finAHeldByTheEmergencyCall())), "400.00");
        SourceBalance partReserved = reportUnspent(reportMissing(reserve(declared(BARI_FIN_A, "1000.00"), EMERGENCY_CALL, "600.00")), "400.00");

        assertThat(finA.movedOut()).isEqualTo(40_000);
        assertThat(partReserved.movedOut(HOUSING_AGENCIES)).isEqualTo(40_000);
        assertThat(partReserved.movedOut(FIN_B)).isZero();
        assertThat(partReserved.available()).isZero();
    }
}
