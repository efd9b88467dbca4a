package org.fondicasa.allocation.bonus;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fondicasa.allocation.cofinancing.CofinancingDeclaration;
import org.fondicasa.allocation.fund.Fund;
import org.fondicasa.allocation.fund.FundResource;
import org.fondicasa.platform.money.Euro;
import org.fondicasa.allocation.municipality.Municipality;
import org.fondicasa.allocation.penalty.RecordedPenalty;
import org.fondicasa.allocation.split.AllocationRun;
import org.fondicasa.allocation.split.AllocationShare;
import org.fondicasa.platform.events.Outbox;
import org.fondicasa.platform.security.Caller;
import org.fondicasa.platform.web.ProblemException;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.fondicasa.platform.security.Roles.DASHBOARD;
import static org.fondicasa.platform.security.Roles.MUNICIPALITY_OPERATOR;
import static org.fondicasa.platform.security.Roles.REGION_OFFICER;

/** The co-financing bonus of a fund (simulation, publication) and the fund's close, which records penalties. */
@Path("/funds/{code}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Bonus (premialità) and penalties", description = "The co-financing bonus, and the penalties recorded when a fund closes")
public class BonusResource {

    private final Outbox outbox;
    private final Caller caller;
    private final Clock clock;

    public BonusResource(Outbox outbox, Caller caller, Clock clock) {
        this.clock = clock;
        this.outbox = outbox;
        this.caller = caller;
    }

