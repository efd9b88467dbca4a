package org.fondicasa.application.call;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A call as the API shows it; instants carry the Europe/Rome offset. */
public record CallView(UUID id, CallKind kind, CallKind.Funding funding, String title, String legalAct, String istatCode,
                       String fundCode, OffsetDateTime opensAt, OffsetDateTime closesAt, Call.Status status,
                       BigDecimal budget, BigDecimal committed, List<BudgetEntryView> budgetEntries,
                       OffsetDateTime closedAt, BigDecimal unspent, JsonNode rules) {

    public record BudgetEntryView(String source, BigDecimal amount, String legalRef, OffsetDateTime recordedAt) {
    }
}
