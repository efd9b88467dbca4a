package org.fondicasa.reporting.report;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One version of a municipality's report on a fund; never changed, a correction is the next version. */
@Entity
@Table(name = "report")
@IdClass(Report.Key.class)
public class Report extends PanacheEntityBase {

    public record Key(String fundCode, String istatCode, int version) implements Serializable {
        public Key() {
            this(null, null, 0);
        }
    }

    @Id
    @Column(name = "fund_code")
    public String fundCode;
    @Id
    @Column(name = "istat_code")
    public String istatCode;
    @Id
    public int version;
    @Column(name = "budget_source")
    public String budgetSource;
    public BigDecimal available;
    public BigDecimal used;
    public BigDecimal unspent;
    @JdbcTypeCode(SqlTypes.JSON)
    public String beneficiaries;
    public String reason;
    @Column(name = "savings_declared")
    public BigDecimal savingsDeclared;
    /** The SavingsDeclared event sent, if any: the cause of the move allocation-service makes. */
    @Column(name = "savings_event_id")
    public UUID savingsEventId;
    @Column(name = "submitted_by")
    public String submittedBy;
    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;

    public static Report latest(String fundCode, String istatCode) {
        return find("fundCode = ?1 and istatCode = ?2 order by version desc", fundCode, istatCode).firstResult();
    }
}
