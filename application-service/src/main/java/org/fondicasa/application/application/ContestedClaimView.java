package org.fondicasa.application.application;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A contest as the call's managers see it: whose place ({@code fiscalCode}), the application that had listed them and
 * is held ({@code heldProtocol}), the person's own application that took the place ({@code takenByProtocol}), and the
 * operator's decision once made. Never shown to citizens or desk operators.
 */
public record ContestedClaimView(UUID id, UUID callId, String fiscalCode, String heldProtocol, String takenByProtocol,
                                 OffsetDateTime contestedAt, ContestedClaim.Resolution resolution, String note,
                                 OffsetDateTime resolvedAt, String resolvedBy) {
}
