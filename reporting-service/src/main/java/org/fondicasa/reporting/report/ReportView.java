package org.fondicasa.reporting.report;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** A report version, or the draft the service pre-fills from the grants and payments it has seen (version 0). */
public record ReportView(String fundCode, String istatCode, int version, String budgetSource, BigDecimal available,
                         BigDecimal used, BigDecimal unspent, List<ReportRequest.Line> beneficiaries, String reason,
                         String submittedBy, OffsetDateTime submittedAt, OffsetDateTime deadline, boolean late) {
}
