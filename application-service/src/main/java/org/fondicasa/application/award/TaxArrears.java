package org.fondicasa.application.award;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** Arrears of municipal taxes the finance office recorded for an applicant: withheld from the contribution when paid. */
@Entity
@Table(name = "tax_arrears")
public class TaxArrears extends PanacheEntityBase {
    @Id
    @Column(name = "protocol_number")
    public String protocolNumber;
    public BigDecimal amount;
    public String reference;
    @Column(name = "recorded_by")
    public String recordedBy;
    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;
}
