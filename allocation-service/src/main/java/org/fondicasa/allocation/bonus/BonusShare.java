package org.fondicasa.allocation.bonus;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.fondicasa.allocation.split.RunMunicipalityKey;

import java.math.BigDecimal;
import java.util.UUID;

/** One municipality's line in a bonus run: its COFIN, whether it is entitled, its bonus and why. */
@Entity
@Table(name = "bonus_share")
@IdClass(RunMunicipalityKey.class)
public class BonusShare extends PanacheEntityBase {

    @Id
    @Column(name = "run_id")
    public UUID runId;
    @Id
    @Column(name = "istat_code")
    public String istatCode;
    @Column(name = "fin_base")
    public BigDecimal finBase;
    public BigDecimal cofin;
    public boolean entitled;
    public BigDecimal bonus;
    public String explanation;
}
