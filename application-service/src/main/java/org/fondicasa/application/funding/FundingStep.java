package org.fondicasa.application.funding;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.fondicasa.application.application.Application;
import org.fondicasa.application.application.Intake;
import org.fondicasa.application.award.AwardService;
import org.fondicasa.application.call.CallKind;
import org.fondicasa.application.call.CallMoney;
import org.fondicasa.application.call.CallSnapshots;
import org.fondicasa.platform.money.Euro;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One funding pass over a first-come call, in one transaction under the call's lock: the money available, the
 * eligible applications still owed money in receipt order, {@link FirstComeFunding}, and the grants it decides.
 */
@ApplicationScoped
public class FundingStep {

    /** Applications whose transaction may still be open are left for the next pass (see {@link Intake}). */
    static final int SETTLE_SECONDS = Intake.TRANSACTION_TIMEOUT_SECONDS + 1;
    static final int BATCH = 1000;

    private final EntityManager em;
    private final TransactionSynchronizationRegistry transactions;
    /** Per call, how a committed pass left the whole settled line decided. */
    private final Map<UUID, Decided> decided = new ConcurrentHashMap<>();
    private final CallMoney money;
    private final CallSnapshots snapshots;
    private final AwardService awards;

    public FundingStep(EntityManager em, TransactionSynchronizationRegistry transactions, CallMoney money, CallSnapshots snapshots,
                       AwardService awards) {
        this.em = em;
        this.transactions = transactions;
        this.money = money;
        this.snapshots = snapshots;
        this.awards = awards;
    }

    /**
     * Decides the settled part of the call's line, a batch of claims at a time: grants in receipt order while money
     * lasts, and wherever the line stops (someone waits, or the money is spent) every settled PENDING application
     * behind that place becomes WAITING in one statement, however many there are and whether or not this pass read
     * them. With no money left nothing is read at all: the whole settled line waits.
     *
     * @return true when money is left after a full batch and another pass should read the next one
     */
    @Transactional
    public boolean fund(UUID callId) {
        money.lock(callId);
        CallSnapshots.Snapshot call = snapshots.of(callId);
        // every application numbered up to here began its transaction more than SETTLE_SECONDS ago: committed or gone
        // (the latest receipt before that moment, through an index; a place below the true maximum is only more cautious)
        @SuppressWarnings("unchecked")
        List<Number> latest = em.createNativeQuery("""
                        select receipt_seq from application
                        where call_id = ?1 and received_at < clock_timestamp() - make_interval(secs => ?2)
                        order by received_at desc, receipt_seq desc limit 1""")
                .setParameter(1, callId).setParameter(2, SETTLE_SECONDS).getResultList();
        if (latest.isEmpty()) {
            return false;
        }
        Number settled = latest.get(0);
        long available = Euro.toCents(money.budget(callId).subtract(money.committed(callId)));
        // nothing new in line and nothing changed since the last pass left the rest decided (the money, the contests,
        // who left the line, the awards): the waiting list would be read again only to wait again
        Object contests = em.createNativeQuery("select count(*) from contested_claim where call_id = ?1 and resolved_at is null")
                .setParameter(1, callId).getSingleResult();
        Object left = em.createNativeQuery("""
                        select count(*) from application
                        where call_id = ?1 and status in ('WITHDRAWN', 'REVOKED', 'NOT_FUNDED')""")
                .setParameter(1, callId).getSingleResult();
        // every grant adds an award row (a revoked one stays): money that came and went again is still a change
        Object awarded = em.createNativeQuery("select count(*) from award where call_id = ?1").setParameter(1, callId).getSingleResult();
        String seen = lineState(available, contests, left, awarded);
        boolean pending = !em.createNativeQuery(
                        "select 1 from application where call_id = ?1 and status = 'PENDING' and receipt_seq <= ?2 limit 1")
                .setParameter(1, callId).setParameter(2, settled.longValue()).getResultList().isEmpty();
        Decided last = decided.get(callId);
        boolean unchanged = last != null && seen.equals(last.state());
        if (!pending && unchanged) {
            return false;
        }
        if (unchanged && last.waitsFrom().isPresent()) {
            // the line stopped at someone waiting and nothing that could move them has changed: whoever joined since is
            // behind them and waits too, strict receipt order; reading the waiting list again (a sort of every waiting
            // application, 200 ms at 100 000 of them) would decide the same
            waitFrom(callId, last.waitsFrom().getAsLong(), settled.longValue());
            return false;
        }
        List<FirstComeFunding.Claim> claims = available == 0 ? List.of() : claims(callId, settled.longValue());
        FirstComeFunding.Outcome outcome = FirstComeFunding.fund(available, claims, call.kind().funding() == CallKind.Funding.FIRST_COME_WHOLE);
        // the line is decided to its end when it stops here (someone waits) or there was nothing more to read
        boolean readOn = outcome.waitsFrom().isEmpty() && claims.size() == BATCH;
        if (!readOn) {
            // remembered as this pass leaves the line, not as it found it: with the money it found, a revocation handing
            // back exactly what this pass granted would look like nothing changed, and the waiting list would never move
            remember(callId, new Decided(lineState(available - outcome.grantedCents(), contests, left,
                    ((Number) awarded).longValue() + outcome.grants().size()), outcome.waitsFrom()));
        }
        for (FirstComeFunding.Grant grant : outcome.grants()) {
            Application application = Application.findById(grant.protocolNumber());
            awards.grant(application, grant.cents(), explain(call, grant), "first-come funding");
        }
        if (outcome.waitsFrom().isPresent()) {
            waitFrom(callId, outcome.waitsFrom().getAsLong(), settled.longValue());
            return false;
        }
        return readOn;
    }

