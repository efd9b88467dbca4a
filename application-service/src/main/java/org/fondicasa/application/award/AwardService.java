package org.fondicasa.application.award;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.fondicasa.application.application.Application;
import org.fondicasa.application.application.ApplicationStatus;
import org.fondicasa.application.application.ContestedClaim;
import org.fondicasa.application.application.Intake;
import org.fondicasa.application.call.Call;
import org.fondicasa.application.call.CallKind;
import org.fondicasa.application.call.CallMoney;
import org.fondicasa.application.call.CallService;
import org.fondicasa.application.call.CallSnapshots;
import org.fondicasa.application.metrics.BusinessMetrics;
import org.fondicasa.events.application.ApplicationNotFunded;
import org.fondicasa.events.application.ApplicationWithdrawn;
import org.fondicasa.events.application.ContributionGranted;
import org.fondicasa.events.application.ContributionPaid;
import org.fondicasa.events.application.ContributionRevoked;
import org.fondicasa.platform.events.Outbox;
import org.fondicasa.platform.money.Euro;
import org.fondicasa.platform.security.Caller;
import org.fondicasa.platform.time.RomeTime;
import org.fondicasa.platform.validation.Iban;
import org.fondicasa.platform.web.ProblemException;

import org.hibernate.Session;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Grants, payments, withholdings, revocations and withdrawals: every change of committed money goes through here,
 * under the call's lock, with its event in the same transaction.
 */
@ApplicationScoped
public class AwardService {

    private final CallSnapshots snapshots;
    private final CallService calls;
    private final CallMoney money;
    private final Outbox outbox;
    private final ObjectMapper mapper;
    private final BusinessMetrics metrics;
    private final EntityManager em;
    private final Clock clock;

    /** First grants per statement in {@link #grantAll}: five outbox parameters each, under PostgreSQL's 32.767. */
    private static final int GRANT_BATCH = 4_000;

    public AwardService(CallSnapshots snapshots, CallService calls, CallMoney money, Outbox outbox,
                        ObjectMapper mapper, BusinessMetrics metrics, EntityManager em, Clock clock) {
        this.clock = clock;
        this.em = em;
        this.snapshots = snapshots;
        this.calls = calls;
        this.money = money;
        this.outbox = outbox;
        this.mapper = mapper;
        this.metrics = metrics;
    }

    /**
     * Grants {@code cents} more to an application (a first grant, or a partial one topped up). The caller holds the
     * call's lock and has checked the budget.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Award grant(Application application, long cents, String explanation, String by) {
        Award award = Award.findById(application.protocolNumber);
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (award == null) {
            award = new Award();
            award.protocolNumber = application.protocolNumber;
            award.callId = application.callId;
            award.amount = Euro.ofCents(cents);
            award.need = application.need;
            award.status = Award.Status.GRANTED;
            award.explanation = explanation;
            award.grantedAt = now;
            award.grantedBy = by;
            award.persist();
        } else {
            award.amount = award.amount.add(Euro.ofCents(cents));
            award.explanation = award.explanation + "; " + explanation;
        }
        // a social worker's amount is the decision itself, not a part of the need
        boolean complete = award.amount.compareTo(application.need) >= 0
                || snapshots.of(application.callId).kind().funding() == CallKind.Funding.ASSESSED;
        application.moveTo(complete ? ApplicationStatus.GRANTED : ApplicationStatus.PARTIALLY_GRANTED, now);
        CallSnapshots.Snapshot call = snapshots.of(application.callId);
        outbox.publish(new ContributionGranted(call.id().toString(), call.kind().name(), call.istatCode(), call.fundCode(),
                application.protocolNumber, Euro.ofCents(cents).toPlainString(), award.amount.toPlainString(),
                application.need.toPlainString(), !complete, explanation));
        metrics.granted(call.kind().name(), call.fundCode(), Euro.ofCents(cents));
        return award;
    }

    /** A first grant of one application (one without an award): what {@link #grant} is given for it, in cents. */
    public record FirstGrant(String protocolNumber, long needCents, long cents, String explanation) {
    }

