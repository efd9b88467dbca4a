package org.fondicasa.allocation.source;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.fondicasa.allocation.fund.Fund;
import org.fondicasa.platform.money.Euro;
import org.fondicasa.platform.web.Problem.Violation;
import org.fondicasa.platform.web.ProblemException;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Calls reserve their budget here, from the sources' owner, when they open: all lines or none, each checked against
 * what the source has available under its lock. application-service asks with the operator's own token.
 */
@ApplicationScoped
public class ReservationService {

    private final Sources sources;
    private final EntityManager em;

    public ReservationService(Sources sources, EntityManager em) {
        this.sources = sources;
        this.em = em;
    }

    public record Outcome(ReservationView reservation, boolean created) {
    }

    @Transactional
    public Outcome reserve(Fund fund, String istatCode, ReservationRequest request, String by) {
        lockCall(request.callId());
        CallReservation existing = CallReservation.findById(request.callId());
        if (existing != null) {
            if (!existing.fundCode.equals(fund.code) || !existing.istatCode.equals(istatCode)) {
                throw ProblemException.conflict("Call " + request.callId() + " already reserved money of fund " + existing.fundCode
                        + " for municipality " + existing.istatCode);
            }
            return new Outcome(ReservationView.of(existing, sources.hold(existing.callId)), false);
        }
        List<Violation> violations = new ArrayList<>();
        List<SourceKey> keys = new ArrayList<>();
        Set<SourceKey> seen = new HashSet<>();
        for (int i = 0; i < request.lines().size(); i++) {
            String name = request.lines().get(i).source().strip();
            SourceKind kind = SourceKind.of(name).orElse(null);
            if (kind == null) {
                violations.add(new Violation("lines[" + i + "].source", "not a source of fund " + fund.code + "; one of " + SourceKind.NAMES));
                continue;
            }
            SourceKey key = Sources.resolve(fund, istatCode, kind);
            if (!seen.add(key)) {
                violations.add(new Violation("lines[" + i + "].source", name + " is listed twice"));
            } else if (sources.declared(key) == null) {
                violations.add(new Violation("lines[" + i + "].source", "municipality " + istatCode + " declared no " + name
                        + " in fund " + key.fundCode()));
            }
            keys.add(key);
        }
        if (!violations.isEmpty()) {
            throw ProblemException.unprocessable("unknown-source", "No such money source", "The call names sources that hold no money",
                    violations);
        }
        sources.lock(keys);
        CallReservation r = new CallReservation();
        r.callId = request.callId();
        r.fundCode = fund.code;
        r.istatCode = istatCode;
        r.legalAct = request.legalAct().strip();
        r.state = CallReservation.State.HELD;
        r.committed = BigDecimal.ZERO.setScale(2);
        r.createdAt = OffsetDateTime.ofInstant(sources.now(), java.time.ZoneOffset.UTC);
        r.createdBy = by;
        r.persist();
        em.flush(); // the movements below refer to it and are inserted at once
        int position = 0;
        for (int i = 0; i < keys.size(); i++) {
            SourceKey key = keys.get(i);
            BigDecimal amount = request.lines().get(i).amount();
            SourceBalance balance = sources.balance(key);
            if (amount == null && balance.allocated() + balance.movedIn() == 0) {
                continue; // declared as zero: a source that adds nothing
            }
            String legalRef = legalRef(key);
            SourceBalance after = reserveOrRefuse(balance, r.callId, amount, i, legalRef);
            sources.recordReserved(after, r.callId, fund.code, position++, after.heldBy(r.callId.toString()),
                    "call " + r.callId + " (" + r.legalAct + ") reserved it", legalRef, "reservation " + r.callId);
        }
        if (position == 0) {
            throw new ProblemException(409, "insufficient-funds", "Not enough money in the sources",
                    "Every source the call names was declared as € 0,00", List.of());
        }
        return new Outcome(ReservationView.of(r, sources.hold(r.callId)), true);
    }

