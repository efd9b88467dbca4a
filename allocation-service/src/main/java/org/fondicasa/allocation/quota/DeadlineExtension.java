package org.fondicasa.allocation.quota;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.OffsetDateTime;

/** More time for one municipality's quota declaration, granted by the region with a reason. */
@Entity
@Table(name = "quota_deadline_extension")
@IdClass(DeadlineExtension.Key.class)
public class DeadlineExtension extends PanacheEntityBase {

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
    public OffsetDateTime deadline;
    public String reason;
    @Column(name = "granted_at")
    public OffsetDateTime grantedAt;
    @Column(name = "granted_by")
    public String grantedBy;
}
