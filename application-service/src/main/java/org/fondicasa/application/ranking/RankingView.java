package org.fondicasa.application.ranking;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A ranking as published or simulated: each eligible applicant's place and contribution, and why; the excluded and why.
 * {@code runId} names the stored publication; a simulation is not stored and has none.
 */
public record RankingView(UUID runId, UUID callId, boolean published, String strategy, BigDecimal budget, BigDecimal committed,
                          OffsetDateTime createdAt, List<Entry> entries, List<Excluded> excluded) {

    /** Withheld: municipal tax arrears recorded so far, kept from the contribution at payment (seed 003). */
    public record Entry(int position, String protocolNumber, String band, BigDecimal referenceIncome,
                        BigDecimal conventionalIncome, BigDecimal incidence, BigDecimal need, BigDecimal contribution,
                        BigDecimal withheld, BigDecimal payable, String explanation) {
    }

    public record Excluded(String protocolNumber, List<String> reasons) {
    }
}
