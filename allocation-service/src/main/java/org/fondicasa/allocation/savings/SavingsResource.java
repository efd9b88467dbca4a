package org.fondicasa.allocation.savings;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fondicasa.allocation.fund.FundResource;
import org.fondicasa.platform.security.Caller;

import java.util.List;

import static org.fondicasa.platform.security.Roles.MUNICIPALITY_OPERATOR;
import static org.fondicasa.platform.security.Roles.REGION_OFFICER;

@Path("/funds/{code}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Savings (economie)", description = "Unspent money moved between sources, and each municipality's balance")
public class SavingsResource {

    private final Caller caller;

    public SavingsResource(Caller caller) {
        this.caller = caller;
    }

    @GET
    @Path("/municipalities/{istatCode}/balance")
    @RolesAllowed({REGION_OFFICER, MUNICIPALITY_OPERATOR})
    @Operation(operationId = "getMunicipalityBalance", summary = "The municipality's Fin_a / Fin_b / Fin_c after savings moved, and whether it adds up to the share",
            description = "An operator sees their own municipality only.")
    public Balance balance(@PathParam("code") String code,
                           @PathParam("istatCode") @Pattern(regexp = "[0-9]{6}", message = "must be a 6-digit ISTAT code") String istatCode) {
        caller.requireMunicipality(istatCode);
        return Balances.of(FundResource.require(code), istatCode);
    }

    @GET
    @Path("/savings")
    @RolesAllowed(REGION_OFFICER)
    @Operation(operationId = "listSavingsMovements", summary = "Every savings movement of the fund, with its reason and act",
            description = "Money moved from one source to another destination, in the order it moved.")
    public List<Balance.SavingsView> savings(@PathParam("code") String code) {
        FundResource.require(code);
        return SavingsMovement.<SavingsMovement>list("fundCode = ?1 order by occurredAt", code).stream()
                .map(m -> new Balance.SavingsView(m.fromSource, m.destination, m.amount, m.reason, m.legalRef, m.occurredAt))
                .toList();
    }
}
