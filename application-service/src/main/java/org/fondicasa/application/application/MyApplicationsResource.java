package org.fondicasa.application.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fondicasa.platform.security.Caller;

import java.util.List;

import static org.fondicasa.platform.security.Roles.CITIZEN;

/** A path of its own: under "/me" JAX-RS would only look in the identity resource. */
@Path("/me/applications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Applications", description = "Citizens' applications, from submission to payment")
public class MyApplicationsResource {

    private final Caller caller;
    private final ApplicationViews views;

    public MyApplicationsResource(Caller caller, ApplicationViews views) {
        this.caller = caller;
        this.views = views;
    }

    @GET
    @RolesAllowed(CITIZEN)
    @Operation(operationId = "listMyApplications", summary = "The citizen's own applications",
            description = "The applications whose applicant is the token's fiscal code.")
    public List<ApplicationView> mine() {
        return Application.<Application>list("applicantFiscalCode = ?1 order by receiptSeq", caller.requireCitizenFiscalCode())
                .stream().map(views::of).toList();
    }
}
