package org.fondicasa.reporting.ledger;

import org.fondicasa.platform.domain.DomainCore;
import org.fondicasa.platform.money.Euro;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.fondicasa.reporting.ledger.Ledger.Kind;

/**
 * What does not add up in a municipality's money in a fund, as sentences an officer reads: each names the source, the
 * call or the event, and both amounts. Empty when every euro is where exactly one event put it. Only the fund's own
 * sources, calls and moves are judged here; another fund's source is judged in that fund's ledger.
 */
@DomainCore
final class LedgerDifferences {

    private LedgerDifferences() {
    }

    static List<String> of(String fundCode, String quotaFund, List<Ledger.Entry> entries, Map<String, Map<Kind, Long>> declaredByFund,
                           Map<Kind, Long> flows, List<SourceFigures> sources, Map<String, CallMoney> calls) {
        Map<Kind, Long> declared = declaredByFund.getOrDefault(fundCode, Map.of());
        List<Ledger.Entry> own = entries.stream().filter(e -> Objects.equals(e.fundCode(), fundCode)).toList();
        List<String> differences = new ArrayList<>();
        municipality(declared, flows, differences);
        finC(declared, quotaFund, declaredByFund, differences);
        sources.stream().filter(s -> Objects.equals(s.fundCode(), fundCode)).forEach(s -> source(s, differences));
        calls.values().forEach(call -> call(call, fundCode, differences));
        counterparts(own, differences);
        causes(own, differences);
        return List.copyOf(differences);
    }

    /** The quotas split the share; nothing revoked, paid or moved beyond what there was. */
    private static void municipality(Map<Kind, Long> declared, Map<Kind, Long> flows, List<String> differences) {
        Long share = declared.get(Kind.SHARE);
        if (share != null && declared.containsKey(Kind.FIN_A)) {
            long quotas = declared.get(Kind.FIN_A) + declared.getOrDefault(Kind.FIN_B, 0L) + declared.getOrDefault(Kind.FIN_C, 0L);
            if (quotas != share) {
                differences.add("Fin_a + Fin_b + Fin_c = " + eur(quotas) + " but the share is " + eur(share));
            }
        }
        long granted = flows.getOrDefault(Kind.GRANTED, 0L);
        long revoked = flows.getOrDefault(Kind.REVOKED, 0L);
        if (revoked > granted) {
            differences.add("revoked " + eur(revoked) + " is more than granted " + eur(granted));
        }
        long paidOut = flows.getOrDefault(Kind.PAID, 0L) + flows.getOrDefault(Kind.WITHHELD, 0L);
        if (paidOut > granted - revoked) {
            differences.add("paid and withheld " + eur(paidOut) + " are more than committed " + eur(granted - revoked));
        }
        long moved = flows.getOrDefault(Kind.MOVED_TO_FIN_B, 0L) + flows.getOrDefault(Kind.MOVED_TO_HOUSING_AGENCIES, 0L);
        if (share != null && moved > share) {
            differences.add("savings moved " + eur(moved) + " are more than the share " + eur(share));
        }
    }

    /** The ordinary call's Fin_c is the quota fund's Fin_c: a different figure on the form is the same money counted twice. */
    private static void finC(Map<Kind, Long> declared, String quotaFund, Map<String, Map<Kind, Long>> declaredByFund,
                             List<String> differences) {
        Long form = declared.get(Kind.ORDINARY_FIN_C);
        if (form == null || quotaFund == null) {
            return;
        }
        Long quota = declaredByFund.getOrDefault(quotaFund, Map.of()).get(Kind.FIN_C);
        if (quota == null && form > 0) {
            differences.add("Fin_c declared for the ordinary call is " + eur(form) + ", but the quota of fund " + quotaFund
                    + " declares no Fin_c");
        } else if (quota != null && !quota.equals(form)) {
            differences.add("Fin_c declared for the ordinary call is " + eur(form) + ", but the Fin_c of fund " + quotaFund
                    + "'s quota is " + eur(quota) + ": they are the same money");
        }
    }

