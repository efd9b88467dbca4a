package org.fondicasa.reporting.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.fondicasa.events.reporting.ReportSubmitted;
import org.fondicasa.events.reporting.SavingsDeclared;
import org.fondicasa.platform.events.Outbox;
import org.fondicasa.platform.money.Euro;
import org.fondicasa.platform.security.Caller;
import org.fondicasa.platform.time.RomeTime;
import org.fondicasa.platform.web.Problem.Violation;
import org.fondicasa.platform.web.ProblemException;
import org.fondicasa.reporting.ledger.KnownFund;
import org.fondicasa.reporting.ledger.Ledger;
import org.fondicasa.reporting.deadline.MissingReport;
import org.fondicasa.reporting.ledger.LedgerReader;
import org.fondicasa.reporting.ledger.SourceFigures;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The municipal report on a fund's Fin_a (rendicontazione, DOMAIN §1.4): pre-filled from the grants and payments the
 * ledger saw, confirmed or corrected by the municipality, checked, stored as an immutable version.
 */
@ApplicationScoped
public class ReportService {

    static final String BUDGET_SOURCE = "Fin_a";
    static final String EMERGENCY_CALLS = "RENT_EMERGENCY";

    private final LedgerReader ledger;
    private final Outbox outbox;
    private final ObjectMapper mapper;
    private final Clock clock;

    public ReportService(LedgerReader ledger, Outbox outbox, ObjectMapper mapper, Clock clock) {
        this.clock = clock;
        this.ledger = ledger;
        this.outbox = outbox;
        this.mapper = mapper;
    }

    /** What the service would report: the Fin_a declared and every contribution paid from it. */
    public ReportView draft(String fundCode, String istatCode, Caller caller) {
        KnownFund fund = fund(fundCode, istatCode, caller);
        long available = available(fundCode, istatCode);
        List<ReportRequest.Line> lines = Beneficiary.<Beneficiary>list(
                        "fundCode = ?1 and istatCode = ?2 and callKind = ?3 order by protocolNumber", fundCode, istatCode, EMERGENCY_CALLS)
                .stream().filter(b -> b.contribution().signum() > 0)
                .map(b -> new ReportRequest.Line(b.protocolNumber, b.householdSize, b.dependentChildren, b.isee, b.contribution()))
                .toList();
        long used = lines.stream().mapToLong(l -> Euro.toCents(l.contributionPaid())).sum();
        return new ReportView(fundCode, istatCode, 0, BUDGET_SOURCE, Euro.ofCents(available), Euro.ofCents(used),
                Euro.ofCents(available - used), lines, null, null, null, rome(fund.reportDeadline), false);
    }

    @Transactional
    public ReportView submit(String fundCode, String istatCode, ReportRequest request, Caller caller) {
        KnownFund fund = fund(fundCode, istatCode, caller);
        Report previous = Report.latest(fundCode, istatCode);
        if (previous != null && (request.reason() == null || request.reason().isBlank())) {
            throw ProblemException.invalid("A correction needs its reason", List.of(new Violation("reason",
                    "version " + previous.version + " was submitted on " + rome(previous.submittedAt) + "; say why it is corrected")));
        }
        long available = available(fundCode, istatCode);
        Map<String, Long> committed = Beneficiary.<Beneficiary>list("fundCode = ?1 and istatCode = ?2 and callKind = ?3",
                        fundCode, istatCode, EMERGENCY_CALLS).stream()
                .collect(Collectors.toMap(b -> b.protocolNumber, b -> Euro.toCents(b.committed())));
        List<ReportCheck.Line> lines = request.beneficiaries().stream()
                .map(l -> new ReportCheck.Line(l.protocolNumber(), Euro.toCents(l.contributionPaid()))).toList();
        List<Violation> violations = ReportCheck.check(available, Euro.toCents(request.used()), Euro.toCents(request.unspent()),
                lines, committed).stream().map(Violation::of).toList();
        if (!violations.isEmpty()) {
            throw ProblemException.invalid("The report does not add up; nothing was stored", violations);
        }
        Report report = new Report();
        report.fundCode = fundCode;
        report.istatCode = istatCode;
        report.version = previous == null ? 1 : previous.version + 1;
        report.budgetSource = BUDGET_SOURCE;
        report.available = Euro.ofCents(available);
        report.used = request.used().setScale(2);
        report.unspent = request.unspent().setScale(2);
        report.beneficiaries = json(request.beneficiaries());
        report.reason = request.reason() == null ? null : request.reason().strip();
        report.submittedBy = caller.name();
        report.submittedAt = OffsetDateTime.now(clock);
        report.savingsDeclared = Euro.ofCents(newSavings(fundCode, istatCode, Euro.toCents(report.unspent)));
        boolean late = fund.reportDeadline != null && report.submittedAt.isAfter(fund.reportDeadline);
        outbox.publish(new ReportSubmitted(fundCode, istatCode, report.version, BUDGET_SOURCE, report.available.toPlainString(),
                report.used.toPlainString(), report.unspent.toPlainString(), request.beneficiaries().size(), late));
        if (report.savingsDeclared.signum() > 0) {
            report.savingsEventId = UUID.fromString(outbox.publish(new SavingsDeclared(fundCode, istatCode, BUDGET_SOURCE,
                    report.savingsDeclared.toPlainString(), report.version)).id());
        }
        report.persist();
        return view(report, fund);
    }

