package org.fondicasa.application.identity;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fondicasa.platform.security.Caller;
import org.fondicasa.platform.security.Roles;

import java.util.List;
import java.util.stream.Stream;

/** Who the service thinks the caller is: what a citizen's SPID/CIE identity turned into, what an operator acts for. */
@Path("/me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Identity", description = "Who the bearer token says the caller is")
public class MeResource {

    public record Me(String username, List<String> roles, String fiscalCode, String istatCode) {
    }

    private final Caller caller;

    public MeResource(Caller caller) {
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.REGION_OFFICER, Roles.MUNICIPALITY_OPERATOR, Roles.CITIZEN, Roles.DESK_OPERATOR, Roles.DASHBOARD})
    @Operation(operationId = "getCallerIdentity", summary = "The caller's identity as read from the token: roles, normalised fiscal code, municipality",
            description = "What the services make of the bearer token; a quick check of a token before anything else.")
    public Me me() {
        List<String> roles = Stream.of(Roles.REGION_OFFICER, Roles.MUNICIPALITY_OPERATOR, Roles.CITIZEN,
                Roles.DESK_OPERATOR, Roles.DASHBOARD).filter(caller::has).toList();
        return new Me(caller.name(), roles, caller.fiscalCode().orElse(null), caller.istatCode().orElse(null));
    }
}
