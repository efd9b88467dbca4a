package org.fondicasa.allocation.penalty;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.fondicasa.allocation.fund.FundMunicipalityKey;

import java.time.OffsetDateTime;

/** A penalty recorded at the close of a fund; the fund that names it as previous applies it to its split. */
@Entity
@Table(name = "penalty")
@IdClass(FundMunicipalityKey.class)
public class RecordedPenalty extends PanacheEntityBase {

    @Id
    @Column(name = "fund_code")
    public String fundCode;
    @Id
    @Column(name = "istat_code")
    public String istatCode;
    public String reason;
    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;
}