    @POST
    @Path("/bonus/simulations")
    @Transactional
    @RolesAllowed(REGION_OFFICER)
    @Operation(operationId = "simulateBonus", summary = "Simulate the bonus on the current COFIN declarations; nothing is published",
            description = "Distributes the bonus reserve as the publication would and stores it as a simulation; answers 201 with it. Needs a published split.")
    @APIResponse(responseCode = "201", description = "The simulation",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BonusView.class)))
    public Response simulate(@PathParam("code") String code) {
        return Response.status(201).entity(run(FundResource.require(code), BonusRun.Kind.SIMULATION)).build();
    }

    @POST
    @Path("/bonus/publication")
    @Transactional
    @RolesAllowed(REGION_OFFICER)
    @Operation(operationId = "publishBonus", summary = "Publish the bonus (once); emits BonusPublished per entitled municipality",
            description = "Answers 201 with the bonus. Once per fund: 409 when it is published already or the split is not.")
    @APIResponse(responseCode = "201", description = "The published bonus",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BonusView.class)))
    public Response publish(@PathParam("code") String code) {
        Fund fund = FundResource.require(code);
        if (BonusRun.published(code) != null) {
            throw ProblemException.conflict("The bonus of fund " + code + " is published already; a publication is never replaced");
        }
        BonusView view = run(fund, BonusRun.Kind.PUBLICATION);
        for (BonusView.Line line : view.shares()) {
            if (line.entitled()) {
                outbox.publishForMunicipality(BonusPublished.TYPE, BonusPublished.VERSION, line.istatCode(),
                        new BonusPublished(code, line.istatCode(), line.bonus().toPlainString(), line.cofin().toPlainString(),
                                line.finBase().toPlainString(), fund.legalAct, view.id().toString()));
            }
        }
        return Response.status(201).entity(view).build();
    }

    @GET
    @Path("/bonus")
    @RolesAllowed({REGION_OFFICER, MUNICIPALITY_OPERATOR, DASHBOARD})
    @Operation(operationId = "getPublishedBonus", summary = "The published bonus with every municipality's entitlement and its explanation",
            description = "404 while the bonus is not published.")
    public BonusView published(@PathParam("code") String code) {
        FundResource.require(code);
        BonusRun run = BonusRun.published(code);
        if (run == null) {
            throw ProblemException.notFound("The bonus of fund " + code + " is not published yet");
        }
        return BonusView.of(run, BonusShare.list("runId = ?1 order by istatCode", run.id));
    }

    public record Closed(String fundCode, OffsetDateTime closedAt, List<PenaltyLine> penalties) {
    }

    public record PenaltyLine(String istatCode, String reason) {
    }

    @POST
    @Path("/close")
    @Transactional
    @RolesAllowed(REGION_OFFICER)
    @Operation(operationId = "closeFund", summary = "Close the fund: every high-housing-tension municipality not entitled to the bonus gets a penalty "
            + "that the next fund applies; emits PenaltyRecorded",
            description = "Once per fund, after its bonus is published (409 otherwise); answers with the penalties recorded.")
    public Closed close(@PathParam("code") String code) {
        Fund fund = FundResource.require(code);
        if (fund.closedAt != null) {
            throw ProblemException.conflict("Fund " + code + " was closed on " + fund.closedAt);
        }
        BonusRun bonus = BonusRun.published(code);
        if (bonus == null) {
            throw ProblemException.conflict("Publish the bonus of fund " + code + " before closing it: it decides the penalties");
        }
        fund.closedAt = OffsetDateTime.now(clock);
        List<PenaltyLine> penalties = new ArrayList<>();
        for (BonusShare line : BonusShare.<BonusShare>list("runId = ?1 order by istatCode", bonus.id)) {
            Municipality m = Municipality.findById(line.istatCode);
            if (line.entitled || !m.highHousingTension) {
                continue;
            }
            String reason = "high housing tension (CIPE 87/2003) and " + line.explanation;
            RecordedPenalty p = new RecordedPenalty();
            p.fundCode = code;
            p.istatCode = line.istatCode;
            p.reason = reason;
            p.recordedAt = fund.closedAt;
            p.persist();
            outbox.publishForMunicipality(PenaltyRecorded.TYPE, PenaltyRecorded.VERSION, line.istatCode,
                    new PenaltyRecorded(code, line.istatCode, fund.penaltyRate.toPlainString(), reason));
            penalties.add(new PenaltyLine(line.istatCode, reason));
        }
        return new Closed(code, fund.closedAt, penalties);
    }

    /** Candidates: every municipality with a share in the fund's published split (its Fin_base), with its latest COFIN. */
    private BonusView run(Fund fund, BonusRun.Kind kind) {
        AllocationRun split = AllocationRun.published(fund.code);
        if (split == null) {
            throw ProblemException.conflict("Fund " + fund.code + " has no published split: Fin_base is not known yet");
        }
        List<BonusDistribution.Candidate> candidates = new ArrayList<>();
        for (AllocationShare share : AllocationShare.<AllocationShare>list("runId = ?1 and excluded = false order by istatCode", split.id)) {
            if (share.share.signum() <= 0) {
                continue;
            }
            CofinancingDeclaration d = CofinancingDeclaration.latest(fund.code, share.istatCode);
            candidates.add(new BonusDistribution.Candidate(share.istatCode, Euro.toCents(share.share),
                    d == null ? 0 : Euro.toCents(d.cofin),
                    d != null && d.deliberationNumber != null && d.deliberationDate != null,
                    d != null && d.budgetChapter != null));
        }
        BonusDistribution.Result result = BonusDistribution.compute(Euro.toCents(split.bonusReserve),
                fund.cofinancingThreshold, fund.legalAct, candidates);
        BonusRun run = new BonusRun();
        run.id = UUID.randomUUID();
        run.fundCode = fund.code;
        run.kind = kind;
        run.threshold = fund.cofinancingThreshold;
        run.reserve = Euro.ofCents(result.reserveCents());
        run.allocated = Euro.ofCents(result.allocatedCents());
        run.residual = Euro.ofCents(result.residualCents());
        run.createdAt = OffsetDateTime.now(clock);
        run.createdBy = caller.name();
        run.persist();
        List<BonusShare> shares = new ArrayList<>();
        for (BonusDistribution.Line line : result.lines()) {
            BonusShare s = new BonusShare();
            s.runId = run.id;
            s.istatCode = line.istatCode();
            s.finBase = Euro.ofCents(line.finBaseCents());
            s.cofin = Euro.ofCents(line.cofinCents());
            s.entitled = line.entitled();
            s.bonus = Euro.ofCents(line.bonusCents());
            s.explanation = line.explanation();
            s.persist();
            shares.add(s);
        }
        return BonusView.of(run, shares);
    }
}
