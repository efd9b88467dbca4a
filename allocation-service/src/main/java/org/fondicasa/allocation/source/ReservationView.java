package org.fondicasa.allocation.source;

import org.fondicasa.platform.money.Euro;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** A call's reservation: per source, what it holds now and the act that gives it. */
public record ReservationView(UUID callId, String fundCode, String istatCode, CallReservation.State state, BigDecimal committed,
                              BigDecimal total, List<Line> lines) {

    public record Line(int position, String fundCode, String source, BigDecimal amount, String legalRef) {
    }

    static ReservationView of(CallReservation r, CallHold hold) {
        List<Line> lines = hold.lines().stream().map(l -> new Line(l.position(), l.source().fundCode(), l.source().kind(),
                Euro.ofCents(l.held()), legalRef(r.callId, l.position()))).toList();
        return new ReservationView(r.callId, r.fundCode, r.istatCode, r.state, r.committed, Euro.ofCents(hold.held()), lines);
    }

    private static String legalRef(UUID callId, int position) {
        BudgetMovement first = BudgetMovement.find("callId = ?1 and position = ?2 and type = ?3 order by id", callId, position,
                SourceBalance.Type.RESERVED).firstResult();
        return first == null ? null : first.legalRef;
    }
}
