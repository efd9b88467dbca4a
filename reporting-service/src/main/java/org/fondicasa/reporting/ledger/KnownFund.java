package org.fondicasa.reporting.ledger;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** A fund as allocation-service announced it (FundCreated). */
@Entity
@Table(name = "fund")
public class KnownFund extends PanacheEntityBase {
    @Id
    public String code;
    public String title;
    @Column(name = "legal_act")
    public String legalAct;
    public int year;
    public BigDecimal amount;
    /** When municipalities must have reported (Europe/Rome); null when the act sets none. */
    @Column(name = "report_deadline")
    public OffsetDateTime reportDeadline;
    /** The fund whose quota Fin_c feeds this fund's ordinary call (FundCreated.quotaFund); null when none. */
    @Column(name = "quota_fund")
    public String quotaFund;
}
