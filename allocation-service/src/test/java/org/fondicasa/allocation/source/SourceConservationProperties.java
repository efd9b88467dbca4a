package org.fondicasa.allocation.source;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fondicasa.allocation.source.SourceBalance.Destination.FIN_B;
import static org.fondicasa.allocation.source.SourceBalance.Destination.HOUSING_AGENCIES;
import static org.fondicasa.allocation.source.Sources2020.BARI_COFIN;
import static org.fondicasa.allocation.source.Sources2020.BARI_FIN_A;
import static org.fondicasa.allocation.source.Sources2020.BARI_FIN_B;
import static org.fondicasa.allocation.source.Sources2020.BARI_FIN_C;
import static org.fondicasa.allocation.source.Sources2020.NOW;

/**
 * Random interleavings of what happens to a municipality's money, applied through the domain core the way
 * {@code ReservationService} (requests) and {@code MoneyEvents} (events) apply them: calls reserve all or part of
 * Bari's FINCOVID Fin_a / Fin_b / Fin_c and the ordinary fund's COFIN, top up, withdraw, open, grant, revoke before
 * and after closing, close; reports declare unspent Fin_a, or are missing at the deadline (and come late after);
 * the quota is revised. Refused requests are allowed outcomes; an event the core refuses is not (it would be
 * dead-lettered and its money lost). After every step no source is negative, every source and the municipality
 * as a whole balance to the cent, and no euro is both spent and moved, or moved twice.
 */
class SourceConservationProperties {

    static final List<SourceKey> SOURCES = List.of(BARI_FIN_A, BARI_FIN_B, BARI_FIN_C, BARI_COFIN);
    static final List<String> CALLS = List.of("c0000000-0000-0000-0000-000000000000", "c1111111-1111-1111-1111-111111111111",
            "c2222222-2222-2222-2222-222222222222", "c3333333-3333-3333-3333-333333333333");
    static final String DEADLINE = "31/01/2021 23:59:59 (Europe/Rome)";

    // ---- the municipality's money, as allocation-service keeps it ---------------------------------------------------

    enum State { HELD, OPEN, CLOSED, WITHDRAWN }

    /** A call's reservation (CallReservation): its state, what it committed, its sources' places in spending order. */
    static final class Call {
        final String id;
        State state = State.HELD;
        long committed;
        long heldAtClosure = -1;
        final Map<SourceKey, Integer> positions = new LinkedHashMap<>();

        Call(String id) {
            this.id = id;
        }
    }

    /** An event the core refused: allocation-service would dead-letter it. Never an acceptable outcome. */
    static final class DeadLetter extends RuntimeException {
        DeadLetter(String event, SourceBalance.Refused refused) {
            super(event + " would be dead-lettered: " + refused.getMessage(), refused);
        }
    }

    static final class Municipality {
        final long share; // Fin_a + Fin_b + Fin_c, the FINCOVID share
        final Map<SourceKey, SourceBalance> sources = new LinkedHashMap<>();
        final Map<String, Call> calls = new LinkedHashMap<>();
        int movesOfThisEvent;

        Municipality(Start start) {
            share = start.finA() + start.finB() + start.finC();
            sources.put(BARI_FIN_A, SourceBalance.empty(BARI_FIN_A, start.finA()));
            sources.put(BARI_FIN_B, SourceBalance.empty(BARI_FIN_B, start.finB()));
            sources.put(BARI_FIN_C, SourceBalance.empty(BARI_FIN_C, start.finC()));
            sources.put(BARI_COFIN, SourceBalance.empty(BARI_COFIN, start.cofin()));
        }

        /**
         * The call an action on call {@code index} means: once calls hold reservations, one of them (a story spends
         * its steps on calls that exist; a call with no reservation is exercised before the first one).
         */
        String target(int index) {
            if (calls.isEmpty()) {
                return CALLS.get(index);
            }
            List<String> ids = List.copyOf(calls.keySet());
            return ids.get(index % ids.size());
        }

