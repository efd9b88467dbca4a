package org.fondicasa.application.call;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A public call: its legal act, municipality (null for the region), window and rules (JSON of {@link CallRules}). */
@Entity
@Table(name = "call")
public class Call extends PanacheEntityBase {

    public enum Status { SCHEDULED, OPEN, CLOSED_FOR_APPLICATIONS, CLOSED }

    @Id
    public UUID id;
    @Enumerated(EnumType.STRING)
    public CallKind kind;
    public String title;
    @Column(name = "legal_act")
    public String legalAct;
    @Column(name = "istat_code")
    public String istatCode;
    @Column(name = "fund_code")
    public String fundCode;
    @Column(name = "opens_at")
    public OffsetDateTime opensAt;
    @Column(name = "closes_at")
    public OffsetDateTime closesAt;
    @JdbcTypeCode(SqlTypes.JSON)
    public String rules;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "closed_at")
    public OffsetDateTime closedAt;
    public BigDecimal unspent;

    public Status status(Instant now) {
        if (closedAt != null) {
            return Status.CLOSED;
        }
        if (now.isBefore(opensAt.toInstant())) {
            return Status.SCHEDULED;
        }
        return now.isBefore(closesAt.toInstant()) ? Status.OPEN : Status.CLOSED_FOR_APPLICATIONS;
    }
}
