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
import org.fondicasa.allocation.split.AllocationRun;
import org.fondicasa.allocation.split.AllocationShare;
import org.fondicasa.allocation.split.RunMunicipalityKey;
import org.fondicasa.platform.web.Problem;
import org.fondicasa.platform.events.Outbox;
import org.fondicasa.platform.security.Caller;
import org.fondicasa.platform.web.ProblemException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import static org.fondicasa.platform.security.Roles.MUNICIPALITY_OPERATOR;
import static org.fondicasa.platform.security.Roles.REGION_OFFICER;

/** A municipality's ordinary-call inputs and co-financing (COFIN): declared by its operator, seen by the region. */
@Path("/funds/{code}/municipalities/{istatCode}/cofinancing")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Co-financing (COFIN)", description = "Municipalities' ordinary-call inputs and co-financing, which decide the bonus")
@RolesAllowed({REGION_OFFICER, MUNICIPALITY_OPERATOR})
public class CofinancingResource {

    private final Outbox outbox;
    private final Caller caller;
    private final Clock clock;

    public CofinancingResource(Outbox outbox, Caller caller, Clock clock) {
        this.clock = clock;
        this.outbox = outbox;
        this.caller = caller;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @RolesAllowed(MUNICIPALITY_OPERATOR)
    @Operation(operationId = "declareCofinancing", summary = "Declare (or revise) the ordinary-call inputs: Fin_c, QEmi, QSmine, COFIN with its evidence; emits CofinancingDeclared",
            description = "Each declaration is a new revision. Fin_base is preloaded from the published split; only Annex E municipalities may enter QSmine. An operator declares for their own municipality only.")
    public CofinancingView declare(@PathParam("code") String code,
                                   @PathParam("istatCode") @Pattern(regexp = "[0-9]{6}", message = "must be a 6-digit ISTAT code") String istatCode,
                                   @NotNull @Valid CofinancingRequest request) {
        caller.requireMunicipality(istatCode);
        FundResource.require(code);
        Municipality municipality = requireMunicipality(istatCode);
        BigDecimal finBase = preloadedFinBase(code, istatCode);
        List<Problem.Violation> violations = new ArrayList<>();
        if (request.finBase() != null && request.finBase().compareTo(finBase) != 0) {
            violations.add(new Problem.Violation("finBase", "Fin_base is preloaded from the published split of fund " + code
                    + ": " + finBase.toPlainString() + "; omit it or send that figure"));
        }
        if (request.qSmine().signum() > 0 && !municipality.annexE) {
            violations.add(new Problem.Violation("qSmine", "only municipalities listed in Annex E may enter QSmine"));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations.size() + " field(s) are not valid", violations);
        }
        CofinancingDeclaration previous = CofinancingDeclaration.latest(code, istatCode);
        CofinancingDeclaration d = new CofinancingDeclaration();
        d.fundCode = code;
        d.istatCode = istatCode;
        d.revision = previous == null ? 1 : previous.revision + 1;
        d.finBase = finBase;
        d.finC = euro(request.finC());
        d.qEmi = euro(request.qEmi());
        d.qSmine = euro(request.qSmine());
        d.cofin = euro(request.cofin());
        d.deliberationNumber = request.deliberationNumber() == null ? null : request.deliberationNumber().strip();
        d.deliberationDate = request.deliberationDate();
        d.budgetChapter = request.budgetChapter() == null ? null : request.budgetChapter().strip();
        d.declaredAt = OffsetDateTime.now(clock);
        d.declaredBy = caller.name();
        d.persist();
        outbox.publishForMunicipality(CofinancingDeclared.TYPE, CofinancingDeclared.VERSION, istatCode, CofinancingDeclared.of(d));
        return CofinancingView.of(d);
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

    private static Municipality requireMunicipality(String istatCode) {
        Municipality m = Municipality.findById(istatCode);
        if (m == null) {
            throw ProblemException.notFound("No Puglia municipality has ISTAT code " + istatCode);
        }
        return m;
    }

    /** Fin_base: the municipality's share in the fund's published split (computed or imported from the act). */
    private static BigDecimal preloadedFinBase(String code, String istatCode) {
        AllocationRun run = AllocationRun.published(code);
        if (run == null) {
            throw ProblemException.conflict("Fund " + code + " has no published split yet, so Fin_base is not preloaded");
        }
        AllocationShare share = AllocationShare.findById(new RunMunicipalityKey(run.id, istatCode));
        return share == null ? BigDecimal.ZERO.setScale(2) : share.share;
    }

    private static BigDecimal euro(BigDecimal value) {
        return value.setScale(2, RoundingMode.UNNECESSARY);
    }
}
