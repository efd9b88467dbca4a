package org.fondicasa.allocation.source;

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

/**
 * Savings moved out of a source (and, to Fin_b, into the municipality's Fin_b), keyed by the event that caused them:
 * one cause moves money once, a redelivery cannot move it twice.
 */
@Entity
@Table(name = "savings_movement")
public class SavingsMovement extends PanacheEntityBase {

    @Id
    @Column(name = "event_id")
    public UUID eventId;
    @Column(name = "fund_code")
    public String fundCode;
    @Column(name = "istat_code")
    public String istatCode;
    @Column(name = "from_source")
    public String fromSource;
    @Enumerated(EnumType.STRING)
    public SourceBalance.Destination destination;
    public BigDecimal amount;
    public String reason;
    @Column(name = "legal_ref")
    public String legalRef;
    @Column(name = "occurred_at")
    public OffsetDateTime occurredAt;
    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;
}