    /** Every settled PENDING application from that place in line on waits, in one statement. */
    private void waitFrom(UUID callId, long place, long settled) {
        em.createNativeQuery("""
                        update application set status = 'WAITING', status_changed_at = clock_timestamp()
                        where call_id = ?1 and status = 'PENDING' and receipt_seq >= ?2 and receipt_seq <= ?3""")
                .setParameter(1, callId).setParameter(2, place).setParameter(3, settled)
                .executeUpdate();
    }

    /**
     * The money, open contests, departures and awards ({@code state}) a pass left the settled line decided with, and where
     * the line stopped (someone waits from there on), if it did.
     */
    private record Decided(String state, OptionalLong waitsFrom) {
    }

    private void remember(UUID callId, Decided leaves) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    decided.put(callId, leaves);
                }
            }
        });
    }

    /**
     * The first BATCH settled applications still owed money, in receipt order, with what each still needs. A held
     * application (a contest on its household waits for the operator) is passed over, so that no one can stop the line
     * by listing a stranger; once released it is back at its place, ahead of everyone still waiting.
     */
    private List<FirstComeFunding.Claim> claims(UUID callId, long settled) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select a.protocol_number, a.receipt_seq, a.need - coalesce(w.amount, 0)
                        from application a left join award w on w.protocol_number = a.protocol_number and w.status = 'GRANTED'
                        where a.call_id = ?1 and a.status in ('PENDING', 'WAITING', 'PARTIALLY_GRANTED') and a.receipt_seq <= ?2
                          and not exists (select 1 from contested_claim k where k.held_protocol = a.protocol_number and k.resolved_at is null)
                        order by a.receipt_seq limit ?3""")
                .setParameter(1, callId).setParameter(2, settled).setParameter(3, BATCH).getResultList();
        return rows.stream()
                .map(r -> new FirstComeFunding.Claim((String) r[0], ((Number) r[1]).longValue(), Euro.toCents((BigDecimal) r[2])))
                .toList();
    }

    private static String lineState(long availableCents, Object openContests, Object leftTheLine, Object awards) {
        return availableCents + "/" + openContests + "/" + leftTheLine + "/" + awards;
    }

    private static String explain(CallSnapshots.Snapshot call, FirstComeFunding.Grant grant) {
        return grant.complete()
                ? "first come, first served: funded in receipt order (" + call.legalAct() + ")"
                : "first come, first served: the last " + Euro.format(grant.cents()) + " of the budget, less than the need ("
                + call.legalAct() + ")";
    }
}
