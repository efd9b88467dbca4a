package org.fondicasa.reporting.ledger;

import org.fondicasa.reporting.ledger.Ledger.Entry;
import org.fondicasa.reporting.ledger.Ledger.Kind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** One balance per money source, folded from events only, and the differences that name what does not add up. */
class LedgerSourcesTest {

    private static final Instant T = Instant.parse("2020-11-15T10:00:00Z");
    private static final String FUND = "FINCOVID-2020";
    private static final String ORDINARY = "AFFITTI-2019";
    private static final String CASARANO = "075016";
    private static final String CALL = "00000000-0000-0000-0000-00000000c411";
    private static final String OTHER_CALL = "00000000-0000-0000-0000-00000000c412";
    private static final String CLOSURE = "00000000-0000-0000-0000-0000000c1050";
    private static final String MISSING = "00000000-0000-0000-0000-00000000a155";

    private final List<Entry> entries = new ArrayList<>();
    private int events;

    private String event() {
        return "e%03d".formatted(++events);
    }

    private void quota(long share, long finA, long finB, long finC) {
        String e = event();
        entries.add(new Entry(e, Kind.SHARE, 0, T, share).inFund(FUND));
        entries.add(new Entry(e, Kind.FIN_A, 1, T, finA).inFund(FUND));
        entries.add(new Entry(e, Kind.FIN_B, 1, T, finB).inFund(FUND));
        entries.add(new Entry(e, Kind.FIN_C, 1, T, finC).inFund(FUND));
    }

    private void reserve(String fund, String source, String call, String callFund, int position, long cents) {
        entries.add(new Entry(event(), Kind.RESERVED, 0, T, cents).inFund(fund).of(source).forCall(call, position).forCallOf(callFund));
    }

    private void release(String fund, String source, String call, long cents) {
        entries.add(new Entry(event(), Kind.RELEASED, 0, T, cents).inFund(fund).of(source).forCall(call));
    }

    private void budget(String fund, String call, long cents) {
        entries.add(new Entry(event(), Kind.CALL_BUDGET, 0, T, cents).inFund(fund).forCall(call));
    }

    private void grant(String fund, String call, long cents) {
        entries.add(new Entry(event(), Kind.GRANTED, 0, T, cents).inFund(fund).forCall(call));
    }

    private void revoke(String fund, String call, long cents) {
        entries.add(new Entry(event(), Kind.REVOKED, 0, T, cents).inFund(fund).forCall(call));
    }

    /** SavingsMoved as the listener records it: out of its source and, to Fin_b, into Fin_b under the same event. */
    private String move(String from, String destination, long cents, String cause) {
        String e = event();
        boolean toFinB = SourceFigures.FIN_B.equals(destination);
        entries.add(new Entry(e, toFinB ? Kind.MOVED_TO_FIN_B : Kind.MOVED_TO_HOUSING_AGENCIES, 0, T, cents).inFund(FUND).of(from).causedBy(cause));
        if (toFinB) {
            entries.add(new Entry(e, Kind.MOVED_IN, 0, T, cents).inFund(FUND).of("Fin_b").causedBy(cause));
        }
        return e;
    }

    private Ledger.Line line() {
        return Ledger.fold(FUND, null, CASARANO, entries);
    }

    private static SourceFigures source(Ledger.Line line, String fund, String source) {
        return line.source(fund, source).orElseThrow();
    }

    @Test
    void aCallsGrantsAreAttributedToItsSourcesInSpendingOrder() {
        entries.add(new Entry(event(), Kind.FIN_BASE, 1, T, 100_000).inFund(ORDINARY));
        entries.add(new Entry(event(), Kind.COFIN, 1, T, 50_000).inFund(ORDINARY));
        reserve(ORDINARY, "COFIN", CALL, ORDINARY, 2, 50_000);
        reserve(ORDINARY, "Fin_base", CALL, ORDINARY, 1, 100_000);
        budget(ORDINARY, CALL, 150_000);
        grant(ORDINARY, CALL, 130_000);

        Ledger.Line line = Ledger.fold(ORDINARY, null, CASARANO, entries);
        SourceFigures finBase = source(line, ORDINARY, "Fin_base");
        SourceFigures cofin = source(line, ORDINARY, "COFIN");
        assertThat(finBase.committed()).isEqualTo(100_000);
        assertThat(finBase.freeInCalls()).isZero();
        assertThat(cofin.committed()).isEqualTo(30_000);
        assertThat(cofin.freeInCalls()).isEqualTo(20_000);
        assertThat(cofin.available()).isZero();
        assertThat(cofin.calls()).containsExactly(new SourceFigures.CallShare(CALL, 2, 50_000, 30_000));
        assertThat(line.sources()).extracting(SourceFigures::source).containsExactly("Fin_base", "COFIN");
        assertThat(line.differences()).isEmpty();
    }

