package org.fondicasa.reporting.ledger;

import org.fondicasa.platform.domain.DomainCore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A municipality's figures in a fund, folded from the ledger's entries. Declared figures (share, Fin_a/b/c, Fin_base,
 * QEmi, QSmine, COFIN, bonus) take the latest revision; flows (granted, revoked, paid, withheld, unspent, savings,
 * reservations) add up. Both are independent of the order the events arrived in, so a replay from the topics gives
 * the same figures. Amounts in cents.
 * <p>
 * Each money source (fund, municipality, kind) gets its balance ({@link SourceFigures}); {@link LedgerDifferences}
 * says in words what does not add up.
 */
@DomainCore
public final class Ledger {

    public enum Kind {
        SHARE(true), FIN_A(true), FIN_B(true), FIN_C(true), FIN_BASE(true), QEMI(true), QSMINE(true), COFIN(true), BONUS(true),
        /** Fin_c as the ordinary call's form declared it: the quota fund's Fin_c under another name, never a second source. */
        ORDINARY_FIN_C(true),
        GRANTED, REVOKED, PAID, WITHHELD, UNSPENT, MOVED_TO_FIN_B, MOVED_TO_HOUSING_AGENCIES,
        /** The Fin_b side of a move to Fin_b: the same event as its MOVED_TO_FIN_B, the money arriving. */
        MOVED_IN,
        /** A call took money from a source (BudgetReserved) or gave it back (BudgetReleased). */
        RESERVED, RELEASED,
        /** A call's budget when it opened, and each top-up: what it holds beyond its reservations is its own money. */
        CALL_BUDGET;

        private final boolean declared;

        Kind() {
            this(false);
        }

        Kind(boolean declared) {
            this.declared = declared;
        }

        /** Declared figures are replaced by later revisions; the others are flows that add up. */
        public boolean declared() {
            return declared;
        }
    }

    /** What ties a figure to a money source, a call, and the event that caused a move; every part may be absent. */
    public record Ref(String source, String callId, Integer position, String callFundCode, String cause) {
        public static final Ref NONE = new Ref(null, null, null, null, null);
    }

    /**
     * One figure from one event: revision orders declarations (then time, then event id, so ties are decided). A
     * {@code fundCode} of null means the fund being folded.
     */
    public record Entry(String eventId, String fundCode, Kind kind, long revision, Instant occurredAt, long cents, Ref ref) {

        public Entry {
            ref = ref == null ? Ref.NONE : ref;
        }

        public Entry(String eventId, Kind kind, long revision, Instant occurredAt, long cents) {
            this(eventId, null, kind, revision, occurredAt, cents, Ref.NONE);
        }

        public Entry inFund(String fund) {
            return new Entry(eventId, fund, kind, revision, occurredAt, cents, ref);
        }

        public Entry of(String source) {
            return new Entry(eventId, fundCode, kind, revision, occurredAt, cents,
                    new Ref(source, ref.callId(), ref.position(), ref.callFundCode(), ref.cause()));
        }

        public Entry forCall(String callId) {
            return forCall(callId, ref.position());
        }

        public Entry forCall(String callId, Integer position) {
            return new Entry(eventId, fundCode, kind, revision, occurredAt, cents,
                    new Ref(ref.source(), callId, position, ref.callFundCode(), ref.cause()));
        }

        /** A reservation for a call of another fund (the ordinary call's Fin_c is the FINCOVID Fin_c). */
        public Entry forCallOf(String callFundCode) {
            return new Entry(eventId, fundCode, kind, revision, occurredAt, cents,
                    new Ref(ref.source(), ref.callId(), ref.position(), callFundCode, ref.cause()));
        }

        public Entry causedBy(String cause) {
            return new Entry(eventId, fundCode, kind, revision, occurredAt, cents,
                    new Ref(ref.source(), ref.callId(), ref.position(), ref.callFundCode(), cause));
        }
    }

    /** A source of a municipality's money: a fund and a kind by its legal name (Fin_a, Fin_base, COFIN...). */
    public record SourceKey(String fundCode, String source) {
        static final Comparator<SourceKey> ORDER = Comparator.comparing(SourceKey::fundCode, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(k -> SourceKind.order(k.source())).thenComparing(SourceKey::source);
    }

    /**
     * The folded figures of the fund's own entries (declared ones are empty until their event arrived), the balance of
     * every source the municipality's money in this fund touches, and what does not add up.
     *
     * @param unmovedClosures unspent money of closed calls per budget source, whose closure has not moved savings yet
     * @param causes          the events that caused savings to move (a closure, a report, a missing report)
     */
    public record Line(String istatCode, Map<Kind, Long> declared, Map<Kind, Long> flows, List<SourceFigures> sources,
                       Map<String, Long> unmovedClosures, Set<String> causes, List<String> differences) {

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

        public Optional<SourceFigures> source(String fundCode, String source) {
            return sources.stream().filter(s -> Objects.equals(s.fundCode(), fundCode) && s.source().equals(source)).findFirst();
        }

        /** Whether the event caused savings to move already. */
        public boolean moved(String causeEventId) {
            return causes.contains(causeEventId);
        }

        public boolean balanced() {
            return differences.isEmpty();
        }
    }

