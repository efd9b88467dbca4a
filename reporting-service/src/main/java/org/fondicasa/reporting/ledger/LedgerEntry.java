package org.fondicasa.reporting.ledger;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.fondicasa.platform.money.Euro;

/**
 * One figure of one money event as the ledger recorded it; keyed by the event and the figure, so a redelivery cannot
 * add a second row.
 */
@Entity
@Table(name = "ledger_entry")
@IdClass(LedgerEntry.Key.class)
public class LedgerEntry extends PanacheEntityBase {

    public record Key(UUID eventId, Ledger.Kind kind) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "event_id")
    public UUID eventId;
    @Column(name = "fund_code")
    public String fundCode;
    @Column(name = "istat_code")
    public String istatCode;
    @Id
    @Enumerated(EnumType.STRING)
    public Ledger.Kind kind;
    public int revision;
    public BigDecimal amount;
    @Column(name = "legal_ref")
    public String legalRef;
    @Column(name = "occurred_at")
    public OffsetDateTime occurredAt;
    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;
    /** The money source the figure is about (Fin_a, COFIN...), or a closed call's budget source. */
    public String source;
    @Column(name = "call_id")
    public UUID callId;
    /** The source's place in the call's spending order (reservations only). */
    @Column(name = "call_position")
    public Integer callPosition;
    /** The fund of the call that reserved, when it is not the source's fund. */
    @Column(name = "call_fund_code")
    public String callFundCode;
    /** The event that caused savings to move (a closure, a report, a missing report). */
    @Column(name = "cause_event_id")
    public UUID causeEventId;

    Ledger.Entry toEntry() {
        return new Ledger.Entry(eventId.toString(), fundCode, kind, revision, occurredAt.toInstant(), Euro.toCents(amount),
                new Ledger.Ref(source, callId == null ? null : callId.toString(), callPosition, callFundCode,
                        causeEventId == null ? null : causeEventId.toString()));
    }
}
