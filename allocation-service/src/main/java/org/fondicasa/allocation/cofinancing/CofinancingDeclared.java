package org.fondicasa.allocation.cofinancing;

/** Data of the {@code CofinancingDeclared} event (schema events/schemas/CofinancingDeclared.v1.json). */
public record CofinancingDeclared(String fundCode, String istatCode, int revision, String amount,
                                  String deliberationNumber, String deliberationDate, String budgetChapter) {
    public static final String TYPE = "CofinancingDeclared";
    public static final int VERSION = 1;
}
