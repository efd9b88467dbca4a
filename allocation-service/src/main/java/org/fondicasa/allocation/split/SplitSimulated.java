package org.fondicasa.allocation.split;

/** Data of the {@code SplitSimulated} event (schema events/schemas/SplitSimulated.v1.json): totals, no shares. */
public record SplitSimulated(String fundCode, String runId, String amount, String bonusReserve, String allocated,
                             String residual, String inputsHash) {
    public static final String TYPE = "SplitSimulated";
    public static final int VERSION = 1;
}
