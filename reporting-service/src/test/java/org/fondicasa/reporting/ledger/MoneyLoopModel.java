package org.fondicasa.reporting.ledger;

import org.fondicasa.platform.money.SpendingOrder;
import org.fondicasa.reporting.ledger.Ledger.Entry;
import org.fondicasa.reporting.ledger.Ledger.Kind;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One municipality's FINCOVID money played by the rules allocation-service keeps (issue #12): calls reserve from Fin_a
 * and Fin_c within what is available, grant within what they hold, release the unspent part at closure (and a
 * revocation after closure in reverse spending order); released Fin_a moves once to Fin_b, or to the housing agencies
 * once the report is missing; a report's unspent figure moves at most what Fin_a has. The model keeps its own
 * balances, and writes the ledger entries the events would make; the test compares the two.
 */
final class MoneyLoopModel {

    static final String FUND = "FINCOVID-2020";
    static final List<String> CALL_SOURCES = List.of("Fin_a", "Fin_c");
    private static final Instant T = Instant.parse("2020-11-15T10:00:00Z");

    /** The model's own balance of a source, kept as allocation-service keeps it. */
    static final class Balance {
        final long allocated;
        long movedIn;
        long reserved;
        long movedOut;

        Balance(long allocated) {
            this.allocated = allocated;
        }

        long available() {
            return allocated + movedIn - reserved - movedOut;
        }
    }

    /** A budget line of a call: a source at a place of its spending order (a top-up is a new place). */
    private static final class Line {
        final String source;
        final int position;
        long held;

        Line(String source, int position, long held) {
            this.source = source;
            this.position = position;
            this.held = held;
        }
    }

    private static final class Call {
        final String id;
        final List<Line> lines = new ArrayList<>();
        long committed;
        long paid;
        boolean closed;

        Call(String id) {
            this.id = id;
        }

        long holds() {
            return lines.stream().mapToLong(l -> l.held).sum();
        }
    }

    final Map<String, Balance> balances = new LinkedHashMap<>();
    final List<Entry> entries = new ArrayList<>();
    private final List<Call> calls = new ArrayList<>();
    private boolean forfeited;
    private int events;

    MoneyLoopModel(long finA, long finB, long finC) {
        balances.put("Fin_a", new Balance(finA));
        balances.put("Fin_b", new Balance(finB));
        balances.put("Fin_c", new Balance(finC));
        String quota = event();
        entries.add(new Entry(quota, FUND, Kind.SHARE, 0, T, finA + finB + finC, null));
        entries.add(new Entry(quota, FUND, Kind.FIN_A, 1, T, finA, null));
        entries.add(new Entry(quota, FUND, Kind.FIN_B, 1, T, finB, null));
        entries.add(new Entry(quota, FUND, Kind.FIN_C, 1, T, finC, null));
        for (int i = 0; i < 3; i++) {
            calls.add(new Call("00000000-0000-0000-0000-%012d".formatted(i + 1)));
        }
    }

    String event() {
        return "00000000-0000-0000-0001-%012d".formatted(++events);
    }

    /** One step: what it does depends on the state, and the amounts are fractions (per mille) of what is allowed. */
    void step(int op, int callIndex, int permille) {
        Call call = calls.get(callIndex % calls.size());
        switch (op % 7) {
            case 0 -> reserve(call, CALL_SOURCES.get(permille % 2), permille);
            case 1 -> grant(call, permille);
            case 2 -> revoke(call, permille);
            case 3 -> pay(call, permille);
            case 4 -> close(call);
            case 5 -> reportMissing();
            default -> savingsDeclared(permille);
        }
    }

    private static long part(long of, int permille) {
        return of * permille / 1000;
    }

    private void reserve(Call call, String source, int permille) {
        long amount = part(balances.get(source).available(), permille);
        if (call.closed || amount == 0) {
            return;
        }
        Line line = new Line(source, call.lines.size() + 1, amount);
        call.lines.add(line);
        balances.get(source).reserved += amount;
        entries.add(new Entry(event(), FUND, Kind.RESERVED, 0, T, amount, new Ledger.Ref(source, call.id, line.position, FUND, null)));
    }

    private void grant(Call call, int permille) {
        long amount = part(call.holds() - call.committed, permille);
        if (call.closed || amount == 0) {
            return;
        }
        call.committed += amount;
        entries.add(new Entry(event(), FUND, Kind.GRANTED, 0, T, amount, new Ledger.Ref(null, call.id, null, null, null)));
    }