        /** application-service grants on open calls: a grant goes to one of them, if any. */
        String openTarget(int index) {
            List<String> open = calls.values().stream().filter(c -> c.state == State.OPEN).map(c -> c.id).toList();
            return open.isEmpty() ? target(index) : open.get(index % open.size());
        }

        SourceBalance source(SourceKey key) {
            return sources.get(key);
        }

        /** Sources.hold: per source the call's position and what it still holds. */
        CallHold hold(Call call) {
            List<CallHold.Line> lines = new ArrayList<>();
            call.positions.forEach((key, position) -> lines.add(new CallHold.Line(position, key, source(key).heldBy(call.id))));
            return new CallHold(call.id, lines);
        }

        /** ReservationService.reserve: all lines or none; a line without amount takes everything available. */
        String reserve(String callId, List<Line> lines) {
            if (calls.containsKey(callId)) {
                return "same call again: 200, nothing reserved twice";
            }
            Map<SourceKey, SourceBalance> tentative = new LinkedHashMap<>(sources);
            Call call = new Call(callId);
            int position = 0;
            for (Line line : lines) {
                SourceBalance balance = tentative.get(line.source());
                if (line.cents() == null && balance.allocated() + balance.movedIn() == 0) {
                    continue;
                }
                try {
                    tentative.put(line.source(), balance.reserve(callId, line.cents(), "reserved", "DD 12/2020", NOW));
                } catch (SourceBalance.Refused refused) {
                    return "reservation refused (409)";
                }
                call.positions.put(line.source(), position++);
            }
            if (position == 0) {
                return "reservation refused: every source declared as zero (409)";
            }
            sources.putAll(tentative);
            calls.put(callId, call);
            return "reserved";
        }

        /** ReservationService.topUp. */
        String topUp(String callId, SourceKey key, long cents) {
            Call call = calls.get(callId);
            if (call == null) {
                return "top-up of no reservation (404)";
            }
            if (call.state == State.CLOSED || call.state == State.WITHDRAWN) {
                return "top-up of a " + call.state + " reservation (409)";
            }
            try {
                sources.put(key, source(key).reserve(callId, cents, "topped up", "DD 14/2020", NOW));
            } catch (SourceBalance.Refused refused) {
                return "top-up refused (409)";
            }
            call.positions.computeIfAbsent(key, k -> call.positions.values().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1);
            return "topped up";
        }

        /** ReservationService.withdraw: only a call never opened gives its reservation back. */
        String withdraw(String callId) {
            Call call = calls.get(callId);
            if (call == null) {
                return "withdrawal of no reservation (404)";
            }
            if (call.state == State.WITHDRAWN) {
                return "withdrawn again: nothing happens";
            }
            if (call.state != State.HELD) {
                return "withdrawal of an opened call (409)";
            }
            movesOfThisEvent = 0;
            for (CallHold.Line line : hold(call).lines()) {
                if (line.held() > 0) {
                    SourceBalance after = source(line.source()).release(callId, line.held(), "never opened", "DD 12/2020", NOW);
                    sources.put(line.source(), after);
                    move("withdrawal", after, SavingsRule.afterWithdrawal(after, "never opened"));
                }
            }
            call.state = State.WITHDRAWN;
            return "withdrawn";
        }

        /** MoneyEvents.callOpened. */
        String open(String callId) {
            Call call = calls.get(callId);
            if (call == null) {
                return "opened without reservation: nothing to do";
            }
            if (call.state == State.WITHDRAWN) {
                return "opened after withdrawal: dead-lettered on purpose, nothing moves";
            }
            if (call.state == State.HELD) {
                call.state = State.OPEN;
            }
            return "opened";
        }

