package org.fondicasa.events.allocation;

/**
 * Money a call held went back to its source: the unspent part at closure, a grant revoked after closure, or a
 * reservation whose call was never opened.
 */
public record BudgetReleased(String fundCode, String istatCode, String source, String callId, String amount,
                             String availableAfter, String reason) implements AllocationEvent {
    public static final String TYPE = "BudgetReleased";
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
        handler.budgetReleased(this);
    }
}