    public ReportView latest(String fundCode, String istatCode, Caller caller) {
        KnownFund fund = fund(fundCode, istatCode, caller);
        Report report = Report.latest(fundCode, istatCode);
        if (report == null) {
            throw ProblemException.notFound("Municipality " + istatCode + " has not reported on fund " + fundCode
                    + (fund.reportDeadline == null ? "" : " (deadline " + rome(fund.reportDeadline) + ", Europe/Rome)"));
        }
        return view(report, fund);
    }

    public List<ReportView> versions(String fundCode, String istatCode, Caller caller) {
        KnownFund fund = fund(fundCode, istatCode, caller);
        return Report.<Report>list("fundCode = ?1 and istatCode = ?2 order by version", fundCode, istatCode).stream()
                .map(r -> view(r, fund)).toList();
    }

    /**
     * The unspent money no one has moved or claimed yet: not what left Fin_a (to Fin_b, to the housing agencies), nor
     * what an earlier version, the missing report or a closed call claimed and allocation-service has not moved yet
     * (the ledger knows a claim was moved when a SavingsMoved names it as its cause).
     */
    private long newSavings(String fundCode, String istatCode, long unspent) {
        Ledger.Line line = ledger.line(fundCode, istatCode);
        long movedOut = line.source(fundCode, BUDGET_SOURCE).map(SourceFigures::movedOutTotal).orElse(0L);
        long pending = line.unmovedClosures().getOrDefault(BUDGET_SOURCE, 0L);
        for (Report earlier : Report.<Report>list("fundCode = ?1 and istatCode = ?2", fundCode, istatCode)) {
            if (earlier.savingsEventId != null && !line.moved(earlier.savingsEventId.toString())) {
                pending += Euro.toCents(earlier.savingsDeclared);
            }
        }
        MissingReport missing = MissingReport.findById(new MissingReport.Key(fundCode, istatCode));
        if (missing != null && missing.eventId != null && !line.moved(missing.eventId.toString())) {
            pending += Euro.toCents(missing.available);
        }
        return NewSavings.of(unspent, movedOut, pending);
    }

    /** The Fin_a the municipality declared, as the ledger saw it; a report needs one. */
    private long available(String fundCode, String istatCode) {
        return ledger.line(fundCode, istatCode).declared(Ledger.Kind.FIN_A).orElseThrow(() -> ProblemException.unprocessable(
                "no-quota", "Nothing to report on", "Municipality " + istatCode + " declared no Fin_a in fund " + fundCode, List.of()));
    }

    private static KnownFund fund(String fundCode, String istatCode, Caller caller) {
        caller.requireMunicipality(istatCode);
        KnownFund fund = KnownFund.findById(fundCode);
        if (fund == null) {
            throw ProblemException.notFound("No fund has code " + fundCode);
        }
        return fund;
    }

    private ReportView view(Report r, KnownFund fund) {
        try {
            return new ReportView(r.fundCode, r.istatCode, r.version, r.budgetSource, r.available, r.used, r.unspent,
                    mapper.readValue(r.beneficiaries, new TypeReference<List<ReportRequest.Line>>() { }), r.reason, r.submittedBy,
                    rome(r.submittedAt), rome(fund.reportDeadline), fund.reportDeadline != null && r.submittedAt.isAfter(fund.reportDeadline));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static OffsetDateTime rome(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(RomeTime.ZONE).toOffsetDateTime();
    }
}
