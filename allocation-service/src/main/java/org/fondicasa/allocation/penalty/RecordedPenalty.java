package org.fondicasa.allocation.penalty;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.OffsetDateTime;

/** A penalty recorded at the close of a fund; the fund that names it as previous applies it to its split. */
@Entity
@Table(name = "penalty")
@IdClass(RecordedPenalty.Key.class)
public class RecordedPenalty extends PanacheEntityBase {

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
    public String reason;
    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;
}