        /**
         * MoneyEvents.granted. application-service grants on an open call only, within its budget; a call whose
         * budget also has the municipality's own money (not a source here) may commit beyond what it holds.
         */
        String grant(String callId, long cents, boolean ownMoneyToo) {
            Call call = calls.get(callId);
            if (call == null || call.state != State.OPEN) {
                return "no grant: the call is not open";
            }
            long amount = ownMoneyToo ? cents : Math.min(cents, hold(call).held() - call.committed);
            if (amount <= 0) {
                return "no grant: the call's budget is spent";
            }
            call.committed += amount;
            return ownMoneyToo ? "granted, maybe beyond the sources" : "granted";
        }

        /** MoneyEvents.revoked: before closing the money is free in the call again; after, it goes back. */
        String revoke(String callId, long amount) {
            Call call = calls.get(callId);
            if (call == null) {
                return "revocation on no reservation: nothing to do";
            }
            if (call.state != State.CLOSED) {
                call.committed = Math.max(0, call.committed - amount);
                return "revoked in an open call";
            }
            long cents = Math.min(amount, call.committed);
            CallHold hold = hold(call);
            long ownMoneySpent = Math.max(0, call.committed - hold.held());
            call.committed -= cents;
            giveBack(call, hold.revokedAfterClosure(Math.max(0, cents - ownMoneySpent)), "revocation of " + Sources2020.euroText(amount));
            return "revoked after closure";
        }

        /** MoneyEvents.closed: what the call held and did not spend goes back, then the savings rule, once. */
        String close(String callId) {
            Call call = calls.get(callId);
            if (call == null || call.state == State.CLOSED) {
                return "closed again or without reservation: nothing moves";
            }
            call.state = State.CLOSED;
            CallHold hold = hold(call);
            call.heldAtClosure = hold.held();
            giveBack(call, hold.unspentAtClosure(call.committed), "closure of " + callId);
            return "closed";
        }

        /** MoneyEvents.reportMissing: Fin_a is forfeited, what it has available goes to the housing agencies. */
        String reportMissing() {
            SourceBalance finA = source(BARI_FIN_A);
            if (finA.forfeited()) {
                return "missing again: nothing moves";
            }
            SourceBalance forfeited = finA.forfeit();
            sources.put(BARI_FIN_A, forfeited);
            movesOfThisEvent = 0;
            move("ReportMissing", forfeited, SavingsRule.reportMissing(forfeited, DEADLINE));
            return "report missing";
        }

        /** MoneyEvents.reportedUnspent: what Fin_a still has available of the declared figure moves to Fin_b. */
        String reportUnspent(long declared) {
            movesOfThisEvent = 0;
            SourceBalance finA = source(BARI_FIN_A);
            move("SavingsDeclared", finA, SavingsRule.reportedUnspent(finA, declared, "report"));
            return finA.forfeited() ? "late report after a missing one" : "report declaring unspent";
        }

        /**
         * QuotaService: a new Fin_a / Fin_b / Fin_c of the same share, refused when it does not cover what is in use.
         * Only before the report deadline: the quota deadline comes long before it.
         */
        String redeclare(long finA, long finC) {
            if (source(BARI_FIN_A).forfeited()) {
                return "no quota revision after the report deadline";
            }
            long finB = share - finA - finC;
            if (finB <= 0) {
                return "quota refused: Fin_b must be above zero (400)";
            }
            try {
                SourceBalance a = source(BARI_FIN_A).reallocate(finA);
                SourceBalance b = source(BARI_FIN_B).reallocate(finB);
                SourceBalance c = source(BARI_FIN_C).reallocate(finC);
                sources.put(BARI_FIN_A, a);
                sources.put(BARI_FIN_B, b);
                sources.put(BARI_FIN_C, c);
                return "quota revised";
            } catch (SourceBalance.Refused refused) {
                return "quota refused: source in use (409)";
            }
        }

