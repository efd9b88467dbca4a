package org.fondicasa.events.allocation;

/** The region simulated a fund's split (nothing published): totals, no shares. */
public record SplitSimulated(String fundCode, String runId, String amount, String bonusReserve, String allocated,
                             String residual, String inputsHash) implements AllocationEvent {
    public static final String TYPE = "SplitSimulated";
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
        handler.splitSimulated(this);
    }
}
