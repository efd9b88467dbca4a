package org.fondicasa.allocation.split;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** An allocation run as the API shows it. */
public record SplitView(UUID id, String fundCode, AllocationRun.Kind kind, String source, String inputsHash,
                        BigDecimal amount, BigDecimal bonusReserve, BigDecimal splitAmount, BigDecimal totalNeed,
                        BigDecimal allocated, BigDecimal residual, int rounds, OffsetDateTime createdAt,
                        List<ShareView> shares) {

    public record ShareView(String istatCode, BigDecimal need, BigDecimal share, boolean excluded, BigDecimal penaltyCut,
                            BigDecimal redistributed, String explanation) {
    }

    static SplitView of(AllocationRun run, List<AllocationShare> shares) {
        return new SplitView(run.id, run.fundCode, run.kind, run.source, run.inputsHash, run.amount, run.bonusReserve,
                run.splitAmount, run.totalNeed, run.allocated, run.residual, run.rounds, run.createdAt,
                shares.stream().map(s -> new ShareView(s.istatCode, s.need, s.share, s.excluded, s.penaltyCut,
                        s.redistributed, s.explanation)).toList());
    }
}