    /** An unpaid grant revoked; after closure its money goes back to the sources in reverse spending order. */
    private void revoke(Call call, int permille) {
        long amount = part(call.committed - call.paid, permille);
        if (amount == 0) {
            return;
        }
        String revocation = event();
        call.committed -= amount;
        entries.add(new Entry(revocation, FUND, Kind.REVOKED, 0, T, amount, new Ledger.Ref(null, call.id, null, null, null)));
        if (call.closed) {
            long left = amount;
            long[] back = new long[call.lines.size()];
            for (int i = call.lines.size() - 1; i >= 0 && left > 0; i--) {
                back[i] = Math.min(left, call.lines.get(i).held);
                left -= back[i];
            }
            giveBack(call, back, revocation);
        }
    }

    private void pay(Call call, int permille) {
        long amount = part(call.committed - call.paid, permille);
        if (amount == 0) {
            return;
        }
        call.paid += amount;
        long withheld = amount / 10;
        String payment = event();
        entries.add(new Entry(payment, FUND, Kind.PAID, 0, T, amount - withheld, new Ledger.Ref(null, call.id, null, null, null)));
        entries.add(new Entry(payment, FUND, Kind.WITHHELD, 0, T, withheld, new Ledger.Ref(null, call.id, null, null, null)));
    }

    /** Released = held − committed, per source by the spending order; then the savings rule, once. */
    private void close(Call call) {
        if (call.closed) {
            return;
        }
        call.closed = true;
        String closure = event();
        List<Long> spent = SpendingOrder.attribute(call.lines.stream().map(l -> l.held).toList(), call.committed);
        long[] back = new long[call.lines.size()];
        for (int i = 0; i < call.lines.size(); i++) {
            back[i] = call.lines.get(i).held - spent.get(i);
        }
        giveBack(call, back, closure);
    }

    /** What each line gives back; one release per source, then the savings rule once for the cause. */
    private void giveBack(Call call, long[] back, String cause) {
        Map<String, Long> bySource = new LinkedHashMap<>();
        for (int i = 0; i < back.length; i++) {
            Line line = call.lines.get(i);
            line.held -= back[i];
            bySource.merge(line.source, back[i], Long::sum);
        }
        bySource.forEach((source, amount) -> {
            if (amount == 0) {
                return;
            }
            balances.get(source).reserved -= amount;
            entries.add(new Entry(event(), FUND, Kind.RELEASED, 0, T, amount, new Ledger.Ref(source, call.id, null, null, null)));
            if (source.equals("Fin_a")) {
                move(forfeited ? SourceFigures.HOUSING_AGENCIES : SourceFigures.FIN_B, amount, cause);
            }
        });
    }

    private void reportMissing() {
        if (forfeited) {
            return;
        }
        forfeited = true;
        move(SourceFigures.HOUSING_AGENCIES, balances.get("Fin_a").available(), event());
    }

    private void savingsDeclared(int permille) {
        move(forfeited ? SourceFigures.HOUSING_AGENCIES : SourceFigures.FIN_B, part(balances.get("Fin_a").available(), permille), event());
    }

    /** SavingsMoved out of Fin_a, as the listener records it: both sides for a move to Fin_b. */
    void move(String destination, long amount, String cause) {
        if (amount == 0) {
            return;
        }
        Balance finA = balances.get("Fin_a");
        finA.movedOut += amount;
        String e = event();
        boolean toFinB = SourceFigures.FIN_B.equals(destination);
        entries.add(new Entry(e, FUND, toFinB ? Kind.MOVED_TO_FIN_B : Kind.MOVED_TO_HOUSING_AGENCIES, 0, T, amount,
                new Ledger.Ref("Fin_a", null, null, null, cause)));
        if (toFinB) {
            balances.get("Fin_b").movedIn += amount;
            entries.add(new Entry(e, FUND, Kind.MOVED_IN, 0, T, amount, new Ledger.Ref("Fin_b", null, null, null, cause)));
        }
    }

    /** The first call that holds anything, and a source it holds; null when none does. */
    Map.Entry<String, String> aHolding() {
        for (Call call : calls) {
            for (Line line : call.lines) {
                return Map.entry(call.id, line.source);
            }
        }
        return null;
    }

    /** What each call holds at each place of its order, "callId@position", as the model kept it. */
    Map<String, Long> heldByPlace() {
        Map<String, Long> held = new java.util.TreeMap<>();
        calls.forEach(c -> c.lines.forEach(l -> held.put(c.id + "@" + l.position, l.held)));
        return held;
    }

    long held(String callId, String source) {
        return calls.stream().filter(c -> c.id.equals(callId)).flatMap(c -> c.lines.stream())
                .filter(l -> l.source.equals(source)).mapToLong(l -> l.held).sum();
    }
}
