package org.fondicasa.events.allocation;

/**
 * A call reserved money from one source (fund, municipality, kind) when it opened or was topped up. The source's
 * fund may differ from the call's: the ordinary call's Fin_c is the Fin_c of the FINCOVID quota. {@code position}
 * is the source's place in the call's spending order (grants draw on the sources in that order).
 */
public record BudgetReserved(String fundCode, String istatCode, String source, String callId, String callFundCode,
                             Integer position, String amount, String availableAfter, String legalRef) implements AllocationEvent {
    public static final String TYPE = "BudgetReserved";
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
        return istatCode;
    }

    @Override
    public void accept(Handler handler) {
        handler.budgetReserved(this);
    }
}
