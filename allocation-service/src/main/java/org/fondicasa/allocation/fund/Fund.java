package org.fondicasa.allocation.fund;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.fondicasa.platform.money.Euro;
import org.fondicasa.allocation.split.SplitRules;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** A fund the region splits among municipalities, with the legal act that set it and its rules. */
@Entity
@Table(name = "fund")
public class Fund extends PanacheEntityBase {

    @Id
    public String code;
    public String title;
    /** The act that set the fund and its rules, e.g. "DGR 1724/2020". */
    @Column(name = "legal_act")
    public String legalAct;
    public int year;
    /** Euro, scale 2, as are all money fields. */
    public BigDecimal amount;
    @Column(name = "bonus_reserve")
    public BigDecimal bonusReserve;
    @Column(name = "minimum_share")
    public BigDecimal minimumShare;
    /** COFIN at least this fraction of Fin_base entitles to the bonus; below it, high-tension municipalities are penalised. */
    @Column(name = "cofinancing_threshold")
    public BigDecimal cofinancingThreshold;
    @Column(name = "penalty_rate")
    public BigDecimal penaltyRate;
    @Enumerated(EnumType.STRING)
    @Column(name = "penalty_destination")
    public SplitRules.PenaltyDestination penaltyDestination;
    @Column(name = "quota_deadline")
    public OffsetDateTime quotaDeadline;
    @Column(name = "report_deadline")
    public OffsetDateTime reportDeadline;
    /** The fund whose co-financing outcome decides this one's penalties. */
    @Column(name = "previous_fund")
    public String previousFund;
    /** The fund whose quota declarations feed this one: its Fin_c is this fund's ordinary-call Fin_c (null: none). */
    @Column(name = "quota_fund")
    public String quotaFund;
    /** When the region closed the fund, recording its penalties; null while open. */
    @Column(name = "closed_at")
    public OffsetDateTime closedAt;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "created_by")
    public String createdBy;

    public SplitRules splitRules() {
        return new SplitRules(Euro.toCents(amount), Euro.toCents(bonusReserve), Euro.toCents(minimumShare), penaltyRate,
                penaltyDestination, legalAct);
    }
}