    /**
     * First grants of many applications of one call (a ranking's publication), in the order given: each recorded as
     * {@link #grant} records a first grant (the award, the application's status GRANTED or PARTIALLY_GRANTED, its
     * {@code ContributionGranted} event in the outbox, the metrics), {@value #GRANT_BATCH} applications per statement
     * instead of several statements each, with one time for all of them. For applications without an award only (a
     * ranked call's pending applications never have one): another fails on the award's key and rolls everything back.
     * Their statuses are changed in the database, so their entities must not be loaded in this session. The caller
     * holds the call's lock and has checked the budget.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void grantAll(UUID callId, List<FirstGrant> grants, String by) {
        if (grants.isEmpty()) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        CallSnapshots.Snapshot call = snapshots.of(callId);
        boolean assessed = call.kind().funding() == CallKind.Funding.ASSESSED;
        em.flush();
        for (int from = 0; from < grants.size(); from += GRANT_BATCH) {
            List<FirstGrant> batch = grants.subList(from, Math.min(grants.size(), from + GRANT_BATCH));
            int n = batch.size();
            String[] protocols = new String[n];
            BigDecimal[] amounts = new BigDecimal[n];
            BigDecimal[] needs = new BigDecimal[n];
            String[] explanations = new String[n];
            String[] statuses = new String[n];
            List<ContributionGranted> events = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                FirstGrant g = batch.get(i);
                protocols[i] = g.protocolNumber();
                amounts[i] = Euro.ofCents(g.cents());
                needs[i] = Euro.ofCents(g.needCents());
                explanations[i] = g.explanation();
                // a social worker's amount is the decision itself, not a part of the need
                boolean complete = amounts[i].compareTo(needs[i]) >= 0 || assessed;
                statuses[i] = (complete ? ApplicationStatus.GRANTED : ApplicationStatus.PARTIALLY_GRANTED).name();
                events.add(new ContributionGranted(call.id().toString(), call.kind().name(), call.istatCode(), call.fundCode(),
                        g.protocolNumber(), amounts[i].toPlainString(), amounts[i].toPlainString(), needs[i].toPlainString(),
                        !complete, g.explanation()));
            }
            em.unwrap(Session.class).doWork(c -> {
                try (PreparedStatement insert = c.prepareStatement("""
                        insert into award (protocol_number, call_id, amount, need, status, explanation, granted_at, granted_by)
                        select t.protocol, ?, t.amount, t.need, 'GRANTED', t.explanation, ?, ?
                        from unnest(?::text[], ?::numeric[], ?::numeric[], ?::text[]) as t(protocol, amount, need, explanation)""");
                     PreparedStatement status = c.prepareStatement("""
                        update application a set status = t.status, status_changed_at = ?
                        from unnest(?::text[], ?::text[]) as t(protocol, status)
                        where a.protocol_number = t.protocol and a.status = 'PENDING'""")) {
                    insert.setObject(1, callId);
                    insert.setObject(2, now);
                    insert.setString(3, by);
                    insert.setArray(4, c.createArrayOf("text", protocols));
                    insert.setArray(5, c.createArrayOf("numeric", amounts));
                    insert.setArray(6, c.createArrayOf("numeric", needs));
                    insert.setArray(7, c.createArrayOf("text", explanations));
                    insert.executeUpdate();
                    status.setObject(1, now);
                    status.setArray(2, c.createArrayOf("text", protocols));
                    status.setArray(3, c.createArrayOf("text", statuses));
                    if (status.executeUpdate() != n) {
                        // a withdrawal takes the call's lock too; if one got past it, nothing of this publication stands
                        throw new IllegalStateException("a granted application of call " + callId + " is not stored or no longer pending");
                    }
                }
            });
            outbox.publishAll(events);
            for (BigDecimal amount : amounts) {
                metrics.granted(call.kind().name(), call.fundCode(), amount);
            }
        }
    }

    @Transactional
    public void recordTaxArrears(String protocol, AwardRequests.TaxArrearsRecord record, Caller caller) {
        Application application = locked(managed(protocol, caller));
        Award award = Award.findById(protocol);
        if (award != null && award.status != Award.Status.GRANTED) {
            throw ProblemException.conflict("The contribution is " + award.status + "; arrears are withheld only before payment");
        }
        TaxArrears arrears = TaxArrears.findById(application.protocolNumber);
        if (arrears == null) {
            arrears = new TaxArrears();
            arrears.protocolNumber = application.protocolNumber;
        }
        arrears.amount = record.amount().setScale(2);
        arrears.reference = record.reference().strip();
        arrears.recordedBy = caller.name();
        arrears.recordedAt = OffsetDateTime.now(clock);
        arrears.persist();
    }

    /** Records that the treasury paid the contribution to the applicant's IBAN, less the withheld tax arrears. */
    @Transactional
    public Award pay(String protocol, AwardRequests.Payment payment, Caller caller) {
        Application application = locked(managed(protocol, caller));
        Award award = Award.findById(protocol);
        requireNotHeld(application, "paid");
        if (award == null || award.status != Award.Status.GRANTED) {
            throw ProblemException.conflict("Application " + protocol + " has no contribution waiting for payment"
                    + (award == null ? "" : " (it is " + award.status + ")"));
        }
        if (application.status == ApplicationStatus.PARTIALLY_GRANTED && calls.require(application.callId).kind.funding().firstCome()
                && calls.require(application.callId).closedAt == null) {
            throw ProblemException.conflict("A partial first-come grant is paid when the call closes, so that money returning to the "
                    + "call can still complete it");
        }
        TaxArrears arrears = TaxArrears.findById(protocol);
        BigDecimal withheld = arrears == null ? BigDecimal.ZERO.setScale(2) : arrears.amount.min(award.amount);
        award.withheld = withheld;
        award.withholdingRef = arrears == null ? null : arrears.reference;
        award.paidAmount = award.amount.subtract(withheld);
        award.paidToIban = iban(application);
        award.paymentReference = payment.paymentReference().strip();
        award.paidAt = OffsetDateTime.now(clock);
        award.paidBy = caller.name();
        award.status = Award.Status.PAID;
        application.moveTo(ApplicationStatus.PAID, OffsetDateTime.now(clock));
        CallSnapshots.Snapshot call = snapshots.of(application.callId);
        outbox.publish(new ContributionPaid(call.id().toString(), call.kind().name(), call.istatCode(), call.fundCode(),
                application.protocolNumber, award.amount.toPlainString(), withheld.toPlainString(), award.paidAmount.toPlainString(),
                award.paidAt.withOffsetSameInstant(ZoneOffset.UTC).toString()));
        return award;
    }

