package org.fondicasa.allocation.source;

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
import org.fondicasa.platform.security.Tenant;

import java.util.List;

import static org.fondicasa.platform.security.Roles.MUNICIPALITY_OPERATOR;
import static org.fondicasa.platform.security.Roles.REGION_OFFICER;

@Path("/funds/{code}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Savings (economie)", description = "Each municipality's balance per money source, and the unspent money moved between sources")
public class SavingsResource {

    private final Caller caller;
    private final BalanceService balances;

    public SavingsResource(Caller caller, BalanceService balances) {
        this.caller = caller;
        this.balances = balances;
    }

    /** One savings movement: from which source, where to, why and under which act. */
    public record SavingsView(String fromSource, SourceBalance.Destination destination, java.math.BigDecimal amount, String reason,
                              String legalRef, java.time.OffsetDateTime occurredAt, java.util.UUID causeEventId) {
    }

    @GET
    @Path("/municipalities/{istatCode}/balance")
    @RolesAllowed({REGION_OFFICER, MUNICIPALITY_OPERATOR})
    @Tenant("istatCode")
    @Operation(operationId = "getMunicipalityBalance", summary = "The municipality's money per source: allocated, reserved by calls, committed, moved out by destination, available",
            description = "Per source, allocated + moved in = reserved + moved out + available, and reserved = committed + free in calls; "
                    + "every movement with its reason and act. An operator sees their own municipality only.")
    public MunicipalityBalance balance(@PathParam("code") String code,
                           @PathParam("istatCode") @Pattern(regexp = "[0-9]{6}", message = "must be a 6-digit ISTAT code") String istatCode) {
        caller.requireMunicipality(istatCode);
        return balances.of(FundResource.require(code), istatCode);
    }

    @GET
    @Path("/savings")
    @RolesAllowed(REGION_OFFICER)
    @Operation(operationId = "listSavingsMovements", summary = "Every savings movement of the fund, with its reason and act",
            description = "Money moved from one source to another destination, in the order it moved.")
    public List<SavingsView> savings(@PathParam("code") String code) {
        FundResource.require(code);
        return SavingsMovement.<SavingsMovement>list("fundCode = ?1 order by occurredAt", code).stream()
                .map(m -> new SavingsView(m.fromSource, m.destination, m.amount, m.reason, m.legalRef, m.occurredAt, m.eventId))
                .toList();
    }
}
