package org.fondicasa.allocation.fund;

import org.fondicasa.allocation.split.SplitRules;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** A fund with its rules and, once its allocation is published, what was allocated and what is left. */
public record FundView(String code, String title, String legalAct, int year, BigDecimal amount, BigDecimal bonusReserve,
                       BigDecimal minimumShare, BigDecimal cofinancingThreshold, BigDecimal penaltyRate,
                       SplitRules.PenaltyDestination penaltyDestination, OffsetDateTime quotaDeadline,
                       OffsetDateTime reportDeadline, String previousFund, String quotaFund, boolean published, BigDecimal allocated,
                       BigDecimal residual, OffsetDateTime createdAt) {

    public static FundView of(Fund f, BigDecimal allocated, BigDecimal residual) {
        return new FundView(f.code, f.title, f.legalAct, f.year, f.amount, f.bonusReserve, f.minimumShare,
                f.cofinancingThreshold, f.penaltyRate, f.penaltyDestination, f.quotaDeadline, f.reportDeadline,
                f.previousFund, f.quotaFund, allocated != null, allocated, residual, f.createdAt);
    }
}
