package org.fondicasa.reporting.ledger;

import org.fondicasa.platform.domain.DomainCore;
import org.fondicasa.platform.money.SpendingOrder;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The money of one call as the ledger saw it: what it committed (granted less revoked), what it holds of each source
 * (reserved less released), and its budget. Its committed money is attributed to its sources by the
 * {@link SpendingOrder} allocation-service uses too, so both name the same source for the same euro. Amounts in cents.
 */
@DomainCore
final class CallMoney {

    /** What a call took from one source and gave back; position is the source's place in the call's spending order. */
    record Holding(Ledger.SourceKey source, int position, long reserved, long released) {
        long held() {
            return reserved - released;
        }
    }

    private final String callId;
    private String fundCode;
    private long granted;
    private long revoked;
    private long budget;
    private boolean budgetKnown;
    private final Map<Ledger.SourceKey, Holding> holdings = new HashMap<>();

    private CallMoney(String callId) {
        this.callId = callId;
    }

    /** Every call the entries name, by id. */
    static Map<String, CallMoney> of(List<Ledger.Entry> entries) {
        Map<String, CallMoney> calls = new TreeMap<>();
        for (Ledger.Entry e : entries) {
            if (e.ref().callId() != null) {
                calls.computeIfAbsent(e.ref().callId(), CallMoney::new).add(e);
            }
        }
        return calls;
    }

    private void add(Ledger.Entry e) {
        switch (e.kind()) {
            case GRANTED -> {
                granted += e.cents();
                belongsTo(e.fundCode());
            }
            case REVOKED -> {
                revoked += e.cents();
                belongsTo(e.fundCode());
            }
            case CALL_BUDGET -> {
                budget += e.cents();
                budgetKnown = true;
                belongsTo(e.fundCode());
            }
            case RESERVED, RELEASED -> hold(e);
            default -> {
                // payments and closures move no money between sources
            }
        }
    }

    private void hold(Ledger.Entry e) {
        if (e.ref().source() == null) {
            return;
        }
        Ledger.SourceKey key = new Ledger.SourceKey(e.fundCode(), e.ref().source());
        boolean reserved = e.kind() == Ledger.Kind.RESERVED;
        int position = reserved && e.ref().position() != null ? e.ref().position() : Integer.MAX_VALUE;
        Holding add = new Holding(key, position, reserved ? e.cents() : 0, reserved ? 0 : e.cents());
        holdings.merge(key, add, (a, b) -> new Holding(key, Math.min(a.position(), b.position()),
                a.reserved() + b.reserved(), a.released() + b.released()));
        if (reserved) {
            belongsTo(e.ref().callFundCode() != null ? e.ref().callFundCode() : e.fundCode());
        }
    }

    private void belongsTo(String fund) {
        if (fundCode == null) {
            fundCode = fund;
        }
    }

    String callId() {
        return callId;
    }

    /** The fund of the call (its grants' fund), which may differ from the fund of a source it holds. */
    String fundCode() {
        return fundCode;
    }

    long granted() {
        return granted;
    }

    long revoked() {
        return revoked;
    }

    long committed() {
        return granted - revoked;
    }

    long reserved() {
        return holdings.values().stream().mapToLong(Holding::reserved).sum();
    }

    long released() {
        return holdings.values().stream().mapToLong(Holding::released).sum();
    }

    /**
     * What the call holds: its reservations less its releases, plus its own money (the budget beyond what it
     * reserved, e.g. a municipal line). Without a known budget, its reservations alone.
     */
    long holds() {
        return (budgetKnown ? Math.max(budget, reserved()) : reserved()) - released();
    }

    /** Whether anything backs the call's grants: a budget seen opening or a reservation. */
    boolean backed() {
        return budgetKnown || !holdings.isEmpty();
    }

    /** Its holdings in spending order. */
    List<Holding> holdings() {
        List<Holding> ordered = new ArrayList<>(holdings.values());
        ordered.sort(Comparator.comparingInt(Holding::position).thenComparing(Holding::source, Ledger.SourceKey.ORDER));
        return ordered;
    }

    /** The committed money per source, in spending order; beyond its reservations the call spent its own money. */
    Map<Ledger.SourceKey, Long> attributed() {
        List<Holding> ordered = holdings();
        List<Long> parts = SpendingOrder.attribute(ordered.stream().map(h -> Math.max(0, h.held())).toList(),
                Math.max(0, committed()));
        Map<Ledger.SourceKey, Long> attributed = new LinkedHashMap<>();
        for (int i = 0; i < ordered.size(); i++) {
            attributed.put(ordered.get(i).source(), parts.get(i));
        }
        return attributed;
    }
}
