package org.fondicasa.application.call;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fondicasa.platform.security.Caller;
import org.fondicasa.platform.security.Tenant;
import org.fondicasa.platform.time.RomeTime;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.fondicasa.platform.security.Roles.CITIZEN;
import static org.fondicasa.platform.security.Roles.DASHBOARD;
import static org.fondicasa.platform.security.Roles.DESK_OPERATOR;
import static org.fondicasa.platform.security.Roles.MUNICIPALITY_OPERATOR;
import static org.fondicasa.platform.security.Roles.REGION_OFFICER;

@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Calls", description = "Public calls (bandi): templates, publication, budget and closure")
public class CallResource {

    private final CallService calls;
    private final CallMoney money;
    private final CallTemplates templates;
    private final Caller caller;
    private final ObjectMapper mapper;
    private final EntityManager em;
    private final Clock clock;

    public CallResource(CallService calls, CallMoney money, CallTemplates templates, Caller caller, ObjectMapper mapper,
                        EntityManager em, Clock clock) {
        this.clock = clock;
        this.calls = calls;
        this.money = money;
        this.templates = templates;
        this.caller = caller;
        this.mapper = mapper;
        this.em = em;
    }

    @GET
    @Path("call-templates/{kind}")
    @RolesAllowed({REGION_OFFICER, MUNICIPALITY_OPERATOR, DESK_OPERATOR, CITIZEN, DASHBOARD})
    @Operation(operationId = "getCallTemplate", summary = "The rule set of the source documents for a kind of call, with the act behind every number",
            description = "The rules to start a call of that kind from, each number with the act that set it.")
    public JsonNode template(@PathParam("kind") CallKind kind) {
        return templates.template(kind);
    }

    @POST
    @Path("calls")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({REGION_OFFICER, MUNICIPALITY_OPERATOR})
    @Operation(operationId = "publishCall", summary = "Publish a call: a municipality's operator for their municipality, the region for any or for a regional call",
            description = "Answers 201 with the call. Its budget names the fund sources it spends; its window is local time in Europe/Rome.")
    @APIResponse(responseCode = "201", description = "The call published",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CallView.class)))
    public Response create(@Valid @NotNull CallRequest request, @Context UriInfo uri) {
        Call call = calls.create(request, caller);
        return Response.created(uri.getBaseUriBuilder().path("calls/{id}").build(call.id)).entity(view(call)).build();
    }

    @GET
    @Path("calls")
    @RolesAllowed({REGION_OFFICER, MUNICIPALITY_OPERATOR, DESK_OPERATOR, CITIZEN, DASHBOARD})
    @Operation(operationId = "listCalls", summary = "Calls, optionally of one municipality (regional calls have no municipality)",
            description = "?istatCode= keeps one municipality's calls.")
    public List<CallView> list(@QueryParam("istatCode") @Pattern(regexp = "[0-9]{6}", message = "must be a 6-digit ISTAT code") String istatCode) {
        List<Call> found = istatCode == null ? Call.list("order by opensAt desc")
                : Call.list("istatCode = ?1 or istatCode is null order by opensAt desc", istatCode);
        return found.stream().map(this::view).toList();
    }

    @GET
    @Path("calls/{id}")
    @RolesAllowed({REGION_OFFICER, MUNICIPALITY_OPERATOR, DESK_OPERATOR, CITIZEN, DASHBOARD})
    @Operation(operationId = "getCall", summary = "A call: window (Europe/Rome), status, budget with its sources, rules",
            description = "404 for an unknown id.")
    public CallView get(@PathParam("id") UUID id) {
        return view(calls.require(id));
    }

    @POST
    @Path("calls/{id}/budget/top-ups")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({REGION_OFFICER, MUNICIPALITY_OPERATOR})
    @Tenant(value = "id", owner = CallOwner.class)
    @Operation(operationId = "topUpCallBudget", summary = "Add money to a call; on a first-come call the waiting list moves up in receipt order",
            description = "The money comes from the municipality's budget sources.")
    public CallView topUp(@PathParam("id") UUID id, @Valid @NotNull CallRequest.TopUp topUp) {
        calls.topUp(id, topUp, caller);
        return view(calls.require(id));
    }

    @POST
    @Path("calls/{id}/closure")
    @RolesAllowed({REGION_OFFICER, MUNICIPALITY_OPERATOR})
    @Tenant(value = "id", owner = CallOwner.class)
    @Operation(operationId = "closeCall", summary = "Close a call after its deadline, once every application is decided; reports the unspent money",
            description = "The unspent money is reported back to allocation-service.")
    public CallView close(@PathParam("id") UUID id) {
        return view(calls.close(id, caller));
    }

    @GET
    @Path("calls/{id}/funding")
    @RolesAllowed({REGION_OFFICER, MUNICIPALITY_OPERATOR, DASHBOARD})
    @Tenant(value = "id", owner = CallOwner.class)
    @Operation(operationId = "getCallFunding", summary = "Where the call's money stands: budget, committed, applications by status (counts only)",
            description = "Counts and money only, no personal data.")
    public CallFunding funding(@PathParam("id") UUID id) {
        Call call = calls.require(id);
        if (!caller.has(DASHBOARD)) {
            calls.requireManager(caller, call);
        }
        Map<String, Long> byStatus = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select status, count(*) from application where call_id = ?1 group by status")
                .setParameter(1, id).getResultList();
        rows.forEach(r -> byStatus.put((String) r[0], ((Number) r[1]).longValue()));
        BigDecimal budget = money.budget(id);
        BigDecimal committed = money.committed(id);
        return new CallFunding(id, budget, committed, budget.subtract(committed),
                byStatus.values().stream().mapToLong(Long::longValue).sum(),
                byStatus.getOrDefault("NOT_ELIGIBLE", 0L), byStatus.getOrDefault("PENDING", 0L),
                byStatus.getOrDefault("WAITING", 0L), byStatus.getOrDefault("GRANTED", 0L),
                byStatus.getOrDefault("PARTIALLY_GRANTED", 0L), byStatus.getOrDefault("PAID", 0L),
                byStatus.getOrDefault("REVOKED", 0L), byStatus.getOrDefault("WITHDRAWN", 0L),
                byStatus.getOrDefault("NOT_FUNDED", 0L));
    }

    CallView view(Call call) {
        List<CallView.BudgetEntryView> entries = CallBudgetEntry.<CallBudgetEntry>list("callId = ?1 order by id", call.id).stream()
                .map(e -> new CallView.BudgetEntryView(e.source, e.amount, e.legalRef, e.recordedAt.atZoneSameInstant(RomeTime.ZONE).toOffsetDateTime()))
                .toList();
        BigDecimal budget = entries.stream().map(CallView.BudgetEntryView::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        try {
            return new CallView(call.id, call.kind, call.kind.funding(), call.title, call.legalAct, call.istatCode, call.fundCode,
                    rome(call.opensAt), rome(call.closesAt), call.status(clock.instant()), budget, money.committed(call.id), entries,
                    call.closedAt == null ? null : rome(call.closedAt), call.unspent, mapper.readTree(call.rules));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static java.time.OffsetDateTime rome(java.time.OffsetDateTime t) {
        return t.atZoneSameInstant(RomeTime.ZONE).toOffsetDateTime();
    }
}
