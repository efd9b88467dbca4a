package org.fondicasa.reporting.dashboard;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A call as application-service announced it, with running counts: what dashboards show, no personal data. */
@Entity
@Table(name = "call_stats")
public class CallStats extends PanacheEntityBase {
    @Id
    @Column(name = "call_id")
    public UUID callId;
    @Column(name = "fund_code")
    public String fundCode;
    @Column(name = "istat_code")
    public String istatCode;
    public String kind;
    @Column(name = "opens_at")
    public OffsetDateTime opensAt;
    @Column(name = "closes_at")
    public OffsetDateTime closesAt;
    @Column(name = "closed_at")
    public OffsetDateTime closedAt;
    public int applications;
    public int eligible;

    /** The call's row, created by whichever of its events arrives first. */
    public static CallStats of(UUID callId, String kind, String fundCode, String istatCode) {
        CallStats stats = findById(callId);
        if (stats == null) {
            stats = new CallStats();
            stats.callId = callId;
            stats.kind = kind;
            stats.fundCode = fundCode;
            stats.istatCode = istatCode;
            stats.persist();
        }
        return stats;
    }
}
