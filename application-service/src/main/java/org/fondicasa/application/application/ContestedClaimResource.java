package org.fondicasa.application.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fondicasa.platform.security.Caller;
import org.fondicasa.platform.security.Tenant;
import org.fondicasa.application.call.CallOwner;

import java.util.List;
import java.util.UUID;

import static org.fondicasa.platform.security.Roles.MUNICIPALITY_OPERATOR;
import static org.fondicasa.platform.security.Roles.REGION_OFFICER;

/** Household contests of a call, for its managers (application-service README, "Household claims: whose place is it"). */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Applications", description = "Citizens' applications, from submission to payment")
public class ContestedClaimResource {

    private final ContestedClaims contests;
    private final Caller caller;

    public ContestedClaimResource(ContestedClaims contests, Caller caller) {
        this.contests = contests;
        this.caller = caller;
    }

    @GET
    @Path("calls/{id}/contested-claims")
    @RolesAllowed({MUNICIPALITY_OPERATOR, REGION_OFFICER})
    @Tenant(value = "id", owner = CallOwner.class)
    @Operation(operationId = "listContestedClaims", summary = "The call's household contests: a person's own application took the place an application had listed them in",
            description = "For the call's managers; ?unresolved=true keeps those waiting for a decision. The held application "
                    + "gets no money decision and no payment until its contests are resolved.")
    public List<ContestedClaimView> ofCall(@PathParam("id") UUID callId, @QueryParam("unresolved") boolean unresolvedOnly) {
        return contests.ofCall(callId, unresolvedOnly, caller);
    }

    @POST
    @Path("contested-claims/{id}/resolution")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({MUNICIPALITY_OPERATOR, REGION_OFFICER})
    @Tenant(value = "id", owner = ContestOwner.class)
    @Operation(operationId = "resolveContestedClaim", summary = "Decide a household contest once: RELEASED (the held application goes on without the member) or EXCLUDED (it leaves the call)",
            description = "For the call's managers, once per contest, with the note of the check it rests on. The person keeps "
                    + "the place their own application took either way; EXCLUDED revokes an unpaid grant of the held application.")
    public ContestedClaimView resolve(@PathParam("id") UUID id, @Valid @NotNull ContestResolution decision) {
        return contests.resolve(id, decision, caller);
    }
}
