package org.fondicasa.events.allocation;

/** At the close of a fund, a high-housing-tension municipality that did not co-finance enough gets a penalty the next fund applies. */
public record PenaltyRecorded(String fundCode, String istatCode, String penaltyRate, String reason) implements AllocationEvent {
    public static final String TYPE = "PenaltyRecorded";
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
        handler.penaltyRecorded(this);
    }
}
