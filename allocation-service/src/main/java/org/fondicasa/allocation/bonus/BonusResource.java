package org.fondicasa.allocation.bonus;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fondicasa.allocation.fund.Fund;
import org.fondicasa.allocation.fund.FundResource;
import org.fondicasa.platform.security.Caller;
import org.fondicasa.platform.web.ProblemException;

import java.time.OffsetDateTime;
import java.util.List;

import static org.fondicasa.platform.security.Roles.DASHBOARD;
import static org.fondicasa.platform.security.Roles.MUNICIPALITY_OPERATOR;
import static org.fondicasa.platform.security.Roles.REGION_OFFICER;

/** The co-financing bonus of a fund (simulation, publication) and the fund's close, which records penalties. */
@Path("/funds/{code}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Bonus (premialità) and penalties", description = "The co-financing bonus, and the penalties recorded when a fund closes")
public class BonusResource {

    private final BonusService bonuses;
    private final Caller caller;

    public BonusResource(BonusService bonuses, Caller caller) {
        this.bonuses = bonuses;
        this.caller = caller;
    }

    @POST
    @Path("/bonus/simulations")
    @Transactional
    @RolesAllowed(REGION_OFFICER)
    @Operation(operationId = "simulateBonus", summary = "Simulate the bonus on the current COFIN declarations; nothing is published",
            description = "Distributes the bonus reserve as the publication would and stores it as a simulation; answers 201 with it. Needs a published split.")
    @APIResponse(responseCode = "201", description = "The simulation",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BonusView.class)))
    public Response simulate(@PathParam("code") String code) {
        return Response.status(201).entity(bonuses.simulate(FundResource.require(code), caller.name())).build();
    }

    @POST
    @Path("/bonus/publication")
    @Transactional
    @RolesAllowed(REGION_OFFICER)
    @Operation(operationId = "publishBonus", summary = "Publish the bonus (once); emits BonusPublished per entitled municipality",
            description = "Answers 201 with the bonus. Once per fund: 409 when it is published already or the split is not.")
    @APIResponse(responseCode = "201", description = "The published bonus",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BonusView.class)))
    public Response publish(@PathParam("code") String code) {
        return Response.status(201).entity(bonuses.publish(FundResource.require(code), caller.name())).build();
    }

    @GET
    @Path("/bonus")
    @RolesAllowed({REGION_OFFICER, MUNICIPALITY_OPERATOR, DASHBOARD})
    @Operation(operationId = "getPublishedBonus", summary = "The published bonus with every municipality's entitlement and its explanation",
            description = "404 while the bonus is not published.")
    public BonusView published(@PathParam("code") String code) {
        FundResource.require(code);
        BonusRun run = BonusRun.published(code);
        if (run == null) {
            throw ProblemException.notFound("The bonus of fund " + code + " is not published yet");
        }
        return BonusView.of(run, BonusShare.list("runId = ?1 order by istatCode", run.id));
    }

    public record Closed(String fundCode, OffsetDateTime closedAt, List<PenaltyLine> penalties) {
    }

    public record PenaltyLine(String istatCode, String reason) {
    }

    @POST
    @Path("/close")
    @Transactional
    @RolesAllowed(REGION_OFFICER)
    @Operation(operationId = "closeFund", summary = "Close the fund: every high-housing-tension municipality not entitled to the bonus gets a penalty "
            + "that the next fund applies; emits PenaltyRecorded",
            description = "Once per fund, after its bonus is published (409 otherwise); answers with the penalties recorded.")
    public Closed close(@PathParam("code") String code) {
        Fund fund = FundResource.require(code);
        List<PenaltyLine> penalties = bonuses.close(fund).stream().map(p -> new PenaltyLine(p.istatCode, p.reason)).toList();
        return new Closed(code, fund.closedAt, penalties);
    }
}
