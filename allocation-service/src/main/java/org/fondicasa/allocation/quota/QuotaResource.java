package org.fondicasa.allocation.quota;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fondicasa.allocation.fund.Fund;
import org.fondicasa.allocation.fund.FundMunicipalityKey;
import org.fondicasa.allocation.fund.FundResource;
import org.fondicasa.platform.money.Euro;
import org.fondicasa.allocation.split.AllocationRun;
import org.fondicasa.allocation.split.AllocationShare;
import org.fondicasa.allocation.split.RunMunicipalityKey;
import org.fondicasa.platform.events.Outbox;
import org.fondicasa.platform.security.Caller;
import org.fondicasa.platform.time.RomeTime;
import org.fondicasa.platform.web.Problem;
import org.fondicasa.platform.web.ProblemException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import static org.fondicasa.platform.security.Roles.MUNICIPALITY_OPERATOR;
import static org.fondicasa.platform.security.Roles.REGION_OFFICER;

/** How each municipality splits its published share into Fin_a / Fin_b / Fin_c, by the fund's deadline. */
@Path("/funds/{code}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Quotas (Fin_a, Fin_b, Fin_c)", description = "How each municipality divides its share among Fin_a, Fin_b and Fin_c, and the deadlines")
public class QuotaResource {

    static final DateTimeFormatter ITALIAN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");
    static final String ISTAT = "[0-9]{6}";
    static final String ISTAT_MESSAGE = "must be a 6-digit ISTAT code";

    private final Outbox outbox;
    private final Caller caller;
    private final Clock clock;

    public QuotaResource(Outbox outbox, Caller caller, Clock clock) {
        this.clock = clock;
        this.outbox = outbox;
        this.caller = caller;
    }

    @PUT
    @Path("/municipalities/{istatCode}/quota")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @RolesAllowed(MUNICIPALITY_OPERATOR)
    @Operation(operationId = "declareQuota", summary = "Declare or revise Fin_a + Fin_b + Fin_c = share (before the deadline); emits QuotaDeclared",
            description = "An operator declares for their own municipality; each declaration is a new revision. The three parts must add up to the published share to the cent; after the deadline (or its extension) the answer is 409.")
    public QuotaViews.Declaration declare(@PathParam("code") String code,
                                          @PathParam("istatCode") @Pattern(regexp = ISTAT, message = ISTAT_MESSAGE) String istatCode,
                                          @NotNull @Valid QuotaRequest request) {
        caller.requireMunicipality(istatCode);
        Fund fund = FundResource.require(code);
        BigDecimal share = publishedShare(fund, istatCode);
        OffsetDateTime deadline = deadline(fund, istatCode);
        if (deadline != null && OffsetDateTime.now(clock).isAfter(deadline)) {
            throw new ProblemException(409, "deadline-passed", "The deadline has passed",
                    "Quota declarations for fund " + code + " closed on " + rome(deadline) + " (Europe/Rome); "
                            + "only the region can extend the deadline for municipality " + istatCode, List.of());
        }
        List<Problem.Violation> violations = QuotaRule.check(Euro.toCents(share), Euro.toCents(request.finA()),
                Euro.toCents(request.finB()), Euro.toCents(request.finC()), fund.legalAct).stream().map(Problem.Violation::of).toList();
        if (!violations.isEmpty()) {
            throw ProblemException.invalid("The declaration does not split the share of " + Euro.format(share), violations);
        }
        QuotaDeclaration previous = QuotaDeclaration.latest(code, istatCode);
        QuotaDeclaration d = new QuotaDeclaration();
        d.fundCode = code;
        d.istatCode = istatCode;
        d.revision = previous == null ? 1 : previous.revision + 1;
        d.share = share;
        d.finA = request.finA().setScale(2, RoundingMode.UNNECESSARY);
        d.finB = request.finB().setScale(2, RoundingMode.UNNECESSARY);
        d.finC = request.finC().setScale(2, RoundingMode.UNNECESSARY);
        d.declaredAt = OffsetDateTime.now(clock);
        d.declaredBy = caller.name();
        d.persist();
        outbox.publishForMunicipality(QuotaDeclared.TYPE, QuotaDeclared.VERSION, istatCode, new QuotaDeclared(code, istatCode,
                d.revision, share.toPlainString(), d.finA.toPlainString(), d.finB.toPlainString(), d.finC.toPlainString()));
        return QuotaViews.Declaration.of(d);
    }

    @GET
    @Path("/municipalities/{istatCode}/quota")
    @RolesAllowed({REGION_OFFICER, MUNICIPALITY_OPERATOR})
    @Operation(operationId = "getQuota", summary = "The municipality's latest quota declaration",
            description = "404 when the municipality has declared no quota for the fund.")
    public QuotaViews.Declaration latest(@PathParam("code") String code,
                                         @PathParam("istatCode") @Pattern(regexp = ISTAT, message = ISTAT_MESSAGE) String istatCode) {
        caller.requireMunicipality(istatCode);
        FundResource.require(code);
        QuotaDeclaration d = QuotaDeclaration.latest(code, istatCode);
        if (d == null) {
            throw ProblemException.notFound("Municipality " + istatCode + " has not declared its quotas for fund " + code);
        }
        return QuotaViews.Declaration.of(d);
    }

