package org.fondicasa.application.application;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A place in a call that a person's own application took from an application that had listed them (written by
 * {@link Intake}): the application that lost it ({@code heldProtocol}) gets no money decision and no payment until the
 * call's managers resolve every contest on it. Seen by the call's managers only, never by citizens or desks.
 */
@Entity
@Table(name = "contested_claim")
public class ContestedClaim extends PanacheEntityBase {

    public enum Resolution {
        /** The held application goes on without the member (a mistake, a member who moved out): it is decided as any other. */
        RELEASED,
        /** The held application's household declaration does not stand: it is out of the call, an unpaid grant revoked. */
        EXCLUDED
    }

    @Id
    public UUID id;
    @Column(name = "call_id")
    public UUID callId;
    @Column(name = "fiscal_code")
    public String fiscalCode;
    @Column(name = "held_protocol")
    public String heldProtocol;
    @Column(name = "taken_by_protocol")
    public String takenByProtocol;
    @Column(name = "contested_at")
    public OffsetDateTime contestedAt;
    @Enumerated(EnumType.STRING)
    public Resolution resolution;
    public String note;
    @Column(name = "resolved_at")
    public OffsetDateTime resolvedAt;
    @Column(name = "resolved_by")
    public String resolvedBy;

    /** Whether an application waits for the operator's decision on a contest: no money decision, no payment. */
    public static boolean holds(String protocolNumber) {
        return count("heldProtocol = ?1 and resolvedAt is null", protocolNumber) > 0;
    }

    /** The applications of a call held by a contest that waits for the operator's decision. */
    public static Set<String> heldIn(UUID callId) {
        return ContestedClaim.<ContestedClaim>list("callId = ?1 and resolvedAt is null", callId).stream()
                .map(c -> c.heldProtocol).collect(Collectors.toSet());
    }

    /** Contests of a call still waiting for the operator's decision. */
    public static long unresolved(UUID callId) {
        return count("callId = ?1 and resolvedAt is null", callId);
    }
}
