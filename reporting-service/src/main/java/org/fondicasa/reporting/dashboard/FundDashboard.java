package org.fondicasa.reporting.dashboard;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** What the region's dashboards show of a fund: counts and money only, per fund and per province; no personal data. */
public record FundDashboard(String fundCode, String title, String legalAct, OffsetDateTime reportDeadline,
                            int municipalities, int quotasDeclared, int reportsSubmitted, int reportsLate, int reportsMissing,
                            int callsOpen, int callsClosed, long applications, long eligible, BigDecimal share,
                            BigDecimal granted, BigDecimal revoked, BigDecimal paid, BigDecimal withheld, BigDecimal unspent,
                            BigDecimal movedToFinB, BigDecimal movedToHousingAgencies, BigDecimal residual,
                            List<Province> provinces, OffsetDateTime computedAt) {

    public record Province(String province, int municipalities, BigDecimal share, BigDecimal granted, BigDecimal paid) {
    }
}
