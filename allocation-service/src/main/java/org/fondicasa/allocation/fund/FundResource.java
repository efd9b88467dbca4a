package org.fondicasa.allocation.fund;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fondicasa.platform.events.Outbox;
import org.fondicasa.platform.security.Caller;
import org.fondicasa.platform.time.RomeTime;
import org.fondicasa.allocation.split.AllocationRun;
import org.fondicasa.platform.web.Problem;
import org.fondicasa.platform.web.ProblemException;

import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Objects;
import java.util.List;

import static org.fondicasa.platform.security.Roles.DASHBOARD;
import static org.fondicasa.platform.security.Roles.MUNICIPALITY_OPERATOR;
import static org.fondicasa.platform.security.Roles.REGION_OFFICER;

@Path("/funds")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Funds", description = "Regional funds: the legal act, the amount and the rules of each")
public class FundResource {

    private final Outbox outbox;
    private final Caller caller;
    private final FundDefaults defaults;
    private final Clock clock;

    public FundResource(Outbox outbox, Caller caller, FundDefaults defaults, Clock clock) {
        this.clock = clock;
        this.outbox = outbox;
        this.caller = caller;
        this.defaults = defaults;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @RolesAllowed(REGION_OFFICER)
    @Operation(operationId = "createFund", summary = "Create a fund with the legal act that set it and its rules; emits FundCreated",
            description = "Answers 201 with the fund. The code never changes; absent co-financing threshold and penalty rate take the defaults. 400 lists every invalid field, 409 when the code exists.")
    @APIResponse(responseCode = "201", description = "The fund created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FundView.class)))
    public Response create(@NotNull @Valid FundRequest request, UriInfo uri) {
        List<Problem.Violation> violations = new ArrayList<>();
        if (request.bonusReserve().compareTo(request.amount()) > 0) {
            violations.add(new Problem.Violation("bonusReserve", "must not exceed the amount"));
        }
        if (request.minimumShare().compareTo(request.amount().subtract(request.bonusReserve())) > 0) {
            violations.add(new Problem.Violation("minimumShare", "must not exceed the amount less the bonus reserve"));
        }
        if (request.previousFund() != null && Fund.findById(request.previousFund()) == null) {
            violations.add(new Problem.Violation("previousFund", "no fund has code " + request.previousFund()));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations.size() + " field(s) are not valid", violations);
        }
        if (Fund.findById(request.code()) != null) {
            throw ProblemException.conflict("A fund with code " + request.code() + " exists already");
        }
        Fund fund = new Fund();
        fund.code = request.code();
        fund.title = request.title().strip();
        fund.legalAct = request.legalAct().strip();
        fund.year = request.year();
        fund.amount = request.amount().setScale(2, RoundingMode.UNNECESSARY);
        fund.bonusReserve = request.bonusReserve().setScale(2, RoundingMode.UNNECESSARY);
        fund.minimumShare = request.minimumShare().setScale(2, RoundingMode.UNNECESSARY);
        fund.cofinancingThreshold = Objects.requireNonNullElse(request.cofinancingThreshold(), defaults.cofinancingThreshold());
        fund.penaltyRate = Objects.requireNonNullElse(request.penaltyRate(), defaults.penaltyRate());
        fund.penaltyDestination = Objects.requireNonNullElse(request.penaltyDestination(), defaults.penaltyDestination());
        fund.quotaDeadline = rome(request.quotaDeadline());
        fund.reportDeadline = rome(request.reportDeadline());
        fund.previousFund = request.previousFund();
        fund.createdAt = OffsetDateTime.now(clock);
        fund.createdBy = caller.name();
        fund.persist();
        outbox.publish(FundCreated.TYPE, FundCreated.VERSION, null, fund.code, FundCreated.of(fund));
        return Response.created(uri.getAbsolutePathBuilder().path(fund.code).build()).entity(view(fund)).build();
    }

    @GET
    @RolesAllowed({REGION_OFFICER, MUNICIPALITY_OPERATOR, DASHBOARD})
    @Operation(operationId = "listFunds", summary = "All funds, newest year first",
            description = "Each fund with its amounts and, once its split is published, what was allocated and the residual.")
    public List<FundView> list() {
        return Fund.<Fund>list("order by year desc, code").stream().map(FundResource::view).toList();
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({REGION_OFFICER, MUNICIPALITY_OPERATOR, DASHBOARD})
    @Operation(operationId = "getFund", summary = "One fund",
            description = "The fund with its rules, its deadlines (Europe/Rome) and, once its split is published, allocated and residual; 404 for an unknown code.")
    public FundView get(@PathParam("code") String code) {
        return view(require(code));
    }

    static FundView view(Fund fund) {
        AllocationRun published = AllocationRun.published(fund.code);
        return FundView.of(fund, published == null ? null : published.allocated, published == null ? null : published.residual);
    }

    private static OffsetDateTime rome(LocalDateTime local) {
        return local == null ? null : local.atZone(RomeTime.ZONE).toOffsetDateTime();
    }

    public static Fund require(String code) {
        Fund fund = Fund.findById(code);
        if (fund == null) {
            throw ProblemException.notFound("No fund has code " + code);
        }
        return fund;
    }
}
