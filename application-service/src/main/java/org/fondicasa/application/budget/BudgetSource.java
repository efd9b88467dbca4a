package org.fondicasa.application.budget;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** One source of a municipality's call budget for a fund (Fin_a, Fin_base, Fin_c, QEmi, QSmine, COFIN, bonus), at its latest revision. */
@Entity
@Table(name = "budget_source")
@IdClass(BudgetSource.Key.class)
public class BudgetSource extends PanacheEntityBase {

    public record Key(String fundCode, String istatCode, String kind) implements Serializable {
        public Key() {
            this(null, null, null);
        }
    }

    @Id
    @Column(name = "fund_code")
    public String fundCode;
    @Id
    @Column(name = "istat_code")
    public String istatCode;
    /** The legal name of the source: Fin_a, Fin_base, Fin_c, QEmi, QSmine, COFIN or bonus. */
    @Id
    public String kind;
    public int revision;
    public BigDecimal amount;
    @Column(name = "legal_ref")
    public String legalRef;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
