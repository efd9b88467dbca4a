package org.fondicasa.reporting.ledger;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.fondicasa.reporting.ledger.Ledger.Entry;
import org.fondicasa.reporting.ledger.Ledger.Kind;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random interleavings of reservations, grants, revocations, payments, closures, reports and deadline moves, played by
 * the rules, keep every euro in exactly one place: the ledger, from the events alone, shows each source as the model
 * kept it, nothing negative, and no difference. And the check can fail: a double move, an over-release or a move
 * beyond what a source had always gives a named difference.
 */
class LedgerConservationProperties {

    record Step(int op, int call, int permille) {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        return Combinators.combine(Arbitraries.integers().between(0, 6), Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 1000)).as(Step::new).list().ofMaxSize(60);
    }

    private static MoneyLoopModel play(long finA, long finB, long finC, List<Step> steps) {
        MoneyLoopModel model = new MoneyLoopModel(finA, finB, finC);
        steps.forEach(s -> model.step(s.op(), s.call(), s.permille()));
        return model;
    }

    private static Ledger.Line fold(MoneyLoopModel model) {
        return Ledger.fold(MoneyLoopModel.FUND, null, "075016", model.entries);
    }

    @Property
    void moneyPlayedByTheRulesIsConservedInEverySource(@ForAll @LongRange(max = 10_000_000) long finA,
                                                       @ForAll @LongRange(max = 10_000_000) long finB,
                                                       @ForAll @LongRange(max = 10_000_000) long finC,
                                                       @ForAll("steps") List<Step> steps) {
        MoneyLoopModel model = play(finA, finB, finC, steps);
        Ledger.Line line = fold(model);

        assertThat(line.differences()).isEmpty();
        for (SourceFigures s : line.sources()) {
            MoneyLoopModel.Balance kept = model.balances.get(s.source());
            assertThat(s.allocated() + s.movedIn()).isEqualTo(s.reserved() + s.movedOutTotal() + s.available());
            assertThat(s.available()).as("available of %s", s.source()).isEqualTo(kept.available()).isNotNegative();
            assertThat(s.reserved()).isEqualTo(kept.reserved).isNotNegative();
            assertThat(s.movedIn()).isEqualTo(kept.movedIn);
            assertThat(s.movedOutTotal()).isEqualTo(kept.movedOut);
            assertThat(s.committed()).isNotNegative().isLessThanOrEqualTo(s.reserved());
            s.calls().forEach(c -> assertThat(c.reserved()).isNotNegative().isGreaterThanOrEqualTo(c.committed()));
        }
        Map<String, Long> heldByPlace = new java.util.TreeMap<>();
        line.sources().forEach(s -> s.calls().forEach(c -> heldByPlace.put(c.callId() + "@" + c.position(), c.reserved())));
        assertThat(heldByPlace).isEqualTo(model.heldByPlace());
        // the municipality's money: the share is reserved, gone to the housing agencies, or available
        long share = finA + finB + finC;
        assertThat(line.sources().stream().mapToLong(s -> s.reserved() + s.movedOut().get(SourceFigures.HOUSING_AGENCIES) + s.available()).sum())
                .isEqualTo(share);
    }

    @Property
    void theFiguresDoNotDependOnTheOrderOrRedeliveryOfTheEvents(@ForAll("steps") List<Step> steps, @ForAll long seed) {
        MoneyLoopModel model = play(500_000, 200_000, 300_000, steps);
        Random random = new Random(seed);
        List<Entry> delivered = new ArrayList<>(model.entries);
        model.entries.stream().filter(e -> random.nextInt(4) == 0).forEach(delivered::add);
        Collections.shuffle(delivered, random);

        assertThat(Ledger.fold(MoneyLoopModel.FUND, null, "075016", delivered)).isEqualTo(fold(model));
    }

    @Property
    void aSecondMoveForTheSameCauseIsNamed(@ForAll("steps") List<Step> steps, @ForAll @IntRange(max = 1_000) int cents) {
        MoneyLoopModel model = play(500_000, 200_000, 300_000, steps);
        String cause = model.entries.stream().filter(e -> Ledger.isMoveOut(e.kind())).map(e -> e.ref().cause()).findFirst().orElse(null);
        if (cause == null) {
            cause = model.event();
            toTheAgencies(model, cause, 0);
        }
        toTheAgencies(model, cause, cents);

        String named = "event " + cause + " moved savings 2 times";
        assertThat(fold(model).differences()).anyMatch(d -> d.startsWith(named));
    }

    private static void toTheAgencies(MoneyLoopModel model, String cause, long cents) {
        model.entries.add(new Entry(model.event(), MoneyLoopModel.FUND, Kind.MOVED_TO_HOUSING_AGENCIES, 0, Instant.EPOCH, cents,
                new Ledger.Ref("Fin_a", null, null, null, cause)));
    }

    @Property
    void aReleaseBeyondWhatTheCallHeldIsNamed(@ForAll("steps") List<Step> steps, @ForAll @IntRange(min = 1, max = 1_000) int beyond) {
        MoneyLoopModel model = play(500_000, 200_000, 300_000, steps);
        Map.Entry<String, String> holding = model.aHolding();
        String call = holding == null ? "00000000-0000-0000-0000-000000000009" : holding.getKey();
        String source = holding == null ? "Fin_a" : holding.getValue();
        model.entries.add(new Entry(model.event(), MoneyLoopModel.FUND, Kind.RELEASED, 0, Instant.EPOCH, model.held(call, source) + beyond,
                new Ledger.Ref(source, call, null, null, null)));

        assertThat(fold(model).differences()).anyMatch(d -> d.startsWith("call " + call + " released"));
    }

    @Property
    void savingsMovedBeyondWhatFinAHadAreNamed(@ForAll("steps") List<Step> steps, @ForAll @IntRange(min = 1, max = 1_000) int beyond) {
        MoneyLoopModel model = play(500_000, 200_000, 300_000, steps);
        model.move(SourceFigures.FIN_B, model.balances.get("Fin_a").available() + beyond, model.event());

        assertThat(fold(model).differences()).anyMatch(d -> d.startsWith("savings moved out of Fin_a"));
    }
}
