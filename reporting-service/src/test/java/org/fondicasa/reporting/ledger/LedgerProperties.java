package org.fondicasa.reporting.ledger;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.fondicasa.reporting.ledger.Ledger.Entry;
import org.fondicasa.reporting.ledger.Ledger.Kind;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The ledger's figures do not depend on the order events arrive in, nor on redeliveries: a replay gives the same. */
class LedgerProperties {

    @Provide
    Arbitrary<List<Entry>> streams() {
        Arbitrary<Entry> entry = Combinators.combine(Arbitraries.of(Kind.values()), Arbitraries.integers().between(0, 5),
                        Arbitraries.longs().between(0, 5_000_000), Arbitraries.longs().between(0, 1_000_000))
                .as((kind, revision, seconds, cents) -> new Entry(UUID.randomUUID().toString(), kind, revision,
                        Instant.ofEpochSecond(1_600_000_000L + seconds), cents));
        return entry.list().ofMaxSize(60);
    }

    @Property
    void redeliveredAndReorderedStreamsFoldToTheSameFigures(@ForAll("streams") List<Entry> stream, @ForAll long seed) {
        Random random = new Random(seed);
        List<Entry> delivered = new ArrayList<>(stream);
        for (Entry e : stream) {
            if (random.nextInt(3) == 0) {
                delivered.add(e); // at-least-once: some arrive twice
            }
        }
        Collections.shuffle(delivered, random);
        assertThat(Ledger.fold("072006", delivered)).isEqualTo(Ledger.fold("072006", stream));
    }

    @Property
    void aConsistentStreamBalances(@ForAll("consistent") List<Entry> stream) {
        Ledger.Line line = Ledger.fold("072006", stream);
        assertThat(line.differences()).isEmpty();
        assertThat(line.committed()).isNotNegative();
    }

    /** A share split into quotas, then grants, some revoked, some paid with part withheld, and savings within Fin_a moved to Fin_b. */
    @Provide
    Arbitrary<List<Entry>> consistent() {
        return Combinators.combine(Arbitraries.longs().between(0, 10_000_000), Arbitraries.longs().between(0, 1000),
                        Arbitraries.longs().between(0, 1000), Arbitraries.longs().between(0, 1000))
                .as((share, a, b, revokedShare) -> {
                    List<Entry> entries = new ArrayList<>();
                    Instant t = Instant.parse("2020-11-15T10:00:00Z");
                    long finA = share * a / 1000;
                    long finB = (share - finA) * b / 1000;
                    entries.add(entry(Kind.SHARE, 0, t, share));
                    entries.add(entry(Kind.FIN_A, 1, t, finA));
                    entries.add(entry(Kind.FIN_B, 1, t, finB));
                    entries.add(entry(Kind.FIN_C, 1, t, share - finA - finB));
                    long granted = finA;
                    long revoked = granted * revokedShare / 1000;
                    entries.add(entry(Kind.GRANTED, 0, t, granted));
                    entries.add(entry(Kind.REVOKED, 0, t, revoked));
                    long paid = (granted - revoked) / 2;
                    entries.add(entry(Kind.PAID, 0, t, paid));
                    entries.add(entry(Kind.WITHHELD, 0, t, (granted - revoked - paid) / 3));
                    // a move to Fin_b is recorded on both sides, under one event
                    String move = UUID.randomUUID().toString();
                    entries.add(new Entry(move, Kind.MOVED_TO_FIN_B, 0, t, revoked).of("Fin_a").causedBy(UUID.randomUUID().toString()));
                    entries.add(new Entry(move, Kind.MOVED_IN, 0, t, revoked).of("Fin_b"));
                    return entries;
                });
    }

    private static Entry entry(Kind kind, long revision, Instant at, long cents) {
        return new Entry(UUID.randomUUID().toString(), kind, revision, at, cents);
    }
}
