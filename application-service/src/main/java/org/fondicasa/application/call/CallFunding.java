package org.fondicasa.application.call;

import java.math.BigDecimal;
import java.util.UUID;

/** Where a call's money stands, in counts and euro only (no personal data): what dashboards and load tests read. */
public record CallFunding(UUID callId, BigDecimal budget, BigDecimal committed, BigDecimal available, long applications,
                          long notEligible, long pending, long waiting, long granted, long partiallyGranted, long paid,
                          long revoked, long withdrawn, long notFunded) {
}
