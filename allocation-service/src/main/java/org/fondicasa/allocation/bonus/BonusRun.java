package org.fondicasa.allocation.bonus;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A bonus distribution, simulated or published. Immutable. */
@Entity
@Table(name = "bonus_run")
public class BonusRun extends PanacheEntityBase {

    @Schema(name = "BonusRunKind")
    public enum Kind { SIMULATION, PUBLICATION }

    @Id
    public UUID id;
    @Column(name = "fund_code")
    public String fundCode;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    public BigDecimal threshold;
    public BigDecimal reserve;
    public BigDecimal allocated;
    public BigDecimal residual;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "created_by")
    public String createdBy;

    public static BonusRun published(String fundCode) {
        return find("fundCode = ?1 and kind = ?2", fundCode, Kind.PUBLICATION).firstResult();
    }
}
