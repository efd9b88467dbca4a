package org.fondicasa.allocation.bonus;

/** Data of the {@code BonusPublished} event (schema events/schemas/BonusPublished.v1.json). */
public record BonusPublished(String fundCode, String istatCode, String bonus, String cofin, String finBase, String legalAct,
                             String runId) {
    public static final String TYPE = "BonusPublished";
    public static final int VERSION = 1;
}
