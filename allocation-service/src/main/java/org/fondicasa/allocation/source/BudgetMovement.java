package org.fondicasa.allocation.source;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One reservation or release of a source by a call; its cause (a request or an event) happens once. */
@Entity
@Table(name = "budget_movement")
public class BudgetMovement extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "fund_code")
    public String fundCode;
    @Column(name = "istat_code")
    public String istatCode;
    public String source;
    @Column(name = "call_id")
    public UUID callId;
    /** The source's place in the call's spending order. */
    public int position;
    @Enumerated(EnumType.STRING)
    public SourceBalance.Type type;
    public BigDecimal amount;
    public String reason;
    @Column(name = "legal_ref")
    public String legalRef;
    public String cause;
    @Column(name = "occurred_at")
    public OffsetDateTime occurredAt;
    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;

    public SourceKey key() {
        return new SourceKey(fundCode, istatCode, source);
    }
}