    /** Revokes a granted, unpaid contribution; the money returns to the call (a first-come waiting list moves up). */
    @Transactional
    public Award revoke(String protocol, AwardRequests.Revocation revocation, Caller caller) {
        Application application = managed(protocol, caller);
        return revokeAward(application, revocation.reason().strip(), caller.name(), ApplicationStatus.REVOKED);
    }

    /** The citizen withdraws their own application; a granted, unpaid contribution goes back to the call. */
    @Transactional
    public void withdraw(String protocol, Caller caller) {
        Application application = Application.findById(protocol);
        if (application == null || !caller.fiscalCode().filter(application.applicantFiscalCode::equals).isPresent()) {
            throw ProblemException.notFound("No application " + protocol + " of yours");
        }
        // a funding pass or a ranking's publication may be deciding this application right now: wait for it, then decide
        locked(application);
        if (Set.of(ApplicationStatus.PAID, ApplicationStatus.REVOKED, ApplicationStatus.WITHDRAWN).contains(application.status)) {
            throw ProblemException.conflict("The application is " + application.status + " and can no longer be withdrawn");
        }
        if (Award.findById(protocol) != null) {
            revokeAward(application, "withdrawn by the applicant", "citizen", ApplicationStatus.WITHDRAWN);
            return;
        }
        application.moveTo(ApplicationStatus.WITHDRAWN, OffsetDateTime.now(clock));
        CallSnapshots.Snapshot call = snapshots.of(application.callId);
        outbox.publish(new ApplicationWithdrawn(call.id().toString(), call.kind().name(), call.istatCode(), call.fundCode(),
                application.protocolNumber));
    }

    /** The social worker's assessment of a hardship application (seed 002 art. 6, 8, 10): grant the amount, or refuse. */
    @Transactional
    public Application assessHardship(String protocol, AwardRequests.SocialAssessment assessment, Caller caller, Intake intake) {
        Application application = managed(protocol, caller);
        Call call = calls.require(application.callId);
        if (call.kind != CallKind.HARDSHIP_GRANT) {
            throw ProblemException.conflict("Only hardship grants are set by a social worker's assessment; this is a " + call.kind + " call");
        }
        locked(application);
        requireNotHeld(application, "assessed");
        if (application.status != ApplicationStatus.PENDING) {
            throw ProblemException.conflict("The application is " + application.status + "; only a pending one is assessed");
        }
        BigDecimal amount = assessment.amount().setScale(2);
        if (amount.compareTo(application.need) > 0) {
            throw ProblemException.unprocessable("over-cap", "Above the maximum", "The grant may not exceed "
                    + Euro.format(application.need) + " (" + calls.rules(call).hardship().maxAmount().legalRef() + ")", List.of());
        }
        List<String> household = HouseholdCodes.of(application);
        int granted = intake.householdGrantsThisYear(call.istatCode, household, OffsetDateTime.now(clock).atZoneSameInstant(RomeTime.ZONE).toLocalDate());
        if (granted >= calls.rules(call).hardship().grantsPerHouseholdPerYear().value().intValue()) {
            throw ProblemException.unprocessable("once-per-year", "Already granted this year", "This household already had "
                    + granted + " hardship grant(s) this calendar year (" + calls.rules(call).hardship().grantsPerHouseholdPerYear().legalRef() + ")", List.of());
        }
        BigDecimal available = money.budget(call.id).subtract(money.committed(call.id));
        if (amount.compareTo(available) > 0) {
            throw ProblemException.unprocessable("budget-exhausted", "Not enough money left", "The call has "
                    + Euro.format(available) + " left; the assessment asks " + Euro.format(amount), List.of());
        }
        String explanation = "social worker " + assessment.socialWorker().strip() + " assessed " + Euro.format(amount)
                + " (at most " + Euro.format(application.need) + "): " + assessment.report().strip();
        if (amount.signum() == 0) {
            application.moveTo(ApplicationStatus.NOT_FUNDED, OffsetDateTime.now(clock));
            outbox.publish(new ApplicationNotFunded(call.id.toString(), call.kind.name(), call.istatCode, call.fundCode,
                    application.protocolNumber, "social worker's assessment: no grant"));
        } else {
            grant(application, Euro.toCents(amount), explanation, caller.name());
        }
        return application;
    }