    private static final Comparator<Entry> LATEST = Comparator.comparingLong(Entry::revision)
            .thenComparing(Entry::occurredAt).thenComparing(Entry::eventId);

    private Ledger() {
    }

    /** Folds one municipality's entries of a single fund, with no link to a quota fund. */
    public static Line fold(String istatCode, List<Entry> entries) {
        return fold(null, null, istatCode, entries);
    }

    /**
     * Folds one municipality's entries in {@code fundCode}. The entries may include those of related funds (the quota
     * fund whose Fin_c feeds this fund's calls, the funds whose calls draw on this fund's Fin_c): their sources then
     * show the same figures whichever fund's ledger is read. A repeated (event, kind) counts once.
     *
     * @param quotaFund the fund whose quota Fin_c this fund's ordinary call uses, or null
     */
    public static Line fold(String fundCode, String quotaFund, String istatCode, List<Entry> entries) {
        List<Entry> once = once(fundCode, entries);
        Map<String, Map<Kind, Long>> declaredByFund = declaredByFund(once);
        Map<Kind, Long> declared = declaredByFund.getOrDefault(fundCode, Map.of());
        Map<Kind, Long> flows = new EnumMap<>(Kind.class);
        once.stream().filter(e -> Objects.equals(e.fundCode(), fundCode) && !e.kind().declared())
                .forEach(e -> flows.merge(e.kind(), e.cents(), Long::sum));
        Map<String, CallMoney> calls = CallMoney.of(once);
        List<SourceFigures> sources = SourceFigures.of(fundCode, quotaFund, once, declaredByFund, calls);
        Set<String> causes = causes(once, fundCode);
        Map<String, Long> unmovedClosures = new TreeMap<>();
        once.stream().filter(e -> Objects.equals(e.fundCode(), fundCode) && e.kind() == Kind.UNSPENT && e.ref().source() != null
                        && !causes.contains(e.eventId()))
                .forEach(e -> unmovedClosures.merge(e.ref().source(), e.cents(), Long::sum));
        Map<Kind, Long> declaredCopy = new EnumMap<>(Kind.class);
        declaredCopy.putAll(declared);
        List<String> differences = LedgerDifferences.of(fundCode, quotaFund, once, declaredByFund, flows, sources, calls);
        return new Line(istatCode, declaredCopy, flows, sources, unmovedClosures, causes, differences);
    }

    /** Redeliveries count once; an entry with no fund belongs to the fund being folded. */
    private static List<Entry> once(String fundCode, List<Entry> entries) {
        Set<String> seen = new HashSet<>();
        List<Entry> once = new ArrayList<>(entries.size());
        for (Entry entry : entries) {
            if (seen.add(entry.eventId() + "/" + entry.kind())) {
                once.add(entry.fundCode() == null ? entry.inFund(fundCode) : entry);
            }
        }
        // a stable order, so that whatever order the events arrived in, the figures and sentences come out the same
        once.sort(Comparator.comparing(Entry::eventId).thenComparing(Entry::kind));
        return once;
    }

    private static Map<String, Map<Kind, Long>> declaredByFund(List<Entry> entries) {
        Map<String, Map<Kind, Entry>> latest = new HashMap<>();
        for (Entry entry : entries) {
            if (entry.kind().declared()) {
                latest.computeIfAbsent(entry.fundCode(), f -> new EnumMap<>(Kind.class))
                        .merge(entry.kind(), entry, (a, b) -> LATEST.compare(a, b) >= 0 ? a : b);
            }
        }
        Map<String, Map<Kind, Long>> declared = new HashMap<>();
        latest.forEach((fund, byKind) -> {
            Map<Kind, Long> values = new EnumMap<>(Kind.class);
            byKind.forEach((kind, entry) -> values.put(kind, entry.cents()));
            declared.put(fund, values);
        });
        return declared;
    }

    private static Set<String> causes(List<Entry> entries, String fundCode) {
        Set<String> causes = new TreeSet<>();
        entries.stream().filter(e -> Objects.equals(e.fundCode(), fundCode) && isMoveOut(e.kind()) && e.ref().cause() != null)
                .forEach(e -> causes.add(e.ref().cause()));
        return causes;
    }

    static boolean isMoveOut(Kind kind) {
        return kind == Kind.MOVED_TO_FIN_B || kind == Kind.MOVED_TO_HOUSING_AGENCIES;
    }

    /** The destinations of savings as SavingsMoved names them. */
    static String destination(Kind kind) {
        return kind == Kind.MOVED_TO_FIN_B ? SourceFigures.FIN_B : SourceFigures.HOUSING_AGENCIES;
    }

    static Map<String, Long> destinations() {
        Map<String, Long> movedOut = new LinkedHashMap<>();
        movedOut.put(SourceFigures.FIN_B, 0L);
        movedOut.put(SourceFigures.HOUSING_AGENCIES, 0L);
        return movedOut;
    }
}