    /** A top-up of Fin_a after COFIN is another place in the order: grants reach it only after COFIN, as allocation-service's do. */
    @Test
    void aTopUpOfASourceAlreadyInTheBudgetIsItsOwnPlaceInTheSpendingOrder() {
        quota(300_000, 150_000, 100_000, 50_000);
        entries.add(new Entry(event(), Kind.COFIN, 1, T, 50_000).inFund(FUND));
        reserve(FUND, "Fin_a", CALL, FUND, 1, 100_000);
        reserve(FUND, "COFIN", CALL, FUND, 2, 50_000);
        reserve(FUND, "Fin_a", CALL, FUND, 3, 20_000);
        grant(FUND, CALL, 130_000);

        Ledger.Line open = line();
        assertThat(source(open, FUND, "Fin_a").committed()).isEqualTo(100_000);
        assertThat(source(open, FUND, "Fin_a").calls()).containsExactly(new SourceFigures.CallShare(CALL, 1, 100_000, 100_000),
                new SourceFigures.CallShare(CALL, 3, 20_000, 0));
        assertThat(source(open, FUND, "COFIN").committed()).isEqualTo(30_000);

        // closure gives back the end of the order: COFIN's € 200 and the top-up's € 200
        release(FUND, "COFIN", CALL, 20_000);
        release(FUND, "Fin_a", CALL, 20_000);
        Ledger.Line closed = line();
        assertThat(source(closed, FUND, "Fin_a").reserved()).isEqualTo(100_000);
        assertThat(source(closed, FUND, "Fin_a").committed()).isEqualTo(100_000);
        assertThat(source(closed, FUND, "COFIN").freeInCalls()).isZero();
        assertThat(closed.differences()).isEmpty();
    }

    @Test
    void aClosureReleasesTheUnspentFinAAndItsMoveToFinBAppearsOnBothSides() {
        quota(300_000, 100_000, 150_000, 50_000);
        reserve(FUND, "Fin_a", CALL, FUND, 1, 100_000);
        budget(FUND, CALL, 100_000);
        grant(FUND, CALL, 60_000);
        release(FUND, "Fin_a", CALL, 40_000);
        move("Fin_a", SourceFigures.FIN_B, 40_000, CLOSURE);

        Ledger.Line line = line();
        SourceFigures finA = source(line, FUND, "Fin_a");
        assertThat(finA.reserved()).isEqualTo(60_000);
        assertThat(finA.committed()).isEqualTo(60_000);
        assertThat(finA.movedOut()).isEqualTo(Map.of(SourceFigures.FIN_B, 40_000L, SourceFigures.HOUSING_AGENCIES, 0L));
        assertThat(finA.available()).isZero();
        SourceFigures finB = source(line, FUND, "Fin_b");
        assertThat(finB.movedIn()).isEqualTo(40_000);
        assertThat(finB.available()).isEqualTo(190_000);
        assertThat(line.moved(CLOSURE)).isTrue();
        assertThat(line.differences()).isEmpty();
    }

    /** The sequence: € 400 to the housing agencies at the deadline, then the same € 400 to Fin_b at closure. */
    @Test
    void moneyMovedTwiceByTwoCausesLeavesFinANegativeAndIsNamed() {
        quota(300_000, 100_000, 150_000, 50_000);
        reserve(FUND, "Fin_a", CALL, FUND, 1, 100_000);
        grant(FUND, CALL, 60_000);
        release(FUND, "Fin_a", CALL, 40_000);
        move("Fin_a", SourceFigures.HOUSING_AGENCIES, 40_000, MISSING);
        move("Fin_a", SourceFigures.FIN_B, 40_000, CLOSURE);

        Ledger.Line line = line();
        assertThat(source(line, FUND, "Fin_a").available()).isEqualTo(-40_000);
        assertThat(line.differences()).containsExactly("savings moved out of Fin_a € 800,00 are beyond the € 400,00 it had after"
                + " the calls' reservations (allocated € 1.000,00, moved in € 0,00, reserved € 600,00)");
    }

