package org.fondicasa.reporting.deadline;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fondicasa.platform.time.RomeTime;
import org.fondicasa.platform.web.ProblemException;
import org.fondicasa.reporting.ledger.KnownFund;
import org.fondicasa.reporting.ledger.Ledger;
import org.fondicasa.reporting.ledger.LedgerReader;
import org.fondicasa.reporting.report.Report;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import static org.fondicasa.platform.security.Roles.REGION_OFFICER;

/** What the region sees of a fund's reports: who reported (late or not), who is missing, who is still due. */
@Path("/funds/{code}/reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reports (rendicontazione)", description = "Municipal reports on Fin_a and their deadlines")
public class DeadlineResource {

    public enum State { DUE, SUBMITTED, SUBMITTED_LATE, MISSING }

    public record ReportStatus(String istatCode, State state, Integer version, BigDecimal finA, BigDecimal availableMovedToAgencies) {
    }

    public record Overview(String fundCode, OffsetDateTime deadline, List<ReportStatus> municipalities) {
    }

    private final LedgerReader ledger;
    private final ReportDeadlines deadlines;

    public DeadlineResource(LedgerReader ledger, ReportDeadlines deadlines) {
        this.ledger = ledger;
        this.deadlines = deadlines;
    }

    @GET
    @RolesAllowed(REGION_OFFICER)
    @Operation(operationId = "listReportStatuses", summary = "Every municipality with Fin_a > 0 in the fund: report submitted (on time or late), missing, or due",
            description = "Measured against the fund's report deadline (Europe/Rome).")
    public Overview overview(@PathParam("code") String code) {
        KnownFund fund = fund(code);
        List<ReportStatus> lines = ledger.lines(code).entrySet().stream()
                .filter(e -> ReportDeadlines.owesReport(e.getValue()))
                .map(e -> {
                    Report report = Report.latest(code, e.getKey());
                    MissingReport missing = MissingReport.findById(new MissingReport.Key(code, e.getKey()));
                    BigDecimal finA = BigDecimal.valueOf(e.getValue().declared(Ledger.Kind.FIN_A).get(), 2);
                    if (report != null) {
                        Report first = Report.find("fundCode = ?1 and istatCode = ?2 order by version", code, e.getKey()).firstResult();
                        boolean late = fund.reportDeadline != null && first.submittedAt.isAfter(fund.reportDeadline);
                        return new ReportStatus(e.getKey(), late ? State.SUBMITTED_LATE : State.SUBMITTED, report.version, finA,
                                missing == null ? null : missing.available);
                    }
                    return new ReportStatus(e.getKey(), missing != null ? State.MISSING : State.DUE, null, finA,
                            missing == null ? null : missing.available);
                }).toList();
        return new Overview(code, fund.reportDeadline == null ? null
                : fund.reportDeadline.atZoneSameInstant(RomeTime.ZONE).toOffsetDateTime(), lines);
    }

    @POST
    @Path("/missing")
    @RolesAllowed(REGION_OFFICER)
    @Operation(operationId = "markMissingReports", summary = "Run the deadline check now (it also runs every minute): marks missing reports once, after the deadline",
            description = "A report is marked missing once; the municipality's available Fin_a then goes to the housing agencies.")
    public Overview markMissing(@PathParam("code") String code) {
        fund(code);
        deadlines.markMissing(code);
        return overview(code);
    }

    private static KnownFund fund(String code) {
        KnownFund fund = KnownFund.findById(code);
        if (fund == null) {
            throw ProblemException.notFound("No fund has code " + code);
        }
        return fund;
    }
}
