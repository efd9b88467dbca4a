package org.fondicasa.allocation.need;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.fondicasa.allocation.fund.FundMunicipalityKey;

import java.math.BigDecimal;

/** A municipality's documented need (fabbisogno) for a fund: the weight of its share. */
@Entity
@Table(name = "fund_need")
@IdClass(FundMunicipalityKey.class)
public class FundNeed extends PanacheEntityBase {

    @Id
    @Column(name = "fund_code")
    public String fundCode;
    @Id
    @Column(name = "istat_code")
    public String istatCode;
    public BigDecimal need;
}