        private void giveBack(Call call, Map<SourceKey, Long> back, String event) {
            movesOfThisEvent = 0;
            for (Map.Entry<SourceKey, Long> e : back.entrySet()) {
                SourceBalance after;
                try {
                    after = source(e.getKey()).release(call.id, e.getValue(), event, "DD 12/2020", NOW);
                } catch (SourceBalance.Refused refused) {
                    throw new DeadLetter(event, refused);
                }
                sources.put(e.getKey(), after);
                move(event, after, SavingsRule.afterRelease(after, e.getValue(), event));
            }
        }

        private void move(String event, SourceBalance from, Optional<SavingsRule.Move> move) {
            if (move.isEmpty()) {
                return;
            }
            // savings_movement is keyed by the event: a second move of one event would dead-letter it
            assertThat(++movesOfThisEvent).as("moves caused by %s", event).isEqualTo(1);
            SavingsRule.Move m = move.get();
            try {
                sources.put(from.key(), from.moveOut(m.destination(), m.cents(), m.reason(), "DGR 1724/2020", NOW));
            } catch (SourceBalance.Refused refused) {
                throw new DeadLetter(event, refused);
            }
            if (m.destination() == FIN_B) {
                sources.put(BARI_FIN_B, source(BARI_FIN_B).moveIn(m.cents(), m.reason(), "DGR 1724/2020", NOW));
            }
        }

        /** What the calls spent from the source, attributed as the balance view attributes it. */
        long committedFrom(SourceKey key) {
            return calls.values().stream().mapToLong(c -> hold(c).committedBySource(c.committed).getOrDefault(key, 0L)).sum();
        }

        /** The truth a correct report would declare: Fin_a not committed to anyone. */
        long unspentFinA() {
            return source(BARI_FIN_A).allocated() - committedFrom(BARI_FIN_A);
        }
    }

    // ---- what can happen ---------------------------------------------------------------------------------------------

    record Start(long finA, long finB, long finC, long cofin) {
    }

    record Line(SourceKey source, Long cents) {
        @Override
        public String toString() {
            return source.kind() + (cents == null ? " (all)" : " " + Sources2020.euroText(cents));
        }
    }

    interface Action {
        String applyTo(Municipality m);
    }

    record Reserve(int call, List<Line> lines) implements Action {
        public String applyTo(Municipality m) {
            return m.reserve(CALLS.get(call), lines);
        }
    }

    record TopUp(int call, SourceKey source, long cents) implements Action {
        public String applyTo(Municipality m) {
            return m.topUp(m.target(call), source, cents);
        }

        @Override
        public String toString() {
            return "TopUp[call=" + call + ", " + source.kind() + " " + Sources2020.euroText(cents) + "]";
        }
    }

    record Withdraw(int call) implements Action {
        public String applyTo(Municipality m) {
            return m.withdraw(m.target(call));
        }
    }

    record Open(int call) implements Action {
        public String applyTo(Municipality m) {
            return m.open(m.target(call));
        }
    }

    record Grant(int call, long cents, boolean ownMoneyToo) implements Action {
        public String applyTo(Municipality m) {
            return m.grant(m.openTarget(call), cents, ownMoneyToo);
        }
    }

    record Revoke(int call, long cents) implements Action {
        public String applyTo(Municipality m) {
            return m.revoke(m.target(call), cents);
        }
    }

    record Close(int call) implements Action {
        public String applyTo(Municipality m) {
            return m.close(m.target(call));
        }
    }

    record ReportUnspent(long cents) implements Action {
        public String applyTo(Municipality m) {
            return m.reportUnspent(cents);
        }
    }

    record ReportMissing() implements Action {
        public String applyTo(Municipality m) {
            return m.reportMissing();
        }
    }

    record Redeclare(long finA, long finC) implements Action {
        public String applyTo(Municipality m) {
            return m.redeclare(finA, finC);
        }
    }

    /** How the story ends: every call closes, then the report comes (with the true unspent figure) or is missing. */
    record Story(Start start, List<Action> actions, boolean reportComes) {
    }

