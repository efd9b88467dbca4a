package org.fondicasa.allocation.quota;

/** Data of the {@code QuotaDeclared} event (schema events/schemas/QuotaDeclared.v1.json). */
public record QuotaDeclared(String fundCode, String istatCode, int revision, String share, String finA, String finB,
                            String finC) {
    public static final String TYPE = "QuotaDeclared";
    public static final int VERSION = 1;
}
