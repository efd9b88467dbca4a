package org.fondicasa.allocation.cofinancing;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fondicasa.allocation.fund.FundResource;
import org.fondicasa.platform.security.Caller;
import org.fondicasa.platform.security.Tenant;
import org.fondicasa.platform.web.ProblemException;

import java.util.List;

import static org.fondicasa.platform.security.Roles.MUNICIPALITY_OPERATOR;
import static org.fondicasa.platform.security.Roles.REGION_OFFICER;

/** A municipality's ordinary-call inputs and co-financing (COFIN): declared by its operator, seen by the region. */
@Path("/funds/{code}/municipalities/{istatCode}/cofinancing")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Co-financing (COFIN)", description = "Municipalities' ordinary-call inputs and co-financing, which decide the bonus")
@RolesAllowed({REGION_OFFICER, MUNICIPALITY_OPERATOR})
@Tenant("istatCode")
public class CofinancingResource {

    private final CofinancingService cofinancing;
    private final Caller caller;

    public CofinancingResource(CofinancingService cofinancing, Caller caller) {
        this.cofinancing = cofinancing;
        this.caller = caller;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(MUNICIPALITY_OPERATOR)
    @Operation(operationId = "declareCofinancing", summary = "Declare (or revise) the ordinary-call inputs: Fin_c, QEmi, QSmine, COFIN with its evidence; emits CofinancingDeclared",
            description = "Each declaration is a new revision. Fin_base is preloaded from the published split; only Annex E municipalities may enter QSmine. An operator declares for their own municipality only.")
    public CofinancingView declare(@PathParam("code") String code,
                                   @PathParam("istatCode") @Pattern(regexp = "[0-9]{6}", message = "must be a 6-digit ISTAT code") String istatCode,
                                   @NotNull @Valid CofinancingRequest request) {
        caller.requireMunicipality(istatCode);
        FundResource.require(code);
        return CofinancingView.of(cofinancing.declare(code, istatCode, request, caller.name()));
    }

    @GET
    @Operation(operationId = "getCofinancing", summary = "The latest COFIN declaration of the municipality",
            description = "404 when the municipality has declared no co-financing for the fund.")
    public CofinancingView latest(@PathParam("code") String code,
                                  @PathParam("istatCode") @Pattern(regexp = "[0-9]{6}", message = "must be a 6-digit ISTAT code") String istatCode) {
        caller.requireMunicipality(istatCode);
        FundResource.require(code);
        CofinancingDeclaration d = CofinancingDeclaration.latest(code, istatCode);
        if (d == null) {
            throw ProblemException.notFound("Municipality " + istatCode + " has declared no co-financing for fund " + code);
        }
        return CofinancingView.of(d);
    }

    @GET
    @Path("/history")
    @Operation(operationId = "listCofinancingRevisions", summary = "Every revision of the municipality's COFIN declaration, oldest first",
            description = "Each revision with who declared it and when.")
    public List<CofinancingView> history(@PathParam("code") String code,
                                         @PathParam("istatCode") @Pattern(regexp = "[0-9]{6}", message = "must be a 6-digit ISTAT code") String istatCode) {
        caller.requireMunicipality(istatCode);
        FundResource.require(code);
        return CofinancingDeclaration.<CofinancingDeclaration>list("fundCode = ?1 and istatCode = ?2 order by revision",
                code, istatCode).stream().map(CofinancingView::of).toList();
    }
}
