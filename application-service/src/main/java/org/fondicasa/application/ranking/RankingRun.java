package org.fondicasa.application.ranking;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A published ranking (one per call, never changed; simulations are not stored). Entries are JSON of
 * {@link RankingView.Entry}.
 */
@Entity
@Table(name = "ranking_run")
public class RankingRun extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "call_id")
    public UUID callId;
    public boolean published;
    public BigDecimal budget;
    public BigDecimal committed;
    public String strategy;
    /** The JSON text as answered at publication. */
    public String entries;
    public String excluded;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
