package org.fondicasa.allocation.quota;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** What the quota endpoints answer. */
public final class QuotaViews {

    private QuotaViews() {
    }

    public record Declaration(String fundCode, String istatCode, int revision, BigDecimal share, BigDecimal finA,
                              BigDecimal finB, BigDecimal finC, OffsetDateTime declaredAt, String declaredBy) {
        static Declaration of(QuotaDeclaration d) {
            return new Declaration(d.fundCode, d.istatCode, d.revision, d.share, d.finA, d.finB, d.finC, d.declaredAt,
                    d.declaredBy);
        }
    }

    public enum Status { DECLARED, PENDING, LATE }

    @Schema(name = "QuotaLine")
    public record Line(String istatCode, BigDecimal share, Status status, OffsetDateTime deadline, Declaration latest) {
    }

    public record Overview(String fundCode, OffsetDateTime deadline, int municipalities, int declared, int pending,
                           int late, BigDecimal totalShare, BigDecimal totalFinA, BigDecimal totalFinB,
                           BigDecimal totalFinC, List<Line> lines) {
    }

    public record Extension(OffsetDateTime deadline, String reason) {
    }
}