    @Provide
    Arbitrary<Story> stories() {
        Arbitrary<Long> amount = Arbitraries.longs().between(1, 120_000);
        Arbitrary<Integer> call = Arbitraries.integers().between(0, CALLS.size() - 1);
        Arbitrary<Start> start = Combinators.combine(Arbitraries.longs().between(0, 100_000), Arbitraries.longs().between(1, 50_000),
                Arbitraries.longs().between(0, 50_000), Arbitraries.longs().between(0, 50_000)).as(Start::new);
        Arbitrary<Action> reserve = Combinators.combine(call, Arbitraries.shuffle(SOURCES), Arbitraries.integers().between(1, SOURCES.size()),
                amount.injectNull(0.5).list().ofSize(SOURCES.size())).as((c, order, n, cents) -> {
                    List<Line> lines = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        lines.add(new Line(order.get(i), cents.get(i)));
                    }
                    return new Reserve(c, lines);
                });
        Arbitrary<Action> topUp = Combinators.combine(call, Arbitraries.of(SOURCES), amount).as(TopUp::new);
        Arbitrary<Action> grant = Combinators.combine(call, amount, Arbitraries.of(false, false, false, true)).as(Grant::new);
        Arbitrary<Action> redeclare = Combinators.combine(Arbitraries.longs().between(0, 150_000), Arbitraries.longs().between(0, 50_000))
                .as(Redeclare::new);
        @SuppressWarnings("unchecked")
        Arbitrary<Action> action = Arbitraries.frequencyOf(
                Tuple.of(3, reserve),
                Tuple.of(2, topUp),
                Tuple.of(1, call.map(Withdraw::new)),
                Tuple.of(4, call.map(Open::new)),
                Tuple.of(6, grant),
                Tuple.of(2, Combinators.combine(call, amount).as(Revoke::new)),
                Tuple.of(2, call.map(Close::new)),
                Tuple.of(1, amount.map(ReportUnspent::new)),
                Tuple.of(1, Arbitraries.just(new ReportMissing())),
                Tuple.of(1, redeclare));
        return Combinators.combine(start, action.list().ofMinSize(1).ofMaxSize(40), Arbitraries.of(true, false)).as(Story::new);
    }

    @Property(tries = 3000)
    void noSourceGoesNegativeAndEveryEuroMovesOnce(@ForAll("stories") Story story) {
        Municipality bari = new Municipality(story.start());
        for (Action action : story.actions()) {
            String outcome = action.applyTo(bari);
            Statistics.label("outcome").collect(outcome);
            holdsAfter(bari, action);
        }
        // the story ends: every call closes with what it committed, then the report comes or is missing
        for (Call call : List.copyOf(bari.calls.values())) {
            if (call.state != State.WITHDRAWN) {
                bari.close(call.id);
                holdsAfter(bari, "the closure of " + call.id);
            }
        }
        long unspent = bari.unspentFinA();
        if (story.reportComes()) {
            bari.reportUnspent(unspent);
        } else {
            bari.reportMissing();
        }
        holdsAfter(bari, story.reportComes() ? "the final report" : "the deadline without report");

        SourceBalance finA = bari.source(BARI_FIN_A);
        assertThat(finA.available()).as("Fin_a left available once every call closed and the report came or was missing").isZero();
        assertThat(finA.movedOut()).as("Fin_a moved out: exactly what no call committed").isEqualTo(unspent);
        Statistics.label("Fin_a moved at the end").collect(finA.movedOut(HOUSING_AGENCIES) > 0 && finA.movedOut(FIN_B) > 0
                ? "to Fin_b and to the agencies" : finA.movedOut(HOUSING_AGENCIES) > 0 ? "to the agencies" : finA.movedOut(FIN_B) > 0
                ? "to Fin_b" : "nothing");
    }

    private static void holdsAfter(Municipality m, Object step) {
        String after = "after " + step;
        long allocated = 0;
        long reserved = 0;
        long available = 0;
        long toAgencies = 0;
        long toFinB = 0;
        for (SourceBalance s : m.sources.values()) {
            String source = s.key().kind() + " " + after;
            assertThat(s.available()).as("available of %s", source).isNotNegative();
            assertThat(s.holds().values()).as("calls' holds of %s", source).allSatisfy(held -> assertThat(held).isNotNegative());
            assertThat(s.differences()).as("differences of %s", source).isEmpty();
            assertThat(s.allocated() + s.movedIn()).as("allocated + moved in = reserved + moved out + available, %s", source)
                    .isEqualTo(s.reserved() + s.movedOut() + s.available());
            long heldByCalls = m.calls.values().stream().mapToLong(c -> m.hold(c).lines().stream()
                    .filter(l -> l.source().equals(s.key())).mapToLong(CallHold.Line::held).sum()).sum();
            assertThat(heldByCalls).as("what the calls hold of %s", source).isEqualTo(s.reserved());
            assertThat(m.committedFrom(s.key()) + s.movedOut()).as("committed + moved out of %s (no euro spent and moved)", source)
                    .isLessThanOrEqualTo(s.allocated() + s.movedIn());
            allocated += s.allocated();
            reserved += s.reserved();
            available += s.available();
            toAgencies += s.movedOut(HOUSING_AGENCIES);
            toFinB += s.movedOut(FIN_B);
        }
        SourceBalance finA = m.source(BARI_FIN_A);
        assertThat(toFinB).as("moved to Fin_b = Fin_b's moved in, %s", after).isEqualTo(m.source(BARI_FIN_B).movedIn());
        assertThat(allocated).as("the municipality's money = reserved + available + moved to the agencies, %s", after)
                .isEqualTo(reserved + available + toAgencies);
        assertThat(m.committedFrom(BARI_FIN_A) + finA.movedOut(FIN_B) + finA.movedOut(HOUSING_AGENCIES))
                .as("Fin_a committed + moved to Fin_b + moved to the agencies, %s", after).isLessThanOrEqualTo(finA.allocated());
        for (Call call : m.calls.values()) {
            long held = m.hold(call).held();
            if (call.state == State.CLOSED) {
                assertThat(held).as("a closed call holds exactly what it spent of its sources: call %s %s", call.id, after)
                        .isEqualTo(Math.min(call.committed, call.heldAtClosure));
            } else if (call.state == State.WITHDRAWN) {
                assertThat(held).as("a withdrawn call holds nothing: %s %s", call.id, after).isZero();
            }
        }
        if (finA.forfeited()) {
            assertThat(finA.available()).as("a forfeited Fin_a keeps nothing available, %s", after).isZero();
        }
    }

    @Property(generation = GenerationMode.EXHAUSTIVE)
    void theMoneyLoopMovesUnspentFinAOnceInEveryOrder(@ForAll("loops") List<Action> order) {
        // Fin_a € 1.000,00, the emergency call reserved it all and committed € 600,00
        Municipality bari = new Municipality(new Start(100_000, 30_000, 10_000, 0));
        bari.reserve(CALLS.get(0), List.of(new Line(BARI_FIN_A, null)));
        bari.open(CALLS.get(0));
        bari.grant(CALLS.get(0), 60_000, false);
        order.forEach(action -> {
            action.applyTo(bari);
            holdsAfter(bari, action);
        });
        SourceBalance finA = bari.source(BARI_FIN_A);
        long committed = bari.calls.get(CALLS.get(0)).committed;
        assertThat(committed).isIn(60_000L, 50_000L);
        assertThat(finA.movedOut()).as("moved out of Fin_a after %s", order).isEqualTo(100_000 - committed);
        assertThat(finA.available()).isZero();
    }

    @Provide
    Arbitrary<List<Action>> loops() {
        return Arbitraries.shuffle(new Close(0), new ReportMissing(), new ReportUnspent(40_000), new Revoke(0, 10_000), new Close(0),
                new ReportMissing());
    }
}
