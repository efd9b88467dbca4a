package org.fondicasa.reporting.ledger;

import org.fondicasa.platform.domain.DomainCore;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The balance of one money source (fund, municipality, kind), in cents:
 * {@code allocated + movedIn = reserved + movedOut + available}, where reserved (what calls hold) splits into
 * committed to beneficiaries and still free in the calls, and movedOut is every move by its destination.
 *
 * @param allocated the latest declaration of the source
 * @param reserved  what calls reserved less what they released
 * @param committed the calls' grants less revocations, attributed to this source in each call's spending order
 * @param movedOut  per destination: {@value #FIN_B} (the municipality's own Fin_b) and {@value #HOUSING_AGENCIES}
 * @param calls     what each call holds of the source and committed from it
 */
@DomainCore
public record SourceFigures(String fundCode, String source, long allocated, long movedIn, long reserved, long committed,
                            Map<String, Long> movedOut, List<CallShare> calls) {

    public static final String FIN_B = "FIN_B";
    public static final String HOUSING_AGENCIES = "HOUSING_AGENCIES";

    /** One call's part of a source. */
    public record CallShare(String callId, int position, long reserved, long committed) {
    }

    public long freeInCalls() {
        return reserved - committed;
    }

    public long movedOutTotal() {
        return movedOut.values().stream().mapToLong(Long::longValue).sum();
    }

    /** What is left to reserve or move: the remainder of the balance, never negative when the money was kept. */
    public long available() {
        return allocated + movedIn - reserved - movedOutTotal();
    }

    /** What the source holds for calls, reserved or not: all it received less what left it. */
    public long resources() {
        return reserved + available();
    }

    public Ledger.SourceKey key() {
        return new Ledger.SourceKey(fundCode, source);
    }

    /**
     * The sources a municipality's money in {@code fundCode} touches: the fund's own, the quota fund's Fin_c when the
     * fund names one, and any other fund's source that the fund's calls hold.
     */
    static List<SourceFigures> of(String fundCode, String quotaFund, List<Ledger.Entry> entries,
                                  Map<String, Map<Ledger.Kind, Long>> declaredByFund, Map<String, CallMoney> calls) {
        Set<Ledger.SourceKey> keys = new TreeSet<>(Ledger.SourceKey.ORDER);
        declaredByFund.getOrDefault(fundCode, Map.of()).keySet().forEach(kind -> SourceKind.declaredBy(kind)
                .ifPresent(k -> keys.add(new Ledger.SourceKey(fundCode, k.label()))));
        if (quotaFund == null && declaredByFund.getOrDefault(fundCode, Map.of()).containsKey(Ledger.Kind.ORDINARY_FIN_C)) {
            keys.add(new Ledger.SourceKey(fundCode, SourceKind.FIN_C.label())); // no quota fund: the form's Fin_c is the fund's own
        }
        if (quotaFund != null && declaredByFund.getOrDefault(quotaFund, Map.of()).containsKey(Ledger.Kind.FIN_C)) {
            keys.add(new Ledger.SourceKey(quotaFund, SourceKind.FIN_C.label()));
        }
        entries.stream().filter(e -> Objects.equals(e.fundCode(), fundCode) && e.ref().source() != null && movesSource(e.kind()))
                .forEach(e -> keys.add(new Ledger.SourceKey(fundCode, e.ref().source())));
        calls.values().stream().filter(c -> Objects.equals(c.fundCode(), fundCode))
                .forEach(c -> c.holdings().forEach(h -> keys.add(h.source())));
        Map<Ledger.SourceKey, List<CallShare>> shares = shares(calls);
        List<SourceFigures> sources = new ArrayList<>();
        for (Ledger.SourceKey key : keys) {
            long movedIn = 0;
            Map<String, Long> movedOut = Ledger.destinations();
            for (Ledger.Entry e : entries) {
                if (!key.equals(new Ledger.SourceKey(e.fundCode(), e.ref().source()))) {
                    continue;
                }
                if (e.kind() == Ledger.Kind.MOVED_IN) {
                    movedIn += e.cents();
                } else if (Ledger.isMoveOut(e.kind())) {
                    movedOut.merge(Ledger.destination(e.kind()), e.cents(), Long::sum);
                }
            }
            List<CallShare> held = shares.getOrDefault(key, List.of());
            sources.add(new SourceFigures(key.fundCode(), key.source(), allocated(key, fundCode, quotaFund, declaredByFund),
                    movedIn, held.stream().mapToLong(CallShare::reserved).sum(), held.stream().mapToLong(CallShare::committed).sum(),
                    movedOut, held));
        }
        return List.copyOf(sources);
    }

    private static boolean movesSource(Ledger.Kind kind) {
        return kind == Ledger.Kind.RESERVED || kind == Ledger.Kind.RELEASED || kind == Ledger.Kind.MOVED_IN || Ledger.isMoveOut(kind);
    }

    /** The latest declaration; a fund with no quota fund takes its ordinary call's Fin_c from the form. */
    private static long allocated(Ledger.SourceKey key, String fundCode, String quotaFund,
                                  Map<String, Map<Ledger.Kind, Long>> declaredByFund) {
        Map<Ledger.Kind, Long> declared = declaredByFund.getOrDefault(key.fundCode(), Map.of());
        Ledger.Kind kind = SourceKind.of(key.source()).map(SourceKind::declaredAs).orElse(null);
        if (kind == null) {
            return 0;
        }
        if (kind == Ledger.Kind.FIN_C && !declared.containsKey(kind) && quotaFund == null && Objects.equals(key.fundCode(), fundCode)) {
            return declared.getOrDefault(Ledger.Kind.ORDINARY_FIN_C, 0L);
        }
        return declared.getOrDefault(kind, 0L);
    }

    private static Map<Ledger.SourceKey, List<CallShare>> shares(Map<String, CallMoney> calls) {
        Map<Ledger.SourceKey, List<CallShare>> shares = new TreeMap<>(Ledger.SourceKey.ORDER);
        for (CallMoney call : calls.values()) {
            List<CallMoney.Holding> holdings = call.holdings();
            List<Long> attributed = call.attributed();
            for (int i = 0; i < holdings.size(); i++) {
                CallMoney.Holding h = holdings.get(i);
                shares.computeIfAbsent(h.source(), k -> new ArrayList<>())
                        .add(new CallShare(call.callId(), h.position(), h.held(), attributed.get(i)));
            }
        }
        shares.values().forEach(list -> list.sort(java.util.Comparator.comparing(CallShare::callId).thenComparingInt(CallShare::position)));
        return shares;
    }
}
