package org.fondicasa.allocation.source;

import jakarta.enterprise.context.ApplicationScoped;
import org.fondicasa.allocation.fund.Fund;
import org.fondicasa.platform.events.EventEnvelope;
import org.fondicasa.platform.events.UnprocessableEventException;
import org.fondicasa.platform.money.Euro;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What the other services' events do to the sources, inside the consumer's transaction: calls that open, commit,
 * close or revoke after closing; reports that declare unspent money or are missing. Each moves money once, and
 * never more than the source has available when it moves.
 */
@ApplicationScoped
public class MoneyEvents {

    private final Sources sources;

    public MoneyEvents(Sources sources) {
        this.sources = sources;
    }

    /** application-service stored the call: its reservation is no longer provisional. */
    public void callOpened(UUID callId) {
        CallReservation r = CallReservation.findById(callId);
        if (r == null) {
            return; // a call on the municipality's own money, or on no fund
        }
        if (r.state == CallReservation.State.WITHDRAWN) {
            throw new UnprocessableEventException("call " + callId + " opened, but its reservation was withdrawn as never opened;"
                    + " the call has no money of fund " + r.fundCode + " until the municipality reserves again");
        }
        if (r.state == CallReservation.State.HELD) {
            r.state = CallReservation.State.OPEN;
        }
    }

    public void granted(UUID callId, BigDecimal amount) {
        CallReservation r = CallReservation.findById(callId);
        if (r != null && r.state != CallReservation.State.CLOSED) {
            r.committed = r.committed.add(amount);
        }
    }

    /** An open call's revoked grant is free in the call again; after closing it goes back to the sources. */
    public void revoked(EventEnvelope event, UUID callId, BigDecimal amount) {
        CallReservation r = CallReservation.findById(callId);
        if (r == null) {
            return;
        }
        if (r.state != CallReservation.State.CLOSED) {
            r.committed = r.committed.subtract(amount).max(BigDecimal.ZERO.setScale(2));
            return;
        }
        long cents = Math.min(Euro.toCents(amount), Euro.toCents(r.committed));
        CallHold hold = sources.hold(callId);
        // grants spent the sources first and the municipality's own money after them: that comes back first
        long ownMoneySpent = Math.max(0, Euro.toCents(r.committed) - hold.held());
        r.committed = r.committed.subtract(Euro.ofCents(cents));
        giveBack(event, r, hold.revokedAfterClosure(Math.max(0, cents - ownMoneySpent)), "a grant of call " + callId
                + " was revoked after the call closed", "revocation " + event.id());
    }

    /** The call closed having committed {@code committed}: what it held and did not spend goes back to its sources. */
    public void closed(EventEnvelope event, UUID callId, BigDecimal committed) {
        CallReservation r = CallReservation.findById(callId);
        if (r == null || r.state == CallReservation.State.CLOSED) {
            return;
        }
        r.state = CallReservation.State.CLOSED;
        r.committed = committed;
        giveBack(event, r, sources.hold(callId).unspentAtClosure(Euro.toCents(committed)), "call " + callId + " ("
                + r.legalAct + ") closed", "closure " + callId);
    }

    /** No report by the deadline: the source is forfeited and what it has available goes to the housing agencies. */
    public void reportMissing(EventEnvelope event, String fundCode, String istatCode, String source, String deadline) {
        SourceKey key = key(fundCode, istatCode, source);
        sources.lock(List.of(key));
        if (ForfeitedSource.findById(new ForfeitedSource.Key(fundCode, istatCode, source)) != null) {
            return;
        }
        ForfeitedSource f = new ForfeitedSource();
        f.fundCode = fundCode;
        f.istatCode = istatCode;
        f.source = source;
        f.deadline = deadline;
        f.cause = UUID.fromString(event.id());
        f.forfeitedAt = java.time.OffsetDateTime.ofInstant(sources.now(), java.time.ZoneOffset.UTC);
        f.persist();
        SourceBalance balance = sources.balance(key);
        move(event, balance, SavingsRule.reportMissing(balance, deadline));
    }

    /** The report declares unspent money: what the source still has available of it moves. */
    public void reportedUnspent(EventEnvelope event, String fundCode, String istatCode, String source, BigDecimal unspent, int version) {
        SourceKey key = key(fundCode, istatCode, source);
        if (!SourceKind.FIN_A.label().equals(source)) {
            return; // the report is on Fin_a; no rule moves other sources' savings
        }
        sources.lock(List.of(key, finB(key)));
        SourceBalance balance = sources.balance(key);
        move(event, balance, SavingsRule.reportedUnspent(balance, Euro.toCents(unspent), "report version " + version));
    }

    private void giveBack(EventEnvelope event, CallReservation r, Map<SourceKey, Long> back, String why, String cause) {
        List<SourceKey> keys = new ArrayList<>(back.keySet());
        back.keySet().stream().filter(k -> SourceKind.FIN_A.label().equals(k.kind())).forEach(k -> keys.add(finB(k)));
        sources.lock(keys);
        CallHold hold = sources.hold(r.callId);
        for (Map.Entry<SourceKey, Long> e : back.entrySet()) {
            int position = hold.lines().stream().filter(l -> l.source().equals(e.getKey())).findFirst().orElseThrow().position();
            SourceBalance after;
            try {
                after = sources.balance(e.getKey()).release(r.callId.toString(), e.getValue(), why, r.legalAct, event.time().toInstant());
            } catch (SourceBalance.Refused refused) {
                throw new UnprocessableEventException(refused.getMessage());
            }
            sources.recordReleased(after, r.callId, position, e.getValue(), why + ": " + Euro.format(e.getValue())
                    + " it held and did not spend goes back to " + e.getKey().kind(), r.legalAct, cause);
            move(event, after, SavingsRule.afterRelease(after, e.getValue(), why));
        }
    }

    private void move(EventEnvelope event, SourceBalance from, Optional<SavingsRule.Move> move) {
        if (move.isEmpty()) {
            return;
        }
        SavingsRule.Move m = move.get();
        try {
            from.moveOut(m.destination(), m.cents(), m.reason(), null, event.time().toInstant());
        } catch (SourceBalance.Refused refused) {
            throw new UnprocessableEventException(refused.getMessage());
        }
        if (SavingsMovement.findById(UUID.fromString(event.id())) != null) {
            throw new UnprocessableEventException("event " + event.id() + " already moved savings; one cause moves money once");
        }
        sources.recordMoved(from.key(), m, Fund.<Fund>findById(from.key().fundCode()).legalAct, UUID.fromString(event.id()), event.time());
    }

    private static SourceKey finB(SourceKey key) {
        return new SourceKey(key.fundCode(), key.istatCode(), SourceKind.FIN_B.label());
    }

    private static SourceKey key(String fundCode, String istatCode, String source) {
        if (Fund.findById(fundCode) == null) {
            throw new UnprocessableEventException("unknown fund " + fundCode);
        }
        if (SourceKind.of(source).isEmpty()) {
            throw new UnprocessableEventException("unknown budget source " + source + "; one of " + SourceKind.NAMES);
        }
        return new SourceKey(fundCode, istatCode, source);
    }
}
