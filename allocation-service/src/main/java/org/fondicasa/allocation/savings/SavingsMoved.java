package org.fondicasa.allocation.savings;

/** Data of the {@code SavingsMoved} event (schema events/schemas/SavingsMoved.v1.json). */
public record SavingsMoved(String fundCode, String istatCode, String fromSource, String destination, String amount,
                           String reason, String legalRef, String causeEventId) {
    public static final String TYPE = "SavingsMoved";
    public static final int VERSION = 1;
}
