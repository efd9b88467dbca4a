package org.fondicasa.allocation.savings;

import org.fondicasa.allocation.fund.Fund;
import org.fondicasa.allocation.quota.QuotaDeclaration;
import org.fondicasa.platform.events.UnprocessableEventException;

import java.math.BigDecimal;
import java.util.List;

/** Reads what a {@link Balance} is computed from: the latest quota declaration and the savings moved, in order. */
final class Balances {

    private Balances() {
    }

    static Balance of(Fund fund, String istatCode) {
        QuotaDeclaration q = QuotaDeclaration.latest(fund.code, istatCode);
        List<SavingsMovement> moved = SavingsMovement.list("fundCode = ?1 and istatCode = ?2 order by occurredAt", fund.code, istatCode);
        return Balance.of(fund.code, istatCode, q == null ? null : new Balance.Declared(q.share, q.finA, q.finB, q.finC),
                moved.stream().map(m -> new Balance.SavingsView(m.fromSource, m.destination, m.amount, m.reason, m.legalRef,
                        m.occurredAt)).toList());
    }

    /** What a source still holds; an event naming an unknown source cannot be processed. */
    static BigDecimal remaining(Fund fund, String istatCode, String source) {
        if (!Balance.SOURCES.contains(source)) {
            throw new UnprocessableEventException("unknown budget source " + source + " (expected Fin_a, Fin_b or Fin_c)");
        }
        return of(fund, istatCode).remaining(source);
    }
}
