package org.fondicasa.allocation.fund;

/** Data of the {@code FundCreated} event (schema events/schemas/FundCreated.v1.json). Money as decimal strings. */
public record FundCreated(String fundCode, String title, String legalAct, int year, String amount, String bonusReserve,
                          String minimumShare, String cofinancingThreshold, String penaltyRate, String penaltyDestination,
                          String quotaDeadline, String reportDeadline, String previousFund) {
    public static final String TYPE = "FundCreated";
    public static final int VERSION = 1;

    static FundCreated of(Fund f) {
        return new FundCreated(f.code, f.title, f.legalAct, f.year, f.amount.toPlainString(), f.bonusReserve.toPlainString(),
                f.minimumShare.toPlainString(), f.cofinancingThreshold.toPlainString(), f.penaltyRate.toPlainString(),
                f.penaltyDestination.name(), f.quotaDeadline == null ? null : f.quotaDeadline.toString(),
                f.reportDeadline == null ? null : f.reportDeadline.toString(), f.previousFund);
    }
}
