package org.fondicasa.reporting.events;

import org.fondicasa.platform.events.EventEnvelope;
import org.fondicasa.reporting.ledger.Ledger;
import org.fondicasa.reporting.ledger.LedgerEntry;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Appends one figure of an event to the ledger (in the consumer's transaction). */
final class LedgerRecorder {

    private LedgerRecorder() {
    }

    static void record(EventEnvelope event, String fundCode, String istatCode, Ledger.Kind kind, int revision,
                       BigDecimal amount, String legalRef) {
        LedgerEntry entry = new LedgerEntry();
        entry.eventId = UUID.fromString(event.id());
        entry.fundCode = fundCode;
        entry.istatCode = istatCode;
        entry.kind = kind;
        entry.revision = revision;
        entry.amount = amount;
        entry.legalRef = legalRef;
        entry.occurredAt = event.time();
        entry.recordedAt = OffsetDateTime.now();
        entry.persist();
    }
}
