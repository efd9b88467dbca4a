package org.fondicasa.allocation.quota;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** One revision of a municipality's Fin_a / Fin_b / Fin_c declaration; never updated. */
@Entity
@Table(name = "quota_declaration")
public class QuotaDeclaration extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "fund_code")
    public String fundCode;
    @Column(name = "istat_code")
    public String istatCode;
    public int revision;
    /** The published share the declaration splits. */
    public BigDecimal share;
    @Column(name = "fin_a")
    public BigDecimal finA;
    @Column(name = "fin_b")
    public BigDecimal finB;
    @Column(name = "fin_c")
    public BigDecimal finC;
    @Column(name = "declared_at")
    public OffsetDateTime declaredAt;
    @Column(name = "declared_by")
    public String declaredBy;

    public static QuotaDeclaration latest(String fundCode, String istatCode) {
        return find("fundCode = ?1 and istatCode = ?2 order by revision desc", fundCode, istatCode).firstResult();
    }
}
