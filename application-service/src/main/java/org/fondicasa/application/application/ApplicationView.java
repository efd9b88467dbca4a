package org.fondicasa.application.application;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * One application as its applicant and the officers of its call see it: the receipt, the assessment with every check,
 * and the money granted, withheld and paid. {@code contests}: for the call's managers only (absent for anyone else),
 * the household contests this application is part of, held by them or taking a place; an application with an
 * unresolved contest as {@code heldProtocol} gets no money decision and no payment until it is resolved.
 */
public record ApplicationView(String protocolNumber, UUID callId, long placeInLine, OffsetDateTime receivedAt,
                              ApplicationStatus status, boolean assisted, String submittedBy, boolean eligible, String band,
                              BigDecimal need, JsonNode assessment, AwardView award, JsonNode form,
                              @JsonInclude(JsonInclude.Include.NON_NULL) List<ContestedClaimView> contests) {

    public record AwardView(String status, BigDecimal amount, BigDecimal withheld, String withholdingRef, BigDecimal paid,
                            String paidToIban, String paymentReference, OffsetDateTime grantedAt, OffsetDateTime paidAt,
                            OffsetDateTime revokedAt, String revocationReason, String explanation) {
    }
}