    @Test
    void twoMovesWithOneCauseAreTheSameMoneyTwice() {
        quota(300_000, 100_000, 150_000, 50_000);
        String first = move("Fin_a", SourceFigures.FIN_B, 10_000, CLOSURE);
        String second = move("Fin_a", SourceFigures.HOUSING_AGENCIES, 10_000, CLOSURE);

        assertThat(line().differences()).containsExactly("event " + CLOSURE + " moved savings 2 times: € 100,00 from Fin_a to Fin_b (event "
                + first + "), € 100,00 from Fin_a to the housing agencies (event " + second + ")");
    }

    @Test
    void aCallReleasingMoreThanItReservedIsNamed() {
        quota(300_000, 100_000, 150_000, 50_000);
        reserve(FUND, "Fin_a", CALL, FUND, 1, 40_000);
        release(FUND, "Fin_a", CALL, 30_000);
        release(FUND, "Fin_a", CALL, 30_000);

        assertThat(line().differences()).containsExactly(
                "call " + CALL + " released € 600,00 of Fin_a, more than the € 400,00 it reserved");
    }

    @Test
    void callsReservingMoreThanTheSourceReceivedAreNamed() {
        quota(300_000, 100_000, 150_000, 50_000);
        reserve(FUND, "Fin_a", CALL, FUND, 1, 100_000);
        reserve(FUND, "Fin_a", OTHER_CALL, FUND, 1, 100_000);

        assertThat(line().differences()).containsExactly("calls reserved € 2.000,00 of Fin_a, more than the € 1.000,00 it received");
    }

    @Test
    void aCallCommittingMoreThanItHoldsIsNamed() {
        quota(300_000, 100_000, 150_000, 50_000);
        reserve(FUND, "Fin_a", CALL, FUND, 1, 100_000);
        budget(FUND, CALL, 100_000);
        grant(FUND, CALL, 60_000);
        release(FUND, "Fin_a", CALL, 70_000);

        assertThat(line().differences()).containsExactly("call " + CALL + " committed € 600,00, more than the € 300,00 it holds");
    }

    @Test
    void aCallsOwnMoneyBeyondItsReservationsMayBeCommitted() {
        quota(300_000, 100_000, 150_000, 50_000);
        reserve(FUND, "Fin_a", CALL, FUND, 1, 100_000);
        budget(FUND, CALL, 130_000); // € 300 of municipal money besides Fin_a
        grant(FUND, CALL, 120_000);

        Ledger.Line line = line();
        assertThat(source(line, FUND, "Fin_a").committed()).isEqualTo(100_000);
        assertThat(line.differences()).isEmpty();
    }

    @Test
    void grantsOfACallThatReservedNothingAreNamed() {
        quota(300_000, 100_000, 150_000, 50_000);
        grant(FUND, CALL, 60_000);

        assertThat(line().differences()).containsExactly(
                "call " + CALL + " committed € 600,00 but holds nothing: it reserved no money from the fund's sources");
    }

    @Test
    void aCallRevokingMoreThanItGrantedIsNamed() {
        reserve(FUND, "Fin_a", CALL, FUND, 1, 0);
        grant(FUND, CALL, 10_000);
        revoke(FUND, CALL, 20_000);

        assertThat(line().differences()).contains("call " + CALL + ": revoked € 200,00 is more than granted € 100,00");
    }

    @Test
    void aMoveToFinBWithoutItsArrivalAndAnArrivalWithoutItsMoveAreNamed() {
        quota(300_000, 100_000, 150_000, 50_000);
        entries.add(new Entry("e-out", Kind.MOVED_TO_FIN_B, 0, T, 10_000).inFund(FUND).of("Fin_a").causedBy(CLOSURE));
        entries.add(new Entry("e-in", Kind.MOVED_IN, 0, T, 5_000).inFund(FUND).of("Fin_b").causedBy(MISSING));
        entries.add(new Entry("e-half", Kind.MOVED_TO_FIN_B, 0, T, 10_000).inFund(FUND).of("Fin_a").causedBy(OTHER_CALL));
        entries.add(new Entry("e-half", Kind.MOVED_IN, 0, T, 9_999).inFund(FUND).of("Fin_b").causedBy(OTHER_CALL));

        assertThat(line().differences()).containsExactly(
                "event e-half moved € 100,00 from Fin_a to Fin_b, but Fin_b received € 99,99",
                "event e-out moved € 100,00 from Fin_a to Fin_b, but Fin_b shows no money coming in",
                "Fin_b received € 50,00 (event e-in) that no source moved out");
    }

