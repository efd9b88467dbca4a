package org.fondicasa.allocation.split;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fondicasa.allocation.fund.Fund;
import org.fondicasa.allocation.fund.FundResource;
import org.fondicasa.allocation.municipality.Municipality;
import org.fondicasa.platform.security.Caller;
import org.fondicasa.platform.web.ProblemException;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.fondicasa.platform.security.Roles.DASHBOARD;
import static org.fondicasa.platform.security.Roles.MUNICIPALITY_OPERATOR;
import static org.fondicasa.platform.security.Roles.REGION_OFFICER;

/** Simulations, the publication, and imported publications of a fund's split. */
@Path("/funds/{code}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Split (riparto)", description = "The split of a fund among the municipalities: documented needs, simulations, publication")
public class SplitResource {

    private final SplitService service;
    private final Caller caller;
    private final Clock clock;

    public SplitResource(SplitService service, Caller caller, Clock clock) {
        this.clock = clock;
        this.service = service;
        this.caller = caller;
    }

    @POST
    @Path("/simulations")
    @Transactional
    @RolesAllowed(REGION_OFFICER)
    @Operation(operationId = "simulateSplit", summary = "Simulate the split on the current needs and rules; nothing is published",
            description = "Runs the split as the publication would and stores it as a simulation to compare; answers 201 with it.")
    @APIResponse(responseCode = "201", description = "The simulation",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SplitView.class)))
    public Response simulate(@PathParam("code") String code, UriInfo uri) {
        SplitView view = service.run(FundResource.require(code), AllocationRun.Kind.SIMULATION, caller.name());
        return Response.created(uri.getAbsolutePathBuilder().path(view.id().toString()).build()).entity(view).build();
    }

    @GET
    @Path("/simulations")
    @RolesAllowed(REGION_OFFICER)
    @Operation(operationId = "listSplitSimulations", summary = "The fund's simulations, newest first, without their shares",
            description = "Each simulation's totals; read one to see its shares.")
    public List<SplitView> simulations(@PathParam("code") String code) {
        FundResource.require(code);
        return AllocationRun.<AllocationRun>list("fundCode = ?1 and kind = ?2 order by createdAt desc", code,
                AllocationRun.Kind.SIMULATION).stream().map(r -> SplitView.of(r, List.of())).toList();
    }

    @GET
    @Path("/simulations/{id}")
    @RolesAllowed(REGION_OFFICER)
    @Operation(operationId = "getSplitSimulation", summary = "One simulation with every share and its explanation",
            description = "404 when the fund has no simulation with that id.")
    public SplitView simulation(@PathParam("code") String code, @PathParam("id") UUID id) {
        AllocationRun run = requireRun(code, id);
        return SplitView.of(run, AllocationShare.of(run.id));
    }

    @GET
    @Path("/simulations/{id}/diff")
    @RolesAllowed(REGION_OFFICER)
    @Operation(operationId = "diffSplitSimulation", summary = "Per municipality, what the simulation changes against the publication (default) or another simulation",
            description = "Only the municipalities whose share changes, with before, after and the difference; ?against= names another simulation.")
    public SplitDiff diff(@PathParam("code") String code, @PathParam("id") UUID id, @QueryParam("against") String against) {
        AllocationRun to = requireRun(code, id);
        AllocationRun from;
        if (against == null || against.equals("publication")) {
            from = AllocationRun.published(code);
            if (from == null) {
                throw ProblemException.notFound("Fund " + code + " has no publication to compare with; name a simulation in ?against=");
            }
        } else {
            from = requireRun(code, parseId(against));
        }
        Map<String, BigDecimal> before = shares(from.id);
        Map<String, BigDecimal> after = shares(to.id);
        Set<String> codes = new TreeSet<>(before.keySet());
        codes.addAll(after.keySet());
        BigDecimal zero = BigDecimal.ZERO.setScale(2);
        List<SplitDiff.Line> lines = codes.stream()
                .map(c -> {
                    BigDecimal b = before.getOrDefault(c, zero);
                    BigDecimal a = after.getOrDefault(c, zero);
                    return new SplitDiff.Line(c, b, a, a.subtract(b));
                })
                .filter(l -> l.delta().signum() != 0)
                .toList();
        return new SplitDiff(from.id, to.id, to.allocated.subtract(from.allocated), lines);
    }

    @POST
    @Path("/publication")
    @Transactional
    @RolesAllowed(REGION_OFFICER)
    @Operation(operationId = "publishSplit", summary = "Compute and publish the split: immutable, with the hash of its inputs; emits SplitPublished per municipality",
            description = "Computed from the uploaded needs and the fund's rules; answers 201 with the published split. Once per fund: 409 when it is published already.")
    @APIResponse(responseCode = "201", description = "The published split",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SplitView.class)))
    public Response publish(@PathParam("code") String code, UriInfo uri) {
        Fund fund = FundResource.require(code);
        requireNotPublished(code);
        SplitView view = service.run(fund, AllocationRun.Kind.PUBLICATION, caller.name());
        return Response.created(uri.getBaseUriBuilder().path("funds").path(code).path("shares").build()).entity(view).build();
    }

    @POST
    @Path("/publication/import")
    @Consumes("text/csv")
    @Transactional
    @RolesAllowed(REGION_OFFICER)
    @Operation(operationId = "importPublishedSplit", summary = "Import the allocation as an act published it (CSV with istat_code and share or fincovid_eur); "
            + "the fund then shows what was allocated and the residual",
            description = "For an allocation decided outside the system: the rows must name Puglia municipalities and add up to at most the amount less the bonus reserve; ?source= names the act. Answers 201 with the split; 409 when one is published already.")
    @APIResponse(responseCode = "201", description = "The published split as imported",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SplitView.class)))
    public Response importPublished(@PathParam("code") String code,
                                    @QueryParam("source") @NotBlank @Size(max = 200) String source,
                                    String csv, UriInfo uri) {
        Fund fund = FundResource.require(code);
        requireNotPublished(code);
        Set<String> known = Municipality.<Municipality>streamAll().map(m -> m.istatCode).collect(Collectors.toSet());
        PublishedAllocationCsv.Parsed parsed = PublishedAllocationCsv.parse(csv == null ? "" : csv, known);
        if (!parsed.violations().isEmpty()) {
            throw ProblemException.invalid(parsed.violations().size() + " problem(s) in the import; nothing was stored",
                    parsed.violations());
        }
        BigDecimal allocated = parsed.shares().values().stream().reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        BigDecimal available = fund.amount.subtract(fund.bonusReserve);
        if (allocated.compareTo(available) > 0) {
            throw ProblemException.unprocessable("over-allocated", "The import allocates more than the fund",
                    "The rows add up to " + allocated.toPlainString() + ", more than the fund's " + available.toPlainString()
                            + " (amount less bonus reserve)", List.of());
        }
        AllocationRun run = new AllocationRun();
        run.id = UUID.randomUUID();
        run.fundCode = code;
        run.kind = AllocationRun.Kind.IMPORT;
        run.inputsHash = SplitService.sha256(csv);
        run.amount = fund.amount;
        run.bonusReserve = fund.bonusReserve;
        run.splitAmount = available;
        run.allocated = allocated;
        run.residual = available.subtract(allocated);
        run.rounds = 0;
        run.source = "imported as published: " + source.strip();
        run.createdAt = OffsetDateTime.now(clock);
        run.createdBy = caller.name();
        run.persist();
        parsed.shares().forEach((istat, share) -> {
            AllocationShare s = new AllocationShare();
            s.runId = run.id;
            s.istatCode = istat;
            s.share = share;
            s.excluded = false;
            s.penaltyCut = BigDecimal.ZERO.setScale(2);
            s.redistributed = BigDecimal.ZERO.setScale(2);
            s.remainderCent = false;
            s.explanation = "share " + share.toPlainString() + " as published in " + source.strip()
                    + "; the act does not state the need it was computed from";
            s.persist();
        });
        List<AllocationShare> stored = AllocationShare.of(run.id);
        service.announce(fund, run, stored);
        return Response.created(uri.getBaseUriBuilder().path("funds").path(code).path("shares").build())
                .entity(SplitView.of(run, stored)).build();
    }

    @GET
    @Path("/shares")
    @RolesAllowed({REGION_OFFICER, MUNICIPALITY_OPERATOR, DASHBOARD})
    @Operation(operationId = "getPublishedSplit", summary = "The published allocation: every municipality's share with its explanation",
            description = "404 while the split is not published.")
    public SplitView shares(@PathParam("code") String code) {
        FundResource.require(code);
        AllocationRun run = AllocationRun.published(code);
        if (run == null) {
            throw ProblemException.notFound("The allocation of fund " + code + " is not published yet");
        }
        return SplitView.of(run, AllocationShare.of(run.id));
    }

    private static void requireNotPublished(String code) {
        AllocationRun published = AllocationRun.published(code);
        if (published != null) {
            throw ProblemException.conflict("The allocation of fund " + code + " was published on " + published.createdAt
                    + " (" + published.source + "); a publication is never replaced");
        }
    }

    private static AllocationRun requireRun(String code, UUID id) {
        AllocationRun run = AllocationRun.findById(id);
        if (run == null || !run.fundCode.equals(code)) {
            throw ProblemException.notFound("Fund " + code + " has no allocation run " + id);
        }
        return run;
    }

    private static UUID parseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("against must be 'publication' or a simulation id",
                    List.of(new org.fondicasa.platform.web.Problem.Violation("against", "not a simulation id: " + id)));
        }
    }

    private static Map<String, BigDecimal> shares(UUID runId) {
        return AllocationShare.of(runId).stream().collect(Collectors.toMap(s -> s.istatCode, s -> s.share, (a, b) -> a,
                java.util.TreeMap::new));
    }

}
