package org.fondicasa.reporting.dashboard;

import jakarta.enterprise.context.ApplicationScoped;
import org.fondicasa.platform.money.Euro;
import org.fondicasa.platform.time.RomeTime;
import org.fondicasa.platform.web.ProblemException;
import org.fondicasa.reporting.deadline.MissingReport;
import org.fondicasa.reporting.ledger.KnownFund;
import org.fondicasa.reporting.ledger.Ledger;
import org.fondicasa.reporting.ledger.LedgerReader;
import org.fondicasa.reporting.municipality.Municipalities;
import org.fondicasa.reporting.report.Report;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/** Computes a fund's dashboard from the ledger, the reports and the calls. */
@ApplicationScoped
public class DashboardService {

    private final LedgerReader ledger;
    private final Municipalities municipalities;
    private final Clock clock;

    public DashboardService(LedgerReader ledger, Municipalities municipalities, Clock clock) {
        this.clock = clock;
        this.ledger = ledger;
        this.municipalities = municipalities;
    }

    public FundDashboard fund(String code) {
        KnownFund fund = KnownFund.findById(code);
        if (fund == null) {
            throw ProblemException.notFound("No fund has code " + code);
        }
        Map<String, Ledger.Line> lines = ledger.lines(code);
        Collection<Ledger.Line> all = lines.values();
        List<Report> firstVersions = Report.list("fundCode = ?1 and version = 1", code);
        int late = (int) firstVersions.stream()
                .filter(r -> fund.reportDeadline != null && r.submittedAt.isAfter(fund.reportDeadline)).count();
        List<CallStats> calls = CallStats.list("fundCode", code);
        OffsetDateTime now = OffsetDateTime.now(clock);
        long share = sum(all, l -> l.declared(Ledger.Kind.SHARE).orElse(0L));
        long granted = sum(all, l -> l.flow(Ledger.Kind.GRANTED));
        long revoked = sum(all, l -> l.flow(Ledger.Kind.REVOKED));
        long paid = sum(all, l -> l.flow(Ledger.Kind.PAID));
        long withheld = sum(all, l -> l.flow(Ledger.Kind.WITHHELD));
        long toFinB = sum(all, l -> l.flow(Ledger.Kind.MOVED_TO_FIN_B));
        long toAgencies = sum(all, l -> l.flow(Ledger.Kind.MOVED_TO_HOUSING_AGENCIES));
        Map<String, List<Ledger.Line>> byProvince = all.stream().collect(Collectors.groupingBy(
                l -> municipalities.find(l.istatCode()).map(Municipalities.Municipality::province).orElse("?"), TreeMap::new, Collectors.toList()));
        List<FundDashboard.Province> provinces = byProvince.entrySet().stream().map(e -> new FundDashboard.Province(e.getKey(),
                e.getValue().size(), Euro.ofCents(sum(e.getValue(), l -> l.declared(Ledger.Kind.SHARE).orElse(0L))),
                Euro.ofCents(sum(e.getValue(), Ledger.Line::committed)),
                Euro.ofCents(sum(e.getValue(), l -> l.flow(Ledger.Kind.PAID) + l.flow(Ledger.Kind.WITHHELD))))).toList();
        return new FundDashboard(code, fund.title, fund.legalAct,
                fund.reportDeadline == null ? null : fund.reportDeadline.atZoneSameInstant(RomeTime.ZONE).toOffsetDateTime(),
                lines.size(), (int) all.stream().filter(l -> l.declared(Ledger.Kind.FIN_A).isPresent()).count(),
                firstVersions.size(), late, (int) MissingReport.count("fundCode", code),
                (int) calls.stream().filter(c -> c.closedAt == null && c.opensAt != null && !now.isBefore(c.opensAt)
                        && (c.closesAt == null || now.isBefore(c.closesAt))).count(),
                (int) calls.stream().filter(c -> c.closedAt != null).count(),
                calls.stream().mapToLong(c -> c.applications).sum(), calls.stream().mapToLong(c -> c.eligible).sum(),
                Euro.ofCents(share), Euro.ofCents(granted), Euro.ofCents(revoked), Euro.ofCents(paid), Euro.ofCents(withheld),
                Euro.ofCents(sum(all, l -> l.flow(Ledger.Kind.UNSPENT))), Euro.ofCents(toFinB), Euro.ofCents(toAgencies),
                fund.amount.subtract(Euro.ofCents(share)), provinces, now.atZoneSameInstant(RomeTime.ZONE).toOffsetDateTime());
    }

    private static long sum(Collection<Ledger.Line> lines, ToLongFunction<Ledger.Line> value) {
        return lines.stream().mapToLong(value).sum();
    }
}
