package org.fondicasa.allocation.quota;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.fondicasa.allocation.fund.FundMunicipalityKey;

import java.time.OffsetDateTime;

/** More time for one municipality's quota declaration, granted by the region with a reason. */
@Entity
@Table(name = "quota_deadline_extension")
@IdClass(FundMunicipalityKey.class)
public class DeadlineExtension extends PanacheEntityBase {

    @Id
    @Column(name = "fund_code")
    public String fundCode;
    @Id
    @Column(name = "istat_code")
    public String istatCode;
    public OffsetDateTime deadline;
    public String reason;
    @Column(name = "granted_at")
    public OffsetDateTime grantedAt;
    @Column(name = "granted_by")
    public String grantedBy;
}
