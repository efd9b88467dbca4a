package org.fondicasa.events.allocation;

import org.fondicasa.events.NotRequired;

/** A municipality declared (or revised) its ordinary-call inputs and its co-financing (COFIN). */
public record CofinancingDeclared(String fundCode, String istatCode, Integer revision, String finBase, String finC,
                                  String qEmi, String qSmine, String cofin, @NotRequired String deliberationNumber,
                                  @NotRequired String deliberationDate, @NotRequired String budgetChapter) implements AllocationEvent {
    public static final String TYPE = "CofinancingDeclared";
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
        handler.cofinancingDeclared(this);
    }
}