    @Test
    void theOrdinaryCallsFinCIsTheQuotaFundsFinCWithTheSameFiguresInBothLedgers() {
        quota(300_000, 100_000, 50_000, 150_000);
        entries.add(new Entry(event(), Kind.FIN_BASE, 1, T, 200_000).inFund(ORDINARY));
        entries.add(new Entry(event(), Kind.ORDINARY_FIN_C, 1, T, 150_000).inFund(ORDINARY));
        reserve(ORDINARY, "Fin_base", CALL, ORDINARY, 1, 200_000);
        reserve(FUND, "Fin_c", CALL, ORDINARY, 2, 150_000);
        budget(ORDINARY, CALL, 350_000);
        grant(ORDINARY, CALL, 250_000);

        Ledger.Line ordinary = Ledger.fold(ORDINARY, FUND, CASARANO, entries);
        Ledger.Line fincovid = Ledger.fold(FUND, null, CASARANO, entries);
        SourceFigures finC = source(ordinary, FUND, "Fin_c");
        assertThat(finC.allocated()).isEqualTo(150_000);
        assertThat(finC.committed()).isEqualTo(50_000);
        assertThat(source(fincovid, FUND, "Fin_c")).isEqualTo(finC);
        assertThat(ordinary.source(ORDINARY, "Fin_c")).as("no second Fin_c in the ordinary fund").isEmpty();
        assertThat(ordinary.differences()).isEmpty();
        assertThat(fincovid.differences()).isEmpty();
    }

    @Test
    void aDifferentFinCOnTheOrdinaryFormIsNamedWithBothFigures() {
        quota(300_000, 100_000, 50_000, 150_000);
        entries.add(new Entry(event(), Kind.ORDINARY_FIN_C, 1, T, 140_000).inFund(ORDINARY));

        assertThat(Ledger.fold(ORDINARY, FUND, CASARANO, entries).differences()).containsExactly("Fin_c declared for the ordinary call"
                + " is € 1.400,00, but the Fin_c of fund FINCOVID-2020's quota is € 1.500,00: they are the same money");
    }

    @Test
    void withoutAQuotaFundTheFormsFinCIsTheFundsOwnSource() {
        entries.add(new Entry(event(), Kind.ORDINARY_FIN_C, 1, T, 140_000).inFund(ORDINARY));

        Ledger.Line line = Ledger.fold(ORDINARY, null, CASARANO, entries);
        assertThat(source(line, ORDINARY, "Fin_c").allocated()).isEqualTo(140_000);
        assertThat(line.differences()).isEmpty();
    }

    @Test
    void aClosuresUnspentMoneyIsPendingUntilItsMoveArrives() {
        quota(300_000, 100_000, 150_000, 50_000);
        entries.add(new Entry(CLOSURE, Kind.UNSPENT, 0, T, 40_000).inFund(FUND).of("Fin_a").forCall(CALL));
        assertThat(line().unmovedClosures()).isEqualTo(Map.of("Fin_a", 40_000L));

        move("Fin_a", SourceFigures.FIN_B, 40_000, CLOSURE);
        assertThat(line().unmovedClosures()).isEmpty();
    }

    @Test
    void theFundKeepsItsResidualAndSharesBeyondItAreNamed() {
        Ledger.Line bari = Ledger.fold(FUND, null, "072006", List.of(new Entry("s1", Kind.SHARE, 0, T, 600_000).inFund(FUND),
                new Entry("q1", Kind.FIN_A, 1, T, 600_000).inFund(FUND)));
        Ledger.Line casarano = Ledger.fold(FUND, null, CASARANO, List.of(new Entry("s2", Kind.SHARE, 0, T, 300_000).inFund(FUND)));

        FundCheck fine = FundCheck.of(FUND, 1_146_289, List.of(bari, casarano));
        assertThat(fine.residual()).isEqualTo(246_289);
        assertThat(fine.totals().allocated()).isEqualTo(600_000);
        assertThat(fine.totals().available()).isEqualTo(600_000);
        assertThat(fine.differences()).isEmpty();

        assertThat(FundCheck.of(FUND, 800_000, List.of(bari, casarano)).differences()).containsExactly("fund FINCOVID-2020: the shares"
                + " (€ 9.000,00) and bonuses (€ 0,00) given to municipalities add up to € 9.000,00, more than the fund's € 8.000,00");
    }
}
