package org.fondicasa.reporting.events;

import jakarta.inject.Singleton;
import org.fondicasa.platform.events.EventEnvelope;
import org.fondicasa.reporting.ledger.Ledger;
import org.fondicasa.reporting.ledger.LedgerEntry;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Appends one figure of an event to the ledger (in the consumer's transaction), stamped by the service's clock. */
@Singleton
class LedgerRecorder {

    private final Clock clock;

    LedgerRecorder(Clock clock) {
        this.clock = clock;
    }

    void record(EventEnvelope event, String fundCode, String istatCode, Ledger.Kind kind, int revision,
                BigDecimal amount, String legalRef) {
        record(event, fundCode, istatCode, kind, revision, amount, legalRef, Ledger.Ref.NONE);
    }

    /** A figure tied to a source, a call or the event that caused a move. */
    void record(EventEnvelope event, String fundCode, String istatCode, Ledger.Kind kind, int revision,
                BigDecimal amount, String legalRef, Ledger.Ref ref) {
        LedgerEntry entry = new LedgerEntry();
        entry.eventId = UUID.fromString(event.id());
        entry.fundCode = fundCode;
        entry.istatCode = istatCode;
        entry.kind = kind;
        entry.revision = revision;
        entry.amount = amount;
        entry.legalRef = legalRef;
        entry.occurredAt = event.time();
        entry.recordedAt = OffsetDateTime.now(clock);
        entry.source = ref.source();
        entry.callId = ref.callId() == null ? null : UUID.fromString(ref.callId());
        entry.callPosition = ref.position();
        entry.callFundCode = ref.callFundCode();
        entry.causeEventId = ref.cause() == null ? null : UUID.fromString(ref.cause());
        entry.persist();
    }
}
