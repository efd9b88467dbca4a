package org.fondicasa.allocation.split;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** What changes, municipality by municipality, from one allocation run to another. */
public record SplitDiff(UUID from, UUID to, BigDecimal allocatedDelta, List<Line> changes) {
    @Schema(name = "SplitDiffLine")
    public record Line(String istatCode, BigDecimal before, BigDecimal after, BigDecimal delta) {
    }
}
