package org.fondicasa.allocation.split;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** A municipality's share in an allocation run, with the explanation of how it came about. */
@Entity
@Table(name = "allocation_share")
@IdClass(RunMunicipalityKey.class)
public class AllocationShare extends PanacheEntityBase {

    @Id
    @Column(name = "run_id")
    public UUID runId;
    @Id
    @Column(name = "istat_code")
    public String istatCode;
    public BigDecimal need;
    public BigDecimal share;
    public boolean excluded;
    @Column(name = "penalty_cut")
    public BigDecimal penaltyCut;
    public BigDecimal redistributed;
    /** The exact pro-rata quota in cents, before rounding to the cent. */
    @Column(name = "exact_quota")
    public BigDecimal exactQuota;
    @Column(name = "remainder_cent")
    public boolean remainderCent;
    public String explanation;

    static List<AllocationShare> of(UUID runId) {
        return list("runId = ?1 order by istatCode", runId);
    }
}
