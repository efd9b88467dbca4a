package org.fondicasa.reporting.ledger;

import org.fondicasa.platform.domain.DomainCore;
import org.fondicasa.platform.money.SpendingOrder;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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

    /**
     * What a call took from one source at one place of its spending order, and gave back. A top-up of a source already
     * in the budget is another place: grants draw on them in order, as allocation-service's do.
     */
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
    private final Map<Ledger.SourceKey, Map<Integer, Long>> reservedAt = new HashMap<>();
    private final Map<Ledger.SourceKey, Long> released = new HashMap<>();

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
        if (e.kind() == Ledger.Kind.RESERVED) {
            int position = e.ref().position() != null ? e.ref().position() : Integer.MAX_VALUE;
            reservedAt.computeIfAbsent(key, k -> new TreeMap<>()).merge(position, e.cents(), Long::sum);
            belongsTo(e.ref().callFundCode() != null ? e.ref().callFundCode() : e.fundCode());
        } else {
            reservedAt.computeIfAbsent(key, k -> new TreeMap<>());
            released.merge(key, e.cents(), Long::sum);
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
        return reservedAt.values().stream().flatMap(m -> m.values().stream()).mapToLong(Long::longValue).sum();
    }

    long released() {
        return released.values().stream().mapToLong(Long::longValue).sum();
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
        return budgetKnown || !reservedAt.isEmpty();
    }

    /** What the call reserved and released of each source, whatever the place in its order. */
    List<Holding> bySource() {
        List<Holding> totals = new ArrayList<>();
        reservedAt.forEach((key, at) -> totals.add(new Holding(key, at.keySet().stream().findFirst().orElse(Integer.MAX_VALUE),
                at.values().stream().mapToLong(Long::longValue).sum(), released.getOrDefault(key, 0L))));
        totals.sort(SPENDING_ORDER);
        return totals;
    }

    /**
     * Its holdings in spending order. A release names its source, not the place: it comes off the source's last place
     * first (what closure and a late revocation give back is what the order reached last); what goes beyond the
     * reservations stays on the first place, negative, for the check to name.
     */
    List<Holding> holdings() {
        List<Holding> ordered = new ArrayList<>();
        reservedAt.forEach((key, at) -> {
            long left = released.getOrDefault(key, 0L);
            List<Map.Entry<Integer, Long>> places = new ArrayList<>(at.entrySet());
            if (places.isEmpty()) {
                places.add(Map.entry(Integer.MAX_VALUE, 0L));
            }
            List<Holding> lines = new ArrayList<>();
            for (int i = places.size() - 1; i >= 0; i--) {
                long reserved = places.get(i).getValue();
                long back = i == 0 ? left : Math.min(left, reserved);
                left -= back;
                lines.add(new Holding(key, places.get(i).getKey(), reserved, back));
            }
            ordered.addAll(lines);
        });
        ordered.sort(SPENDING_ORDER);
        return ordered;
    }

    private static final Comparator<Holding> SPENDING_ORDER = Comparator.comparingInt(Holding::position)
            .thenComparing(Holding::source, Ledger.SourceKey.ORDER);

    /** The committed money of each holding, in spending order; beyond its reservations the call spent its own money. */
    List<Long> attributed() {
        return SpendingOrder.attribute(holdings().stream().map(h -> Math.max(0, h.held())).toList(), Math.max(0, committed()));
    }
}
