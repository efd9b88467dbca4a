package org.fondicasa.allocation.cofinancing;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One revision of a municipality's ordinary-call inputs for a fund: Fin_base, Fin_c, QEmi, QSmine and its co-financing
 * (COFIN) with the deliberation and budget-chapter evidence. Revisions are never updated:
 * the latest one counts, the earlier ones are the history.
 */
@Entity
@Table(name = "cofinancing_declaration")
public class CofinancingDeclaration extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "fund_code")
    public String fundCode;
    @Column(name = "istat_code")
    public String istatCode;
    public int revision;
    /** The municipality's published share of this fund, as preloaded when declared. Euro, scale 2, as all money here. */
    @Column(name = "fin_base")
    public BigDecimal finBase;
    @Column(name = "fin_c")
    public BigDecimal finC;
    @Column(name = "q_emi")
    public BigDecimal qEmi;
    /** Only municipalities listed in the act's Annex E. */
    @Column(name = "q_smine")
    public BigDecimal qSmine;
    /** Municipal co-financing (COFIN). */
    public BigDecimal cofin;
    @Column(name = "deliberation_number")
    public String deliberationNumber;
    @Column(name = "deliberation_date")
    public LocalDate deliberationDate;
    /** Evidence of the budget chapter that holds the money. */
    @Column(name = "budget_chapter")
    public String budgetChapter;
    @Column(name = "declared_at")
    public OffsetDateTime declaredAt;
    @Column(name = "declared_by")
    public String declaredBy;

    public static CofinancingDeclaration latest(String fundCode, String istatCode) {
        return find("fundCode = ?1 and istatCode = ?2 order by revision desc", fundCode, istatCode).firstResult();
    }
}
