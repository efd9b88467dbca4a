package org.fondicasa.allocation.cofinancing;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
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
import org.fondicasa.allocation.municipality.Municipality;
import org.fondicasa.platform.events.Outbox;
import org.fondicasa.platform.security.Caller;
import org.fondicasa.platform.web.ProblemException;

import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.List;

import static org.fondicasa.platform.security.Roles.MUNICIPALITY_OPERATOR;
import static org.fondicasa.platform.security.Roles.REGION_OFFICER;

/** A municipality's co-financing of the ordinary rent call (COFIN): declared by its operator, seen by the region. */
@Path("/funds/{code}/municipalities/{istatCode}/cofinancing")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Co-financing (COFIN)")
@RolesAllowed({REGION_OFFICER, MUNICIPALITY_OPERATOR})
public class CofinancingResource {

    private final Outbox outbox;
    private final Caller caller;

    public CofinancingResource(Outbox outbox, Caller caller) {
        this.outbox = outbox;
        this.caller = caller;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @RolesAllowed(MUNICIPALITY_OPERATOR)
    @Operation(summary = "Declare (or revise) the municipality's COFIN; emits CofinancingDeclared")
    public CofinancingView declare(@PathParam("code") String code,
                                   @PathParam("istatCode") @Pattern(regexp = "[0-9]{6}", message = "must be a 6-digit ISTAT code") String istatCode,
                                   @NotNull @Valid CofinancingRequest request) {
        caller.requireMunicipality(istatCode);
        FundResource.require(code);
        requireMunicipalityExists(istatCode);
        CofinancingDeclaration previous = CofinancingDeclaration.latest(code, istatCode);
        CofinancingDeclaration d = new CofinancingDeclaration();
        d.fundCode = code;
        d.istatCode = istatCode;
        d.revision = previous == null ? 1 : previous.revision + 1;
        d.amount = request.amount().setScale(2, RoundingMode.UNNECESSARY);
        d.deliberationNumber = request.deliberationNumber().strip();
        d.deliberationDate = request.deliberationDate();
        d.budgetChapter = request.budgetChapter().strip();
        d.declaredAt = OffsetDateTime.now();
        d.declaredBy = caller.name();
        d.persist();
        outbox.publishForMunicipality(CofinancingDeclared.TYPE, CofinancingDeclared.VERSION, istatCode,
                new CofinancingDeclared(code, istatCode, d.revision, d.amount.toPlainString(), d.deliberationNumber,
                        d.deliberationDate.toString(), d.budgetChapter));
        return CofinancingView.of(d);
    }

    @GET
    @Operation(summary = "The latest COFIN declaration of the municipality")
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
    @Operation(summary = "Every revision of the municipality's COFIN declaration, oldest first")
    public List<CofinancingView> history(@PathParam("code") String code,
                                         @PathParam("istatCode") @Pattern(regexp = "[0-9]{6}", message = "must be a 6-digit ISTAT code") String istatCode) {
        caller.requireMunicipality(istatCode);
        FundResource.require(code);
        return CofinancingDeclaration.<CofinancingDeclaration>list("fundCode = ?1 and istatCode = ?2 order by revision",
                code, istatCode).stream().map(CofinancingView::of).toList();
    }

    private static void requireMunicipalityExists(String istatCode) {
        if (Municipality.findById(istatCode) == null) {
            throw ProblemException.notFound("No Puglia municipality has ISTAT code " + istatCode);
        }
    }
}
