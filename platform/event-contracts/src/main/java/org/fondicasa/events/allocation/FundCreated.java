package org.fondicasa.events.allocation;

import org.fondicasa.events.NotRequired;

/**
 * The region created a fund, with the legal act that set it and its rules. Money as decimal strings with two decimals.
 * {@code quotaFund} names the fund whose quota declarations feed this one (the ordinary call's Fin_c is the FINCOVID Fin_c).
 */
public record FundCreated(String fundCode, String title, String legalAct, Integer year, String amount,
                          String bonusReserve, String minimumShare, String cofinancingThreshold, String penaltyRate,
                          String penaltyDestination, @NotRequired String quotaDeadline,
                          @NotRequired String reportDeadline, @NotRequired String previousFund,
                          @NotRequired String quotaFund) implements AllocationEvent {
    public static final String TYPE = "FundCreated";
    public static final int VERSION = 1;

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public int schemaVersion() {
        return VERSION;
    }

    @Override
    public String subject() {
        return null;
    }

    @Override
    public String eventKey() {
        return fundCode;
    }

    @Override
    public void accept(Handler handler) {
        handler.fundCreated(this);
    }
}
