package org.fondicasa.application.ranking;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fondicasa.platform.security.Caller;
import org.fondicasa.platform.security.Tenant;
import org.fondicasa.application.call.CallOwner;
import org.fondicasa.platform.security.Roles;

import java.util.UUID;

import static org.fondicasa.platform.security.Roles.CITIZEN;
import static org.fondicasa.platform.security.Roles.MUNICIPALITY_OPERATOR;
import static org.fondicasa.platform.security.Roles.REGION_OFFICER;

@Path("/calls/{id}/ranking")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Rankings", description = "The rankings of ranked calls: simulation and publication")
@Tenant(value = "id", owner = CallOwner.class)
public class RankingResource {

    private final RankingService rankings;
    private final Caller caller;

    public RankingResource(RankingService rankings, Caller caller) {
        this.rankings = rankings;
        this.caller = caller;
    }

    @POST
    @Path("simulations")
    @RolesAllowed({REGION_OFFICER, MUNICIPALITY_OPERATOR})
    @Operation(operationId = "simulateRanking", summary = "Rank the eligible applications and apply the payment strategy, without granting anything",
            description = "Nothing is stored or granted (the answer has no runId); it can be repeated at will.")
    public RankingView simulate(@PathParam("id") UUID id) {
        return rankings.simulate(id, caller);
    }

    @POST
    @Path("publication")
    @RolesAllowed({REGION_OFFICER, MUNICIPALITY_OPERATOR})
    @Operation(operationId = "publishRanking", summary = "Publish the ranking after the call closed: immutable, and the contributions are granted",
            description = "Once per call, after it closed; an operator for their municipality's calls only.")
    public RankingView publish(@PathParam("id") UUID id) {
        return rankings.publish(id, caller);
    }

    @GET
    @RolesAllowed({REGION_OFFICER, MUNICIPALITY_OPERATOR, CITIZEN})
    @Operation(operationId = "getRanking", summary = "The published ranking: operators see their municipality's, a citizen only their own place",
            description = "404 while the ranking is not published.")
    public RankingView published(@PathParam("id") UUID id) {
        boolean citizen = caller.has(Roles.CITIZEN) && !caller.has(REGION_OFFICER) && !caller.has(MUNICIPALITY_OPERATOR);
        return rankings.published(id, caller, citizen ? caller.requireCitizenFiscalCode() : null);
    }
}
