package org.fondicasa.allocation.split;

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

/** One computed split (simulation or publication) or an allocation imported as an act published it. Immutable. */
@Entity
@Table(name = "allocation_run")
public class AllocationRun extends PanacheEntityBase {

    @Schema(name = "SplitRunKind")
    public enum Kind { SIMULATION, PUBLICATION, IMPORT }

    @Id
    public UUID id;
    @Column(name = "fund_code")
    public String fundCode;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    /** SHA-256 of the inputs and rules, so anyone can recompute the split and compare. */
    @Column(name = "inputs_hash")
    public String inputsHash;
    public BigDecimal amount;
    @Column(name = "bonus_reserve")
    public BigDecimal bonusReserve;
    @Column(name = "split_amount")
    public BigDecimal splitAmount;
    @Column(name = "total_need")
    public BigDecimal totalNeed;
    public BigDecimal allocated;
    public BigDecimal residual;
    public int rounds;
    /** "computed by largest remainder" or the act an imported allocation comes from. */
    public String source;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "created_by")
    public String createdBy;

    /** The fund's published allocation, computed or imported, if any. */
    public static AllocationRun published(String fundCode) {
        return find("fundCode = ?1 and kind <> ?2", fundCode, Kind.SIMULATION).firstResult();
    }
}
