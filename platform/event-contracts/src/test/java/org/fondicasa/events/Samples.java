package org.fondicasa.events;

import org.fondicasa.events.allocation.BonusPublished;
import org.fondicasa.events.allocation.CofinancingDeclared;
import org.fondicasa.events.allocation.FundCreated;
import org.fondicasa.events.allocation.PenaltyRecorded;
import org.fondicasa.events.allocation.QuotaDeclared;
import org.fondicasa.events.allocation.SavingsMoved;
import org.fondicasa.events.allocation.BudgetReserved;
import org.fondicasa.events.allocation.BudgetReleased;
import org.fondicasa.events.allocation.SplitPublished;
import org.fondicasa.events.allocation.SplitSimulated;
import org.fondicasa.events.application.ApplicationAssessed;
import org.fondicasa.events.application.ApplicationNotFunded;
import org.fondicasa.events.application.ApplicationReceived;
import org.fondicasa.events.application.ApplicationWithdrawn;
import org.fondicasa.events.application.CallBudgetIncreased;
import org.fondicasa.events.application.CallClosed;
import org.fondicasa.events.application.CallOpened;
import org.fondicasa.events.application.ContributionGranted;
import org.fondicasa.events.application.ContributionPaid;
import org.fondicasa.events.application.ContributionRevoked;
import org.fondicasa.events.application.RankingPublished;
import org.fondicasa.events.reporting.DashboardFundUpdated;
import org.fondicasa.events.reporting.ReportMissing;
import org.fondicasa.events.reporting.ReportSubmitted;
import org.fondicasa.events.reporting.SavingsDeclared;

import java.util.List;

/** One event of every type as its producer would write it, every component filled (Bari, fund FINCOVID-2020). */
final class Samples {

    static final String FUND = "FINCOVID-2020";
    static final String BARI = "072006";
    static final String CALL = "5f0c2a8e-1b7d-4c3e-9a61-0d2f3b4c5a6e";
    static final String RUN = "0b7f4ad6-9f4b-4c2e-9d0e-2b1f7c7f0a11";
    static final String PROTOCOL = "2020-0000000042";

    private Samples() {
    }

    static List<DomainEvent> all() {
        return List.of(
                new FundCreated(FUND, "Fondo COVID affitti 2020", "DGR 1724/2020", 2020, "8357151.20", "0.00", "1000.00",
                        "0.25", "0.1", "REDISTRIBUTE", "2020-12-31T23:59:59+01:00", "2021-01-31T23:59:59+01:00", "FSA-2019", null),
                new SplitSimulated(FUND, RUN, "8357151.20", "0.00", "8357151.18", "0.02",
                        "a3f1c2d4e5b6a7980102030405060708090a0b0c0d0e0f101112131415161718"),
                new SplitPublished(FUND, BARI, "1022334.56", "2044669.12", "DGR 1724/2020", RUN, "computed"),
                new QuotaDeclared(FUND, BARI, 2, "1022334.56", "800000.00", "22334.56", "200000.00"),
                new CofinancingDeclared(FUND, BARI, 1, "33408.21", "0.00", "0.00", "0.00", "125000.50", "GC 12", "2020-11-01",
                        "Cap. 1402"),
                new BonusPublished(FUND, BARI, "1500.00", "125000.50", "33408.21", "DGR 2000/2020", RUN),
                new PenaltyRecorded(FUND, BARI, "0.1", "co-financing below the threshold"),
                new SavingsMoved(FUND, BARI, "Fin_a", "FIN_B", "150.00", "call closed with unspent Fin_a", "DGR 1724/2020",
                        RUN),
                new BudgetReserved(FUND, BARI, "Fin_a", CALL, FUND, 0, "800000.00", "0.00", "DGR 1724/2020 (Fin_a declared)"),
                new BudgetReleased(FUND, BARI, "Fin_a", CALL, "150.00", "150.00", "call closed with 150.00 unspent"),
                new CallOpened(CALL, "RENT_EMERGENCY", BARI, FUND, "DD 12/2020", "Contributo affitti COVID",
                        "2020-11-02T09:00+01:00", "2020-11-30T12:00+01:00", "800000.00"),
                new CallBudgetIncreased(CALL, "RENT_EMERGENCY", BARI, FUND, "DD 12/2020", "Fin_b", "600.00", "800600.00",
                        "DGR integrazione risorse 2020"),
                new CallClosed(CALL, "RENT_EMERGENCY", BARI, FUND, "DD 12/2020", "Fin_a", "800000.00", "799850.00", "150.00"),
                new RankingPublished(CALL, "RENT_SUPPORT", BARI, FUND, "DD 12/2020", RUN, "PROPORTIONAL", "200000.00",
                        "199999.99", 120, 100, 70, 30, 4),
                new ApplicationReceived(CALL, "RENT_EMERGENCY", BARI, FUND, PROTOCOL, "2020-11-02T08:00:01.123Z", 42L, false),
                new ApplicationAssessed(CALL, "RENT_SUPPORT", BARI, FUND, PROTOCOL, true, "PENDING", "A", 4, 2, "9000.00",
                        "12000.00", "9600.00", "6000.00", 12, "62.50", "3100.00", List.of()),
                new ApplicationNotFunded(CALL, "HARDSHIP_GRANT", BARI, FUND, PROTOCOL, "social worker's assessment: no grant"),
                new ApplicationWithdrawn(CALL, "RENT_EMERGENCY", BARI, FUND, PROTOCOL),
                new ContributionGranted(CALL, "RENT_EMERGENCY", BARI, FUND, PROTOCOL, "800.00", "800.00", "1200.00", true,
                        "budget left for part of the need"),
                new ContributionPaid(CALL, "RENT_EMERGENCY", BARI, FUND, PROTOCOL, "800.00", "50.00", "750.00",
                        "2020-12-15T10:00:00Z"),
                new ContributionRevoked(CALL, "RENT_EMERGENCY", BARI, FUND, PROTOCOL, "800.00", "false declaration"),
                new ReportSubmitted(FUND, BARI, 1, "Fin_a", "800000.00", "799850.00", "150.00", 1043, false),
                new SavingsDeclared(FUND, BARI, "Fin_a", "150.00", 1),
                new ReportMissing(FUND, BARI, "Fin_a", "450.00", "2021-01-31T23:59:59+01:00"),
                new DashboardFundUpdated(FUND, 257, 250, 240, 5, 2, 3, 250, 5000L, 4200L, "8357151.20", "7000000.00",
                        "6500000.00", "150.00", "450.00", "2021-02-01T08:00:00Z"));
    }
}
