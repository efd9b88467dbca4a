package org.fondicasa.allocation.savings;

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

/** Money moved after the fact, keyed by the event that caused it: a redelivery cannot move it twice. */
@Entity
@Table(name = "savings_movement")
public class SavingsMovement extends PanacheEntityBase {

    public enum Destination {
        /** the municipality's own Fin_b (unspent Fin_a of a closed call, DGR 1724/2020) */
        FIN_B,
        /** the regional pool for housing agencies (report missing at the deadline: ex officio) */
        HOUSING_AGENCIES
    }

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
    public Destination destination;
    public BigDecimal amount;
    public String reason;
    @Column(name = "legal_ref")
    public String legalRef;
    @Column(name = "occurred_at")
    public OffsetDateTime occurredAt;
    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;
}
