package org.fondicasa.allocation.municipality;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A Puglia municipality (comune), keyed by its ISTAT code; loaded from ISTAT's list by a migration. */
@Entity
@Table(name = "municipality")
public class Municipality extends PanacheEntityBase {

    @Id
    @Column(name = "istat_code")
    public String istatCode;
    public String name;
    @Column(name = "province_code")
    public String provinceCode;
    public String province;
    @Column(name = "province_abbr")
    public String provinceAbbr;
    @Column(name = "cadastral_code")
    public String cadastralCode;
    public int population;
    /** On the CIPE 87/2003 list of high housing tension: decides the co-financing penalty. */
    @Column(name = "high_housing_tension")
    public boolean highHousingTension;
    /** Listed in the act's Annex E: may redirect QSmine to the ordinary call. */
    @Column(name = "annex_e")
    public boolean annexE;
}
