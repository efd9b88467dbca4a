package org.fondicasa.application.call;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One source of a call's money (Fin_a, COFIN, a municipal budget line, a top-up) and the act behind it. */
@Entity
@Table(name = "call_budget_entry")
public class CallBudgetEntry extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "call_id")
    public UUID callId;
    public String source;
    public BigDecimal amount;
    @Column(name = "legal_ref")
    public String legalRef;
    @Column(name = "recorded_by")
    public String recordedBy;
    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;
}
