package org.fondicasa.events.allocation;

/** A municipality's co-financing bonus (premialità), as published. */
public record BonusPublished(String fundCode, String istatCode, String bonus, String cofin, String finBase,
                             String legalAct, String runId) implements AllocationEvent {
    public static final String TYPE = "BonusPublished";
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
        handler.bonusPublished(this);
    }
}