    @Transactional
    public ReservationView.Line topUp(Fund fund, String istatCode, UUID callId, ReservationRequest.TopUp topUp) {
        lockCall(callId);
        CallReservation r = require(fund, istatCode, callId);
        if (r.state == CallReservation.State.CLOSED || r.state == CallReservation.State.WITHDRAWN) {
            throw ProblemException.conflict("The reservation of call " + callId + " is " + r.state + "; its budget no longer changes");
        }
        SourceKind kind = SourceKind.of(topUp.source().strip()).orElseThrow(() -> ProblemException.unprocessable("unknown-source",
                "No such money source", "not a source of fund " + fund.code, List.of(new Violation("source", "one of " + SourceKind.NAMES))));
        SourceKey key = Sources.resolve(fund, istatCode, kind);
        String cause = "top-up " + topUp.topUpId();
        BudgetMovement done = BudgetMovement.find("cause = ?1 and source = ?2", cause, key.kind()).firstResult();
        if (done == null) {
            if (sources.declared(key) == null) {
                throw ProblemException.unprocessable("unknown-source", "No such money source", "Municipality " + istatCode
                        + " declared no " + key.kind() + " in fund " + key.fundCode(), List.of());
            }
            sources.lock(List.of(key));
            CallHold hold = sources.hold(callId);
            int position = hold.lines().stream().filter(l -> l.source().equals(key)).mapToInt(CallHold.Line::position).findFirst()
                    .orElse(hold.lines().stream().mapToInt(CallHold.Line::position).max().orElse(-1) + 1);
            SourceBalance before = sources.balance(key);
            SourceBalance after = reserveOrRefuse(before, callId, topUp.amount(), -1, topUp.legalRef().strip());
            sources.recordReserved(after, callId, fund.code, position, Euro.toCents(topUp.amount()),
                    "call " + callId + " topped up", topUp.legalRef().strip(), cause);
            done = BudgetMovement.find("cause = ?1 and source = ?2", cause, key.kind()).firstResult();
        }
        return new ReservationView.Line(done.position, done.fundCode, done.source, done.amount, done.legalRef);
    }

    /** A reservation whose call was never opened (application-service could not store it) gives its money back. */
    @Transactional
    public void withdraw(Fund fund, String istatCode, UUID callId) {
        lockCall(callId);
        CallReservation r = require(fund, istatCode, callId);
        if (r.state == CallReservation.State.WITHDRAWN) {
            return;
        }
        if (r.state != CallReservation.State.HELD) {
            throw ProblemException.conflict("Call " + callId + " was opened (" + r.state + "); its money goes back when it closes");
        }
        CallHold hold = sources.hold(callId);
        sources.lock(hold.lines().stream().map(CallHold.Line::source).toList());
        for (CallHold.Line line : hold.lines()) {
            if (line.held() > 0) {
                SourceBalance after = sources.balance(line.source()).release(callId.toString(), line.held(),
                        "call never opened", r.legalAct, sources.now());
                sources.recordReleased(after, callId, line.position(), line.held(), "the call was never opened: its reservation is withdrawn",
                        r.legalAct, "withdrawal " + callId);
                // a forfeited Fin_a keeps nothing available: what comes back goes to the housing agencies
                SavingsRule.afterWithdrawal(after, "call " + callId + " was never opened").ifPresent(move -> sources.recordMoved(
                        after.key(), move, Fund.<Fund>findById(after.key().fundCode()).legalAct,
                        UUID.nameUUIDFromBytes(("withdrawal " + callId + " " + after.key()).getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                        OffsetDateTime.ofInstant(sources.now(), java.time.ZoneOffset.UTC)));
            }
        }
        r.state = CallReservation.State.WITHDRAWN;
    }

    public ReservationView view(Fund fund, String istatCode, UUID callId) {
        return ReservationView.of(require(fund, istatCode, callId), sources.hold(callId));
    }

    private SourceBalance reserveOrRefuse(SourceBalance balance, UUID callId, BigDecimal amount, int line, String legalRef) {
        try {
            return balance.reserve(callId.toString(), amount == null ? null : Euro.toCents(amount), "reserved by call " + callId,
                    legalRef, sources.now());
        } catch (SourceBalance.Refused refused) {
            throw new ProblemException(409, "insufficient-funds", "Not enough money in the source", refused.getMessage()
                    + "; nothing was reserved", List.of(new Violation(line < 0 ? "amount" : "lines[" + line + "]",
                    refused.key().kind() + ": available " + Euro.format(Math.max(0, refused.available())) + ", asked "
                            + (amount == null ? "everything available" : Euro.format(amount)))));
        }
    }

    private static String legalRef(SourceKey key) {
        Fund owner = Fund.findById(key.fundCode());
        return key.kind() + " declared by municipality " + key.istatCode() + " in fund " + key.fundCode() + " (" + owner.legalAct + ")";
    }

    private static CallReservation require(Fund fund, String istatCode, UUID callId) {
        CallReservation r = CallReservation.findById(callId);
        if (r == null || !r.fundCode.equals(fund.code) || !r.istatCode.equals(istatCode)) {
            throw ProblemException.notFound("Call " + callId + " holds no reservation of fund " + fund.code + " for municipality " + istatCode);
        }
        return r;
    }

    private void lockCall(UUID callId) {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(?1, 0))").setParameter(1, "reservation:" + callId)
                .getSingleResult();
    }
}
