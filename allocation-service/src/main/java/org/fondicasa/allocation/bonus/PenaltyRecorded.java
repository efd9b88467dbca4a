package org.fondicasa.allocation.bonus;

/** Data of the {@code PenaltyRecorded} event (schema events/schemas/PenaltyRecorded.v1.json). */
public record PenaltyRecorded(String fundCode, String istatCode, String penaltyRate, String reason) {
    public static final String TYPE = "PenaltyRecorded";
    public static final int VERSION = 1;
}
