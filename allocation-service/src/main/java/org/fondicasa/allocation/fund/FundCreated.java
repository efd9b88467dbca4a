package org.fondicasa.allocation.fund;

/** Data of the {@code FundCreated} event (schema events/schemas/FundCreated.v1.json). Money as a decimal string. */
public record FundCreated(String fundCode, String title, String legalAct, int year, String amount) {
    public static final String TYPE = "FundCreated";
    public static final int VERSION = 1;
}
