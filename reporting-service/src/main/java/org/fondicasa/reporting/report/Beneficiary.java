package org.fondicasa.reporting.report;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * An application of a call with a fund, as the municipal report and the Excel annexes need it: identified by protocol
 * number only, with the household, incomes, rent and the money granted, revoked, paid and withheld.
 */
@Entity
@Table(name = "beneficiary")
public class Beneficiary extends PanacheEntityBase {
    @Id
    @Column(name = "protocol_number")
    public String protocolNumber;
    @Column(name = "fund_code")
    public String fundCode;
    @Column(name = "istat_code")
    public String istatCode;
    @Column(name = "call_id")
    public UUID callId;
    @Column(name = "call_kind")
    public String callKind;
    public String band;
    @Column(name = "household_size")
    public Integer householdSize;
    @Column(name = "dependent_children")
    public Integer dependentChildren;
    public BigDecimal isee;
    @Column(name = "reference_income")
    public BigDecimal referenceIncome;
    @Column(name = "conventional_income")
    public BigDecimal conventionalIncome;
    @Column(name = "annual_rent")
    public BigDecimal annualRent;
    public Integer months;
    public BigDecimal incidence;
    public BigDecimal need;
    public BigDecimal granted = BigDecimal.ZERO.setScale(2);
    public BigDecimal revoked = BigDecimal.ZERO.setScale(2);
    public BigDecimal paid = BigDecimal.ZERO.setScale(2);
    public BigDecimal withheld = BigDecimal.ZERO.setScale(2);

    /** The contribution that went to the household or, withheld, to its tax arrears. */
    public BigDecimal contribution() {
        return paid.add(withheld);
    }

    public BigDecimal committed() {
        return granted.subtract(revoked);
    }
}
