package org.fondicasa.allocation.need;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.math.BigDecimal;

/** A municipality's documented need (fabbisogno) for a fund: the weight of its share. */
@Entity
@Table(name = "fund_need")
@IdClass(FundNeed.Key.class)
public class FundNeed extends PanacheEntityBase {

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
    public BigDecimal need;
}
