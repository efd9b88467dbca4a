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
import org.fondicasa.allocation.split.AllocationRun;
import org.fondicasa.allocation.split.AllocationShare;
import org.fondicasa.platform.security.Caller;
import org.fondicasa.platform.security.Tenant;
import org.fondicasa.platform.time.RomeTime;
import org.fondicasa.platform.web.ProblemException;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.fondicasa.platform.security.Roles.MUNICIPALITY_OPERATOR;
import static org.fondicasa.platform.security.Roles.REGION_OFFICER;

/** How each municipality splits its published share into Fin_a / Fin_b / Fin_c, by the fund's deadline. */
@Path("/funds/{code}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Quotas (Fin_a, Fin_b, Fin_c)", description = "How each municipality divides its share among Fin_a, Fin_b and Fin_c, and the deadlines")
public class QuotaResource {

    static final String ISTAT = "[0-9]{6}";
    static final String ISTAT_MESSAGE = "must be a 6-digit ISTAT code";

    private final QuotaService quotas;
    private final Caller caller;
    private final Clock clock;

    public QuotaResource(QuotaService quotas, Caller caller, Clock clock) {
        this.quotas = quotas;
        this.caller = caller;
        this.clock = clock;
    }

    @PUT
    @Path("/municipalities/{istatCode}/quota")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(MUNICIPALITY_OPERATOR)
    @Tenant("istatCode")
    @Operation(operationId = "declareQuota", summary = "Declare or revise Fin_a + Fin_b + Fin_c = share (before the deadline); emits QuotaDeclared",
            description = "An operator declares for their own municipality; each declaration is a new revision. The three parts must add up to the published share to the cent; after the deadline (or its extension) the answer is 409.")
    public QuotaViews.Declaration declare(@PathParam("code") String code,
                                          @PathParam("istatCode") @Pattern(regexp = ISTAT, message = ISTAT_MESSAGE) String istatCode,
                                          @NotNull @Valid QuotaRequest request) {
        caller.requireMunicipality(istatCode);
        return QuotaViews.Declaration.of(quotas.declare(FundResource.require(code), istatCode, request, caller.name()));
    }

    @GET
    @Path("/municipalities/{istatCode}/quota")
    @RolesAllowed({REGION_OFFICER, MUNICIPALITY_OPERATOR})
    @Tenant("istatCode")
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
    @Tenant("istatCode")
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
    @Tenant("istatCode")
    @Operation(operationId = "extendQuotaDeadline", summary = "Extend the quota deadline for one municipality (local date-time in Europe/Rome, with a reason)",
            description = "The new deadline holds for that municipality only and is recorded with its reason.")
    public QuotaViews.Extension extend(@PathParam("code") String code,
                                       @PathParam("istatCode") @Pattern(regexp = ISTAT, message = ISTAT_MESSAGE) String istatCode,
                                       @NotNull @Valid ExtensionRequest request) {
        FundResource.require(code);
        org.fondicasa.allocation.municipality.MunicipalityResource.require(istatCode);
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
        AllocationRun run = QuotaService.requirePublished(fund);
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
            OffsetDateTime deadline = QuotaService.deadline(fund, s.istatCode);
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

    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(2);
    }
}
