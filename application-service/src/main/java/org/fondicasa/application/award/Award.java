package org.fondicasa.application.award;

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

/** Money granted to one application: committed while GRANTED or PAID; REVOKED gives it back to the call. */
@Entity
@Table(name = "award")
public class Award extends PanacheEntityBase {

    public enum Status { GRANTED, PAID, REVOKED }

    @Id
    @Column(name = "protocol_number")
    public String protocolNumber;
    @Column(name = "call_id")
    public UUID callId;
    public BigDecimal amount;
    public BigDecimal need;
    @Enumerated(EnumType.STRING)
    public Status status;
    public String explanation;
    @Column(name = "granted_at")
    public OffsetDateTime grantedAt;
    @Column(name = "granted_by")
    public String grantedBy;
    public BigDecimal withheld = BigDecimal.ZERO.setScale(2);
    @Column(name = "withholding_ref")
    public String withholdingRef;
    @Column(name = "paid_amount")
    public BigDecimal paidAmount;
    @Column(name = "paid_to_iban")
    public String paidToIban;
    @Column(name = "payment_reference")
    public String paymentReference;
    @Column(name = "paid_at")
    public OffsetDateTime paidAt;
    @Column(name = "paid_by")
    public String paidBy;
    @Column(name = "revoked_at")
    public OffsetDateTime revokedAt;
    @Column(name = "revoked_by")
    public String revokedBy;
    @Column(name = "revocation_reason")
    public String revocationReason;
}
