package org.fondicasa.allocation.source;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A source whose report was missing at its deadline: what it has available goes to the housing agencies. */
@Entity
@Table(name = "forfeited_source")
@IdClass(ForfeitedSource.Key.class)
public class ForfeitedSource extends PanacheEntityBase {

    public record Key(String fundCode, String istatCode, String source) implements Serializable {
        public Key() {
            this(null, null, null);
        }
    }

    @Id
    @Column(name = "fund_code")
    public String fundCode;
    @Id
    @Column(name = "istat_code")
    public String istatCode;
    @Id
    public String source;
    public String deadline;
    public UUID cause;
    @Column(name = "forfeited_at")
    public OffsetDateTime forfeitedAt;
}
