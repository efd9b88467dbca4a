package org.fondicasa.allocation.fund;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** A fund the region splits among municipalities, with the legal act that set it. */
@Entity
@Table(name = "fund")
public class Fund extends PanacheEntityBase {

    @Id
    public String code;
    public String title;
    /** The act that set the fund, e.g. "DGR 1724/2020". */
    @Column(name = "legal_act")
    public String legalAct;
    public int year;
    /** Euro, scale 2. */
    public BigDecimal amount;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "created_by")
    public String createdBy;
}
