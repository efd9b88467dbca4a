package org.fondicasa.events.allocation;

/** Unspent money (economie) moved to the municipality's Fin_b or to the housing agencies. */
public record SavingsMoved(String fundCode, String istatCode, String fromSource, String destination, String amount,
                           String reason, String legalRef, String causeEventId) implements AllocationEvent {
    public static final String TYPE = "SavingsMoved";
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
        handler.savingsMoved(this);
    }
}
