package org.fondicasa.application.budget;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fondicasa.platform.security.Caller;
import org.fondicasa.platform.security.Tenant;

import java.util.List;

import static org.fondicasa.platform.security.Roles.MUNICIPALITY_OPERATOR;
import static org.fondicasa.platform.security.Roles.REGION_OFFICER;

@Path("/municipalities/{istatCode}/budget-sources")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Call budgets", description = "The money each municipality declared per fund and source, as allocation-service announced it")
@Tenant("istatCode")
public class BudgetSourceResource {

    private final Caller caller;

    public BudgetSourceResource(Caller caller) {
        this.caller = caller;
    }

    @GET
    @RolesAllowed({REGION_OFFICER, MUNICIPALITY_OPERATOR})
    @Operation(operationId = "listBudgetSources", summary = "The money a municipality declared per fund and source, as allocation-service announced it",
            description = "Built from the quotas, co-financing and bonus that allocation-service published; what is still available for a new "
                    + "call is allocation-service's balance (calls reserve there). An operator sees their own municipality only.")
    public List<BudgetSourceView> list(@PathParam("istatCode") @Pattern(regexp = "[0-9]{6}", message = "must be a 6-digit ISTAT code") String istatCode) {
        caller.requireMunicipality(istatCode);
        return BudgetSource.<BudgetSource>list("istatCode = ?1 order by fundCode, kind", istatCode).stream()
                .map(BudgetSourceView::of).toList();
    }
}
