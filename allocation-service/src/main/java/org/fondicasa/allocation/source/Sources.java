package org.fondicasa.allocation.source;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.fondicasa.allocation.bonus.BonusRun;
import org.fondicasa.allocation.bonus.BonusShare;
import org.fondicasa.allocation.cofinancing.CofinancingDeclaration;
import org.fondicasa.allocation.fund.Fund;
import org.fondicasa.allocation.quota.QuotaDeclaration;
import org.fondicasa.allocation.split.RunMunicipalityKey;
import org.fondicasa.events.allocation.BudgetReleased;
import org.fondicasa.events.allocation.BudgetReserved;
import org.fondicasa.events.allocation.SavingsMoved;
import org.fondicasa.platform.events.Outbox;
import org.fondicasa.platform.money.Euro;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * The sources' balances as stored: what was declared, every reservation, release and savings movement. Every change
 * goes through here, after {@link #lock} and a check by {@link SourceBalance} in the same transaction, and publishes
 * its event through the outbox in that transaction.
 */
@ApplicationScoped
public class Sources {

    private final EntityManager em;
    private final Outbox outbox;
    private final Clock clock;

    public Sources(EntityManager em, Outbox outbox, Clock clock) {
        this.em = em;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The source a call of {@code fund} means by {@code kind}: the ordinary call's Fin_c is the quota fund's Fin_c. */
    public static SourceKey resolve(Fund fund, String istatCode, SourceKind kind) {
        String owner = kind == SourceKind.FIN_C && fund.quotaFund != null ? fund.quotaFund : fund.code;
        return new SourceKey(owner, istatCode, kind.label());
    }

    /**
     * Serialises every change of these sources until the transaction ends; always in the same order, so two
     * transactions locking overlapping sources cannot deadlock.
     */
    public void lock(Collection<SourceKey> keys) {
        keys.stream().map(k -> "source:" + k.fundCode() + "|" + k.istatCode() + "|" + k.kind()).distinct().sorted()
                .forEach(k -> em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(?1, 0))").setParameter(1, k)
                        .getSingleResult());
    }

    /** What the municipality declared for the source; null when it declared nothing (there is no such source). */
    public BigDecimal declared(SourceKey key) {
        SourceKind kind = SourceKind.of(key.kind()).orElseThrow();
        if (kind.quota()) {
            QuotaDeclaration q = QuotaDeclaration.latest(key.fundCode(), key.istatCode());
            return q == null ? null : switch (kind) {
                case FIN_A -> q.finA;
                case FIN_B -> q.finB;
                default -> q.finC;
            };
        }
        if (kind == SourceKind.BONUS) {
            BonusRun run = BonusRun.published(key.fundCode());
            BonusShare share = run == null ? null : BonusShare.findById(new RunMunicipalityKey(run.id, key.istatCode()));
            return share == null ? null : share.bonus;
        }
        CofinancingDeclaration c = CofinancingDeclaration.latest(key.fundCode(), key.istatCode());
        return c == null ? null : switch (kind) {
            case FIN_BASE -> c.finBase;
            case QEMI -> c.qEmi;
            case QSMINE -> c.qSmine;
            default -> c.cofin;
        };
    }

    /**
     * A new declaration of these sources must cover what calls and savings already use of them; otherwise 409 names
     * the source and the figures, and nothing is declared. Locks the sources until the declaration commits.
     */
    public static void requireCovers(Sources sources, java.util.Map<SourceKey, BigDecimal> declared) {
        sources.lock(declared.keySet());
        for (java.util.Map.Entry<SourceKey, BigDecimal> e : declared.entrySet()) {
            try {
                sources.balance(e.getKey()).reallocate(Euro.toCents(e.getValue()));
            } catch (SourceBalance.Refused refused) {
                throw new org.fondicasa.platform.web.ProblemException(409, "source-in-use", "The money is already in use",
                        refused.getMessage(), List.of());
            }
        }
    }

    /** The source's balance; a source never declared holds nothing. */
    public SourceBalance balance(SourceKey key) {
        BigDecimal declared = declared(key);
        return balance(key, declared == null ? 0 : Euro.toCents(declared));
    }

    /** The source's balance as if {@code allocated} cents had been declared (to check a new declaration). */
    public SourceBalance balance(SourceKey key, long allocated) {
        List<SourceBalance.Movement> movements = new ArrayList<>();
        List<Timed> timed = new ArrayList<>();
        BudgetMovement.<BudgetMovement>list("fundCode = ?1 and istatCode = ?2 and source = ?3", key.fundCode(), key.istatCode(), key.kind())
                .forEach(m -> timed.add(new Timed(m.occurredAt, m.id, new SourceBalance.Movement(m.type, Euro.toCents(m.amount),
                        m.callId.toString(), null, m.reason, m.legalRef, m.occurredAt.toInstant()))));
        SavingsMovement.<SavingsMovement>list("fundCode = ?1 and istatCode = ?2", key.fundCode(), key.istatCode()).forEach(m -> {
            if (m.fromSource.equals(key.kind())) {
                timed.add(new Timed(m.occurredAt, 0, new SourceBalance.Movement(SourceBalance.Type.MOVED_OUT, Euro.toCents(m.amount),
                        null, m.destination, m.reason, m.legalRef, m.occurredAt.toInstant())));
            }
            if (m.destination == SourceBalance.Destination.FIN_B && SourceKind.FIN_B.label().equals(key.kind())) {
                timed.add(new Timed(m.occurredAt, 0, new SourceBalance.Movement(SourceBalance.Type.MOVED_IN, Euro.toCents(m.amount),
                        null, null, m.reason + " (from " + m.fromSource + ")", m.legalRef, m.occurredAt.toInstant())));
            }
        });
        timed.sort(Comparator.comparing(Timed::at).thenComparingLong(Timed::order));
        timed.forEach(t -> movements.add(t.movement()));
        boolean forfeited = ForfeitedSource.findById(new ForfeitedSource.Key(key.fundCode(), key.istatCode(), key.kind())) != null;
        return new SourceBalance(key, allocated, movements, forfeited);
    }

    private record Timed(OffsetDateTime at, long order, SourceBalance.Movement movement) {
    }

    /** What a call holds, per source, in its spending order. */
    public CallHold hold(UUID callId) {
        List<BudgetMovement> moves = BudgetMovement.list("callId = ?1 order by position, id", callId);
        java.util.Map<Integer, CallHold.Line> lines = new java.util.TreeMap<>();
        for (BudgetMovement m : moves) {
            long signed = m.type == SourceBalance.Type.RESERVED ? Euro.toCents(m.amount) : -Euro.toCents(m.amount);
            lines.merge(m.position, new CallHold.Line(m.position, m.key(), signed),
                    (a, b) -> new CallHold.Line(a.position(), a.source(), a.held() + b.held()));
        }
        return new CallHold(callId.toString(), List.copyOf(lines.values()));
    }

    /** Records a reservation the balance allowed, and announces it. */
    public void recordReserved(SourceBalance after, UUID callId, String callFundCode, int position, long cents, String reason,
                               String legalRef, String cause) {
        BudgetMovement m = movement(after.key(), callId, position, SourceBalance.Type.RESERVED, cents, reason, legalRef, cause);
        outbox.publish(new BudgetReserved(m.fundCode, m.istatCode, m.source, callId.toString(), callFundCode, position,
                m.amount.toPlainString(), Euro.ofCents(after.available()).toPlainString(), legalRef));
    }

    /** Records a release the balance allowed, and announces it. */
    public void recordReleased(SourceBalance after, UUID callId, int position, long cents, String reason, String legalRef,
                               String cause) {
        BudgetMovement m = movement(after.key(), callId, position, SourceBalance.Type.RELEASED, cents, reason, legalRef, cause);
        outbox.publish(new BudgetReleased(m.fundCode, m.istatCode, m.source, callId.toString(), m.amount.toPlainString(),
                Euro.ofCents(after.available()).toPlainString(), reason));
    }

    /** Records savings the balance allowed to move, caused by the event {@code causeEventId}, and announces them. */
    public void recordMoved(SourceKey from, SavingsRule.Move move, String legalRef, UUID causeEventId, OffsetDateTime occurredAt) {
        SavingsMovement m = new SavingsMovement();
        m.eventId = causeEventId;
        m.fundCode = from.fundCode();
        m.istatCode = from.istatCode();
        m.fromSource = from.kind();
        m.destination = move.destination();
        m.amount = Euro.ofCents(move.cents());
        m.reason = move.reason();
        m.legalRef = legalRef;
        m.occurredAt = occurredAt;
        m.recordedAt = OffsetDateTime.now(clock);
        m.persist();
        outbox.publish(new SavingsMoved(m.fundCode, m.istatCode, m.fromSource, m.destination.name(), m.amount.toPlainString(),
                m.reason, m.legalRef, causeEventId.toString()));
    }

    public Instant now() {
        return clock.instant();
    }

    private BudgetMovement movement(SourceKey key, UUID callId, int position, SourceBalance.Type type, long cents, String reason,
                                    String legalRef, String cause) {
        BudgetMovement m = new BudgetMovement();
        m.fundCode = key.fundCode();
        m.istatCode = key.istatCode();
        m.source = key.kind();
        m.callId = callId;
        m.position = position;
        m.type = type;
        m.amount = Euro.ofCents(cents);
        m.reason = reason;
        m.legalRef = legalRef;
        m.cause = cause;
        m.occurredAt = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        m.recordedAt = m.occurredAt;
        m.persist();
        return m;
    }
}
