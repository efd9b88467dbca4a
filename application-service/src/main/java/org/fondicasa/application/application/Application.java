package org.fondicasa.application.application;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An accepted application: written once by intake (see {@link Intake}); later steps change only its status. */
@Entity
@Table(name = "application")
public class Application extends PanacheEntityBase {
    @Id
    @Column(name = "protocol_number")
    public String protocolNumber;
    @Column(name = "receipt_seq")
    public long receiptSeq;
    @Column(name = "call_id")
    public UUID callId;
    @Column(name = "received_at")
    public OffsetDateTime receivedAt;
    @Column(name = "applicant_fiscal_code")
    public String applicantFiscalCode;
    @Column(name = "submitted_by")
    public String submittedBy;
    public boolean assisted;
    @JdbcTypeCode(SqlTypes.JSON)
    public String form;
    public boolean eligible;
    public String band;
    public BigDecimal need;
    @JdbcTypeCode(SqlTypes.JSON)
    public String assessment;
    @Enumerated(EnumType.STRING)
    public ApplicationStatus status;
    @Column(name = "status_changed_at")
    public OffsetDateTime statusChangedAt;

    public void moveTo(ApplicationStatus next, OffsetDateTime at) {
        status = next;
        statusChangedAt = at;
    }
}
