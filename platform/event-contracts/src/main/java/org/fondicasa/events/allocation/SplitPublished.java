package org.fondicasa.events.allocation;

import org.fondicasa.events.NotRequired;

/** One municipality's published share of a fund (computed, or imported from the act). */
public record SplitPublished(String fundCode, String istatCode, String share, @NotRequired String need,
                             String legalAct, String runId, String source) implements AllocationEvent {
    public static final String TYPE = "SplitPublished";
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
        handler.splitPublished(this);
    }
}
