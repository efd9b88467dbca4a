package org.fondicasa.allocation.source;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A call's hold on the sources of one fund and municipality (the lines are its {@link BudgetMovement}s). */
@Entity
@Table(name = "call_reservation")
public class CallReservation extends PanacheEntityBase {

    /** HELD until CallOpened confirms the call exists; CLOSED once its unspent money went back; WITHDRAWN if never opened. */
    public enum State { HELD, OPEN, CLOSED, WITHDRAWN }

    @Id
    @Column(name = "call_id")
    public UUID callId;
    @Column(name = "fund_code")
    public String fundCode;
    @Column(name = "istat_code")
    public String istatCode;
    @Column(name = "legal_act")
    public String legalAct;
    @Enumerated(EnumType.STRING)
    public State state;
    /** Granted less revoked, as application-service's events said (at closure: the call's own figure). */
    public BigDecimal committed;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "created_by")
    public String createdBy;
}
