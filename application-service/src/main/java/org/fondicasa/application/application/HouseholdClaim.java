package org.fondicasa.application.application;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.UUID;

/**
 * A household member's place in a call: the unique key that allows one application per household. OWN when the person
 * took it themselves (SPID/CIE), LISTED when someone named them; see {@link HouseholdPlaces}.
 */
@Entity
@Table(name = "household_claim")
@IdClass(HouseholdClaim.Key.class)
public class HouseholdClaim extends PanacheEntityBase {

    public record Key(UUID callId, String fiscalCode) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "call_id")
    public UUID callId;
    @Id
    @Column(name = "fiscal_code")
    public String fiscalCode;
    @Column(name = "protocol_number")
    public String protocolNumber;
    @Enumerated(EnumType.STRING)
    public HouseholdPlaces.Kind kind;
}
