package org.fondicasa.reporting.ledger;

import org.fondicasa.platform.domain.DomainCore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A municipality's figures in a fund, folded from the ledger's entries. Declared figures (share, Fin_a/b/c, Fin_base,
 * QEmi, QSmine, COFIN, bonus) take the latest revision; flows (granted, revoked, paid, withheld, unspent, savings)
 * add up. Both are independent of the order the events arrived in, so a replay from the topics gives the same
 * figures. Amounts in cents.
 */
@DomainCore
public final class Ledger {

    public enum Kind {
        SHARE, FIN_A, FIN_B, FIN_C, FIN_BASE, QEMI, QSMINE, COFIN, BONUS,
        GRANTED, REVOKED, PAID, WITHHELD, UNSPENT, MOVED_TO_FIN_B, MOVED_TO_HOUSING_AGENCIES;

        /** Declared figures are replaced by later revisions; the others are flows that add up. */
        public boolean declared() {
            return ordinal() <= BONUS.ordinal();
        }
    }

    /** One figure from one event: revision orders declarations (then time, then event id, so ties are decided). */
    public record Entry(String eventId, Kind kind, long revision, Instant occurredAt, long cents) {
    }

    /** The folded figures; declared ones are empty until their event arrived. */
    public record Line(String istatCode, Map<Kind, Long> declared, Map<Kind, Long> flows, List<String> differences) {
        public Optional<Long> declared(Kind kind) {
            return Optional.ofNullable(declared.get(kind));
        }

        public long flow(Kind kind) {
            return flows.getOrDefault(kind, 0L);
        }

        /** Granted less revoked: what calls still owe or paid. */
        public long committed() {
            return flow(Kind.GRANTED) - flow(Kind.REVOKED);
        }

        public boolean balanced() {
            return differences.isEmpty();
        }
    }

    private static final Comparator<Entry> LATEST = Comparator.comparingLong(Entry::revision)
            .thenComparing(Entry::occurredAt).thenComparing(Entry::eventId);

    private Ledger() {
    }

    /** Folds one municipality's entries; a repeated (event, kind) counts once. */
    public static Line fold(String istatCode, List<Entry> entries) {
        Map<Kind, Entry> latest = new EnumMap<>(Kind.class);
        Map<Kind, Long> flows = new EnumMap<>(Kind.class);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Entry entry : entries) {
            if (!seen.add(entry.eventId() + "/" + entry.kind())) {
                continue;
            }
            if (entry.kind().declared()) {
                latest.merge(entry.kind(), entry, (a, b) -> LATEST.compare(a, b) >= 0 ? a : b);
            } else {
                flows.merge(entry.kind(), entry.cents(), Long::sum);
            }
        }
        Map<Kind, Long> declared = new EnumMap<>(Kind.class);
        latest.forEach((kind, entry) -> declared.put(kind, entry.cents()));
        return new Line(istatCode, declared, flows, differences(declared, flows));
    }

    /** What does not add up, in words an officer reads; empty when the municipality's figures balance. */
    private static List<String> differences(Map<Kind, Long> declared, Map<Kind, Long> flows) {
        List<String> differences = new ArrayList<>();
        Long share = declared.get(Kind.SHARE);
        if (share != null && declared.containsKey(Kind.FIN_A)) {
            long quotas = declared.get(Kind.FIN_A) + declared.getOrDefault(Kind.FIN_B, 0L) + declared.getOrDefault(Kind.FIN_C, 0L);
            if (quotas != share) {
                differences.add("Fin_a + Fin_b + Fin_c = " + cents(quotas) + " but the share is " + cents(share));
            }
        }
        long granted = flows.getOrDefault(Kind.GRANTED, 0L);
        long revoked = flows.getOrDefault(Kind.REVOKED, 0L);
        if (revoked > granted) {
            differences.add("revoked " + cents(revoked) + " is more than granted " + cents(granted));
        }
        long paidOut = flows.getOrDefault(Kind.PAID, 0L) + flows.getOrDefault(Kind.WITHHELD, 0L);
        if (paidOut > granted - revoked) {
            differences.add("paid and withheld " + cents(paidOut) + " are more than committed " + cents(granted - revoked));
        }
        long moved = flows.getOrDefault(Kind.MOVED_TO_FIN_B, 0L) + flows.getOrDefault(Kind.MOVED_TO_HOUSING_AGENCIES, 0L);
        if (share != null && moved > share) {
            differences.add("savings moved " + cents(moved) + " are more than the share " + cents(share));
        }
        return differences;
    }

    private static String cents(long cents) {
        return org.fondicasa.platform.money.Euro.format(cents);
    }
}
