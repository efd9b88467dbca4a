package org.fondicasa.allocation.savings;

import org.fondicasa.allocation.fund.Fund;
import org.fondicasa.allocation.quota.QuotaDeclaration;

import java.math.BigDecimal;
import java.util.List;

/**
 * A municipality's money in a fund after the savings moved: the declared Fin_a / Fin_b / Fin_c, less what left each
 * source, plus what reached Fin_b; with what went to the housing agencies it always adds up to the share.
 */
public record Balance(String fundCode, String istatCode, BigDecimal share, BigDecimal finA, BigDecimal finB,
                      BigDecimal finC, BigDecimal movedToFinB, BigDecimal movedToHousingAgencies, boolean balanced,
                      List<SavingsView> movements) {

    public record SavingsView(String fromSource, SavingsMovement.Destination destination, BigDecimal amount, String reason,
                              String legalRef, java.time.OffsetDateTime occurredAt) {
    }

    static Balance of(Fund fund, String istatCode) {
        QuotaDeclaration q = QuotaDeclaration.latest(fund.code, istatCode);
        BigDecimal zero = BigDecimal.ZERO.setScale(2);
        List<SavingsMovement> moved = SavingsMovement.list("fundCode = ?1 and istatCode = ?2 order by occurredAt", fund.code, istatCode);
        BigDecimal finA = q == null ? zero : q.finA;
        BigDecimal finB = q == null ? zero : q.finB;
        BigDecimal finC = q == null ? zero : q.finC;
        BigDecimal toFinB = zero;
        BigDecimal toAgencies = zero;
        for (SavingsMovement m : moved) {
            switch (m.fromSource) {
                case "Fin_a" -> finA = finA.subtract(m.amount);
                case "Fin_b" -> finB = finB.subtract(m.amount);
                case "Fin_c" -> finC = finC.subtract(m.amount);
                default -> throw new IllegalStateException("unknown source " + m.fromSource);
            }
            if (m.destination == SavingsMovement.Destination.FIN_B) {
                finB = finB.add(m.amount);
                toFinB = toFinB.add(m.amount);
            } else {
                toAgencies = toAgencies.add(m.amount);
            }
        }
        BigDecimal share = q == null ? zero : q.share;
        boolean balanced = finA.add(finB).add(finC).add(toAgencies).compareTo(share) == 0
                && finA.signum() >= 0 && finB.signum() >= 0 && finC.signum() >= 0;
        return new Balance(fund.code, istatCode, share, finA, finB, finC, toFinB, toAgencies, balanced,
                moved.stream().map(m -> new SavingsView(m.fromSource, m.destination, m.amount, m.reason, m.legalRef,
                        m.occurredAt)).toList());
    }

    /** What a source still holds and could move. */
    BigDecimal remaining(String source) {
        return switch (source) {
            case "Fin_a" -> finA;
            case "Fin_b" -> finB;
            case "Fin_c" -> finC;
            default -> throw new org.fondicasa.platform.events.UnprocessableEventException("unknown budget source " + source
                    + " (expected Fin_a, Fin_b or Fin_c)");
        };
    }
}
