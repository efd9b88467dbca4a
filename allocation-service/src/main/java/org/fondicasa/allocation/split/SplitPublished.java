package org.fondicasa.allocation.split;

/** Data of the {@code SplitPublished} event: one municipality's published share (schema events/schemas/SplitPublished.v1.json). */
public record SplitPublished(String fundCode, String istatCode, String share, String need, String legalAct, String runId,
                             String source) {
    public static final String TYPE = "SplitPublished";
    public static final int VERSION = 1;
}
