package org.fondicasa.application.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.fondicasa.application.award.AwardService;
import org.fondicasa.application.call.CallMoney;
import org.fondicasa.application.call.CallService;
import org.fondicasa.platform.security.Caller;
import org.fondicasa.platform.time.RomeTime;
import org.fondicasa.platform.web.ProblemException;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The municipality's side of household contests (see {@link HouseholdPlaces}): the list of a call's contests and the
 * operator's decision on one. Only the call's managers: its municipality's operators, or the region.
 */
@ApplicationScoped
public class ContestedClaims {

    static final String EXCLUSION = "excluded by the municipality: its household declaration did not stand after a household contest";

    private final CallService calls;
    private final CallMoney money;
    private final AwardService awards;
    private final EntityManager em;
    private final Clock clock;

    public ContestedClaims(CallService calls, CallMoney money, AwardService awards, EntityManager em, Clock clock) {
        this.calls = calls;
        this.money = money;
        this.awards = awards;
        this.em = em;
        this.clock = clock;
    }

    /** A call's contests, oldest first; {@code unresolvedOnly}: those still waiting for a decision. */
    public List<ContestedClaimView> ofCall(UUID callId, boolean unresolvedOnly, Caller caller) {
        calls.requireManager(caller, calls.require(callId));
        return ContestedClaim.<ContestedClaim>list("callId = ?1" + (unresolvedOnly ? " and resolvedAt is null" : "")
                        + " order by contestedAt, fiscalCode", callId)
                .stream().map(ApplicationViews::view).toList();
    }

    /**
     * Decides a contest once. RELEASED: the held application goes on without the member (once no other contest holds it,
     * first-come funding takes it up at its place in line, a ranking ranks it, it may be assessed and paid). EXCLUDED:
     * the held application leaves the call ({@link AwardService#exclude}), and its other open contests are decided
     * with it. Either way the person keeps the place their own application took.
     */
    @Transactional
    public ContestedClaimView resolve(UUID id, ContestResolution decision, Caller caller) {
        ContestedClaim contest = ContestedClaim.findById(id);
        if (contest == null || !calls.manages(caller, calls.require(contest.callId))) {
            // the same answer whether it does not exist or is another municipality's (TenancyGate answers first)
            throw ProblemException.notFound("No contested claim " + id + " that you may see");
        }
        // one decision at a time on a call's money: funding passes, grants, revocations
        money.lock(contest.callId);
        em.refresh(contest);
        if (contest.resolution != null) {
            throw ProblemException.conflict("The contest was already resolved: " + contest.resolution + " by " + contest.resolvedBy
                    + " at " + contest.resolvedAt.atZoneSameInstant(RomeTime.ZONE).toOffsetDateTime());
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        String note = decision.note().strip();
        List<ContestedClaim> decided = decision.outcome() == ContestedClaim.Resolution.EXCLUDED
                ? ContestedClaim.list("heldProtocol = ?1 and resolvedAt is null", contest.heldProtocol)
                : List.of(contest);
        for (ContestedClaim c : decided) {
            c.resolution = decision.outcome();
            c.note = note;
            c.resolvedAt = now;
            c.resolvedBy = caller.name();
        }
        if (decision.outcome() == ContestedClaim.Resolution.EXCLUDED) {
            awards.exclude(Application.findById(contest.heldProtocol), EXCLUSION, caller.name());
        }
        return ApplicationViews.view(contest);
    }
}