    /**
     * A contested application whose household declaration the operator found not to stand leaves the call: an unpaid
     * grant is revoked (the money returns to the call), an application still waiting for its decision is not funded;
     * one already decided without money stays as it is, and a paid one too (a paid contribution is recovered, not revoked).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void exclude(Application application, String reason, String by) {
        Award award = Award.findById(application.protocolNumber);
        if (award != null && award.status == Award.Status.GRANTED) {
            revokeAward(application, reason, by, ApplicationStatus.REVOKED);
            return;
        }
        if (award == null && Set.of(ApplicationStatus.PENDING, ApplicationStatus.WAITING).contains(application.status)) {
            money.lock(application.callId);
            application.moveTo(ApplicationStatus.NOT_FUNDED, OffsetDateTime.now(clock));
            CallSnapshots.Snapshot call = snapshots.of(application.callId);
            outbox.publish(new ApplicationNotFunded(call.id().toString(), call.kind().name(), call.istatCode(), call.fundCode(),
                    application.protocolNumber, reason));
        }
    }

    /** A contested application gets no money decision and no payment until the operator resolves its contests. */
    private static void requireNotHeld(Application application, String what) {
        if (ContestedClaim.holds(application.protocolNumber)) {
            throw ProblemException.conflict("Application " + application.protocolNumber + " is held: a person it lists as a "
                    + "household member applied themselves, and it is " + what + " once the call's operators resolve that contest "
                    + "(GET /calls/" + application.callId + "/contested-claims)");
        }
    }

    private Award revokeAward(Application application, String reason, String by, ApplicationStatus next) {
        locked(application);
        Award award = Award.findById(application.protocolNumber);
        if (award != null) {
            // it may have been read before the lock (a withdrawal looks for it first), and paid since
            em.refresh(award);
        }
        if (award == null || award.status != Award.Status.GRANTED) {
            throw ProblemException.conflict("Application " + application.protocolNumber + " has no granted, unpaid contribution to revoke"
                    + (award == null ? "" : " (it is " + award.status + "; a paid contribution is recovered, not revoked)"));
        }
        award.status = Award.Status.REVOKED;
        award.revokedAt = OffsetDateTime.now(clock);
        award.revokedBy = by;
        award.revocationReason = reason;
        application.moveTo(next, OffsetDateTime.now(clock));
        CallSnapshots.Snapshot call = snapshots.of(application.callId);
        outbox.publish(new ContributionRevoked(call.id().toString(), call.kind().name(), call.istatCode(), call.fundCode(),
                application.protocolNumber, award.amount.toPlainString(), reason));
        metrics.revoked(call.kind().name(), call.fundCode(), award.amount);
        return award;
    }

    /**
     * Takes the call's money lock and reads the application again under it: every decision on its money is made on
     * what is true once no funding pass, publication, payment or other decision on the call is running, not on what
     * was read before (two assessments at once would otherwise both see it pending and grant it twice).
     */
    private Application locked(Application application) {
        money.lock(application.callId);
        em.refresh(application);
        return application;
    }

    /** The application, if the caller manages its call (its municipality's operator, or the region). */
    public Application managed(String protocol, Caller caller) {
        Application application = Application.findById(protocol);
        if (application == null || !calls.manages(caller, calls.require(application.callId))) {
            // the same answer whether it does not exist or is another municipality's (TenancyGate answers first)
            throw ProblemException.notFound("No application " + protocol + " that you may see");
        }
        return application;
    }

    private String iban(Application application) {
        try {
            return Iban.normalise(mapper.readTree(application.form).path("iban").asText()).orElseThrow();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
