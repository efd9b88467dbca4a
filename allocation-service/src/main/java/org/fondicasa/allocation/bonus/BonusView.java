package org.fondicasa.allocation.bonus;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

public record BonusView(UUID id, String fundCode, BonusRun.Kind kind, BigDecimal threshold, BigDecimal reserve,
                        BigDecimal allocated, BigDecimal residual, OffsetDateTime createdAt, List<Line> shares) {

    @Schema(name = "BonusLine")
    public record Line(String istatCode, BigDecimal finBase, BigDecimal cofin, boolean entitled, BigDecimal bonus,
                       String explanation) {
    }

    static BonusView of(BonusRun run, List<BonusShare> shares) {
        return new BonusView(run.id, run.fundCode, run.kind, run.threshold, run.reserve, run.allocated, run.residual,
                run.createdAt, shares.stream().map(s -> new Line(s.istatCode, s.finBase, s.cofin, s.entitled, s.bonus,
                s.explanation)).toList());
    }
}
