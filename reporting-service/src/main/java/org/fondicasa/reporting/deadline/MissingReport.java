package org.fondicasa.reporting.deadline;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A report missing at its deadline, marked once. */
@Entity
@Table(name = "missing_report")
@IdClass(MissingReport.Key.class)
public class MissingReport extends PanacheEntityBase {

    public record Key(String fundCode, String istatCode) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "fund_code")
    public String fundCode;
    @Id
    @Column(name = "istat_code")
    public String istatCode;
    public OffsetDateTime deadline;
    public BigDecimal available;
    @Column(name = "marked_at")
    public OffsetDateTime markedAt;
    /** The ReportMissing event sent: the cause of the move allocation-service makes. */
    @Column(name = "event_id")
    public UUID eventId;
}