    @GET
    @Path("/municipalities/{istatCode}/quota/history")
    @RolesAllowed({REGION_OFFICER, MUNICIPALITY_OPERATOR})
    @Operation(operationId = "listQuotaRevisions", summary = "Every revision of the municipality's quota declaration, oldest first",
            description = "Each revision with who declared it and when.")
    public List<QuotaViews.Declaration> history(@PathParam("code") String code,
                                                @PathParam("istatCode") @Pattern(regexp = ISTAT, message = ISTAT_MESSAGE) String istatCode) {
        caller.requireMunicipality(istatCode);
        FundResource.require(code);
        return QuotaDeclaration.<QuotaDeclaration>list("fundCode = ?1 and istatCode = ?2 order by revision", code, istatCode)
                .stream().map(QuotaViews.Declaration::of).toList();
    }

    @PUT
    @Path("/municipalities/{istatCode}/quota-deadline")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @RolesAllowed(REGION_OFFICER)
    @Operation(operationId = "extendQuotaDeadline", summary = "Extend the quota deadline for one municipality (local date-time in Europe/Rome, with a reason)",
            description = "The new deadline holds for that municipality only and is recorded with its reason.")
    public QuotaViews.Extension extend(@PathParam("code") String code,
                                       @PathParam("istatCode") @Pattern(regexp = ISTAT, message = ISTAT_MESSAGE) String istatCode,
                                       @NotNull @Valid ExtensionRequest request) {
        FundResource.require(code);
        DeadlineExtension e = DeadlineExtension.findById(new FundMunicipalityKey(code, istatCode));
        if (e == null) {
            e = new DeadlineExtension();
            e.fundCode = code;
            e.istatCode = istatCode;
        }
        e.deadline = request.deadline().atZone(RomeTime.ZONE).toOffsetDateTime();
        e.reason = request.reason().strip();
        e.grantedAt = OffsetDateTime.now(clock);
        e.grantedBy = caller.name();
        e.persist();
        return new QuotaViews.Extension(e.deadline, e.reason);
    }

    public record ExtensionRequest(@NotNull LocalDateTime deadline, @NotBlank String reason) {
    }

    @GET
    @Path("/quotas")
    @RolesAllowed(REGION_OFFICER)
    @Operation(operationId = "getQuotaOverview", summary = "Who has declared, who is pending, who is late, and the totals",
            description = "Per municipality with a share: declared, pending or late against its deadline, with the totals of Fin_a, Fin_b and Fin_c.")
    public QuotaViews.Overview overview(@PathParam("code") String code) {
        Fund fund = FundResource.require(code);
        AllocationRun run = requirePublished(fund);
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<QuotaViews.Line> lines = new ArrayList<>();
        BigDecimal totalShare = zero();
        BigDecimal a = zero();
        BigDecimal b = zero();
        BigDecimal c = zero();
        int declared = 0;
        int late = 0;
        for (AllocationShare s : AllocationShare.<AllocationShare>list("runId = ?1 and excluded = false order by istatCode", run.id)) {
            if (s.share.signum() == 0) {
                continue;
            }
            totalShare = totalShare.add(s.share);
            QuotaDeclaration d = QuotaDeclaration.latest(code, s.istatCode);
            OffsetDateTime deadline = deadline(fund, s.istatCode);
            QuotaViews.Status status;
            if (d != null) {
                status = QuotaViews.Status.DECLARED;
                declared++;
                a = a.add(d.finA);
                b = b.add(d.finB);
                c = c.add(d.finC);
            } else if (deadline != null && now.isAfter(deadline)) {
                status = QuotaViews.Status.LATE;
                late++;
            } else {
                status = QuotaViews.Status.PENDING;
            }
            lines.add(new QuotaViews.Line(s.istatCode, s.share, status, deadline, d == null ? null : QuotaViews.Declaration.of(d)));
        }
        return new QuotaViews.Overview(code, fund.quotaDeadline, lines.size(), declared, lines.size() - declared - late, late,
                totalShare, a, b, c, lines);
    }

    private static BigDecimal publishedShare(Fund fund, String istatCode) {
        AllocationRun run = requirePublished(fund);
        AllocationShare share = AllocationShare.findById(new RunMunicipalityKey(run.id, istatCode));
        if (share == null || share.excluded || share.share.signum() == 0) {
            throw ProblemException.notFound("Municipality " + istatCode + " has no share in fund " + fund.code);
        }
        return share.share;
    }

    private static AllocationRun requirePublished(Fund fund) {
        AllocationRun run = AllocationRun.published(fund.code);
        if (run == null) {
            throw ProblemException.conflict("The allocation of fund " + fund.code + " is not published yet");
        }
        return run;
    }

    private static OffsetDateTime deadline(Fund fund, String istatCode) {
        DeadlineExtension e = DeadlineExtension.findById(new FundMunicipalityKey(fund.code, istatCode));
        return e != null ? e.deadline : fund.quotaDeadline;
    }

    static String rome(OffsetDateTime instant) {
        return instant.atZoneSameInstant(RomeTime.ZONE).format(ITALIAN);
    }

    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(2);
    }
}
