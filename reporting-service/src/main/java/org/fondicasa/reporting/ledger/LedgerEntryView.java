package org.fondicasa.reporting.ledger;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

public record LedgerEntryView(UUID eventId, String istatCode, Ledger.Kind kind, int revision, BigDecimal amount,
                              String legalRef, OffsetDateTime occurredAt) {
    static LedgerEntryView of(LedgerEntry e) {
        return new LedgerEntryView(e.eventId, e.istatCode, e.kind, e.revision, e.amount, e.legalRef, e.occurredAt);
    }
}
