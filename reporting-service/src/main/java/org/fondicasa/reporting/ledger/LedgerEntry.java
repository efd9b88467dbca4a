package org.fondicasa.reporting.ledger;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One money event as the ledger recorded it; keyed by the event id, so a redelivery cannot add a second row. */
@Entity
@Table(name = "ledger_entry")
public class LedgerEntry extends PanacheEntityBase {

    public enum Kind {
        /** Municipal co-financing declared for the ordinary call; a revision replaces the previous one. */
        COFIN
    }

    @Id
    @Column(name = "event_id")
    public UUID eventId;
    @Column(name = "fund_code")
    public String fundCode;
    @Column(name = "istat_code")
    public String istatCode;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    public int revision;
    public BigDecimal amount;
    @Column(name = "legal_ref")
    public String legalRef;
    @Column(name = "occurred_at")
    public OffsetDateTime occurredAt;
    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;
}