    private static void source(SourceFigures s, List<String> differences) {
        if (s.available() >= 0) {
            return;
        }
        long received = s.allocated() + s.movedIn();
        long afterCalls = received - s.reserved();
        if (s.movedOutTotal() > 0 && s.movedOutTotal() > afterCalls) {
            differences.add("savings moved out of " + s.source() + " " + eur(s.movedOutTotal()) + " are beyond the "
                    + eur(Math.max(0, afterCalls)) + " it had after the calls' reservations (allocated " + eur(s.allocated())
                    + ", moved in " + eur(s.movedIn()) + ", reserved " + eur(s.reserved()) + ")");
        } else {
            differences.add("calls reserved " + eur(s.reserved()) + " of " + s.source() + ", more than the " + eur(received)
                    + " it received");
        }
    }

    private static void call(CallMoney call, String fundCode, List<String> differences) {
        for (CallMoney.Holding h : call.bySource()) {
            if (Objects.equals(h.source().fundCode(), fundCode) && h.held() < 0) {
                differences.add("call " + call.callId() + " released " + eur(h.released()) + " of " + h.source().source()
                        + ", more than the " + eur(h.reserved()) + " it reserved");
            }
        }
        if (!Objects.equals(call.fundCode(), fundCode)) {
            return;
        }
        if (call.committed() < 0) {
            differences.add("call " + call.callId() + ": revoked " + eur(call.revoked()) + " is more than granted " + eur(call.granted()));
        } else if (!call.backed() && call.committed() > 0) {
            differences.add("call " + call.callId() + " committed " + eur(call.committed())
                    + " but holds nothing: it reserved no money from the fund's sources");
        } else if (call.backed() && call.committed() > Math.max(0, call.holds())) { // below zero, the over-release is named
            differences.add("call " + call.callId() + " committed " + eur(call.committed()) + ", more than the "
                    + eur(call.holds()) + " it holds");
        }
    }

    /** A move to Fin_b leaves its source and arrives in Fin_b: both sides, same event, same amount. */
    private static void counterparts(List<Ledger.Entry> own, List<String> differences) {
        Map<String, Ledger.Entry> in = own.stream().filter(e -> e.kind() == Kind.MOVED_IN)
                .collect(Collectors.toMap(Ledger.Entry::eventId, e -> e, (a, b) -> a, TreeMap::new));
        Map<String, Ledger.Entry> out = own.stream().filter(e -> e.kind() == Kind.MOVED_TO_FIN_B)
                .collect(Collectors.toMap(Ledger.Entry::eventId, e -> e, (a, b) -> a, TreeMap::new));
        out.forEach((event, e) -> {
            Ledger.Entry arrived = in.get(event);
            String moved = "event " + event + " moved " + eur(e.cents()) + " from " + from(e) + " to Fin_b";
            if (arrived == null) {
                differences.add(moved + ", but Fin_b shows no money coming in");
            } else if (arrived.cents() != e.cents()) {
                differences.add(moved + ", but Fin_b received " + eur(arrived.cents()));
            }
        });
        in.forEach((event, e) -> {
            if (!out.containsKey(event)) {
                differences.add(e.ref().source() + " received " + eur(e.cents()) + " (event " + event + ") that no source moved out");
            }
        });
    }

    /** One cause (a closure, a report, a missing report) moves savings once: a second move is the same money twice. */
    private static void causes(List<Ledger.Entry> own, List<String> differences) {
        Map<String, List<Ledger.Entry>> byCause = own.stream().filter(e -> Ledger.isMoveOut(e.kind()) && e.ref().cause() != null)
                .collect(Collectors.groupingBy(e -> e.ref().cause(), TreeMap::new, Collectors.toList()));
        byCause.forEach((cause, moves) -> {
            if (moves.size() > 1) {
                differences.add("event " + cause + " moved savings " + moves.size() + " times: " + moves.stream()
                        .map(m -> eur(m.cents()) + " from " + from(m) + " to " + to(m.kind()) + " (event " + m.eventId() + ")")
                        .collect(Collectors.joining(", ")));
            }
        });
    }

    private static String from(Ledger.Entry move) {
        return move.ref().source() != null ? move.ref().source() : "?";
    }

    private static String to(Kind kind) {
        return kind == Kind.MOVED_TO_FIN_B ? "Fin_b" : "the housing agencies";
    }

    private static String eur(long cents) {
        return Euro.format(cents);
    }
}
