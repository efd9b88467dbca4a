package org.fondicasa.reporting.events;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.fondicasa.events.application.ApplicationAssessed;
import org.fondicasa.events.application.ApplicationEvent;
import org.fondicasa.events.application.ApplicationNotFunded;
import org.fondicasa.events.application.ApplicationReceived;
import org.fondicasa.events.application.ApplicationWithdrawn;
import org.fondicasa.events.application.CallBudgetIncreased;
import org.fondicasa.events.application.CallClosed;
import org.fondicasa.events.application.CallOpened;
import org.fondicasa.events.application.ContributionGranted;
import org.fondicasa.events.application.ContributionPaid;
import org.fondicasa.events.application.ContributionRevoked;
import org.fondicasa.events.application.RankingPublished;
import org.fondicasa.platform.events.EventEnvelope;
import org.fondicasa.platform.events.IdempotentConsumer;
import org.fondicasa.reporting.dashboard.CallStats;
import org.fondicasa.reporting.dashboard.DashboardChanges;
import org.fondicasa.reporting.ledger.Ledger;
import org.fondicasa.reporting.report.Beneficiary;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import static org.fondicasa.platform.events.EventData.optionalEuro;
import static org.fondicasa.platform.events.EventData.requireEuro;
import static org.fondicasa.platform.events.EventData.requireText;

/**
 * Turns application-service's money events into ledger flows of the fund and municipality they belong to, each event
 * at most once and tied to its call: the call's budget, granted, revoked, paid and withheld, and what it left unspent.
 * Calls without a fund (a municipality's own money, the regional microcredit) are not part of a fund's ledger.
 */
@ApplicationScoped
public class ApplicationEventsListener {

    static final String CONSUMER = "reporting-service.ledger";

    private final IdempotentConsumer consumer;
    private final DashboardChanges changes;
    private final LedgerRecorder recorder;

    public ApplicationEventsListener(IdempotentConsumer consumer, DashboardChanges changes, LedgerRecorder recorder) {
        this.consumer = consumer;
        this.changes = changes;
        this.recorder = recorder;
    }

    @Incoming("application-events")
    @Blocking
    public void onEvent(String payload) {
        consumer.consume(CONSUMER, payload, ApplicationEvent.CATALOG, this::apply);
    }

    void apply(EventEnvelope envelope, ApplicationEvent event) {
        if (event.callId() != null) {
            CallStats stats = CallStats.of(UUID.fromString(event.callId()), requireText(event.kind(), "kind"), event.fundCode(),
                    event.istatCode());
            event.accept(new CallCounts(envelope, stats));
        }
        if (event.fundCode() == null || event.istatCode() == null) {
            return;
        }
        changes.touched(event.fundCode());
        event.accept(new Flows(envelope, AllocationEventsListener.uuid(event.callId(), "callId"), recorder));
    }

    /** Running counts of every call, for the dashboards. */
    private final class CallCounts implements ApplicationEvent.Handler {

        private final EventEnvelope envelope;
        private final CallStats stats;

        CallCounts(EventEnvelope envelope, CallStats stats) {
            this.envelope = envelope;
            this.stats = stats;
        }

        @Override
        public void callOpened(CallOpened event) {
            stats.opensAt = OffsetDateTime.parse(requireText(event.opensAt(), "opensAt"));
            stats.closesAt = OffsetDateTime.parse(requireText(event.closesAt(), "closesAt"));
            changes.touched(event.fundCode());
        }

        @Override
        public void applicationReceived(ApplicationReceived event) {
            stats.applications++;
            changes.touched(event.fundCode());
        }

        @Override
        public void applicationAssessed(ApplicationAssessed event) {
            stats.eligible += Boolean.TRUE.equals(event.eligible()) ? 1 : 0;
            changes.touched(event.fundCode());
        }

        @Override
        public void callClosed(CallClosed event) {
            stats.closedAt = envelope.time();
            changes.touched(event.fundCode());
        }

        @Override
        public void callBudgetIncreased(CallBudgetIncreased event) {
        }

        @Override
        public void rankingPublished(RankingPublished event) {
        }

        @Override
        public void applicationNotFunded(ApplicationNotFunded event) {
        }

        @Override
        public void applicationWithdrawn(ApplicationWithdrawn event) {
        }

        @Override
        public void contributionGranted(ContributionGranted event) {
        }

        @Override
        public void contributionPaid(ContributionPaid event) {
        }

        @Override
        public void contributionRevoked(ContributionRevoked event) {
        }
    }

    /** The money of a fund's call: ledger flows tied to the call, and each beneficiary's figures for the report. */
    private static final class Flows implements ApplicationEvent.Handler {

        private final EventEnvelope envelope;
        private final String callId;
        private final String call;
        private final LedgerRecorder recorder;

        Flows(EventEnvelope envelope, String callId, LedgerRecorder recorder) {
            this.envelope = envelope;
            this.callId = callId;
            this.call = "call " + callId;
            this.recorder = recorder;
        }

        /** What the report needs about an eligible application; the not eligible ones are never beneficiaries. */
        @Override
        public void applicationAssessed(ApplicationAssessed event) {
            if (!Boolean.TRUE.equals(event.eligible())) {
                return;
            }
            Beneficiary b = beneficiary(event, event.protocolNumber());
            b.band = event.band();
            b.householdSize = event.householdSize() == null ? 0 : event.householdSize();
            b.dependentChildren = event.dependentChildren() == null ? 0 : event.dependentChildren();
            b.isee = optionalEuro(event.isee(), "isee");
            b.referenceIncome = optionalEuro(event.referenceIncome(), "referenceIncome");
            b.conventionalIncome = optionalEuro(event.conventionalIncome(), "conventionalIncome");
            b.annualRent = optionalEuro(event.annualRent(), "annualRent");
            b.months = event.months();
            b.incidence = event.incidence() != null ? new BigDecimal(event.incidence()) : null;
            b.need = requireEuro(event.need(), "need");
        }

        @Override
        public void contributionGranted(ContributionGranted event) {
            record(event, Ledger.Kind.GRANTED, event.amount(), "amount", why(event.protocolNumber()));
            Beneficiary b = beneficiary(event, event.protocolNumber());
            b.granted = b.granted.add(requireEuro(event.amount(), "amount"));
        }

        @Override
        public void contributionRevoked(ContributionRevoked event) {
            record(event, Ledger.Kind.REVOKED, event.amount(), "amount",
                    why(event.protocolNumber()) + ": " + requireText(event.reason(), "reason"));
            Beneficiary b = beneficiary(event, event.protocolNumber());
            b.revoked = b.revoked.add(requireEuro(event.amount(), "amount"));
        }

        @Override
        public void contributionPaid(ContributionPaid event) {
            String why = why(event.protocolNumber());
            record(event, Ledger.Kind.PAID, event.paid(), "paid", why);
            record(event, Ledger.Kind.WITHHELD, event.withheld(), "withheld", why + ": municipal tax arrears");
            Beneficiary b = beneficiary(event, event.protocolNumber());
            b.paid = b.paid.add(requireEuro(event.paid(), "paid"));
            b.withheld = b.withheld.add(requireEuro(event.withheld(), "withheld"));
        }

        /** The unspent money by the call's budget source: a report or a deadline must not move it a second time. */
        @Override
        public void callClosed(CallClosed event) {
            String budgetSource = requireText(event.budgetSource(), "budgetSource");
            record(event, Ledger.Kind.UNSPENT, event.unspent(), "unspent", call + " closed, " + budgetSource,
                    new Ledger.Ref(budgetSource, callId, null, null, null));
        }

        /** The budget says what the call holds beyond its reservations (its own money, e.g. a municipal line). */
        @Override
        public void callOpened(CallOpened event) {
            record(event, Ledger.Kind.CALL_BUDGET, event.budget(), "budget", call + " opened, " + requireText(event.legalAct(), "legalAct"));
        }

        @Override
        public void callBudgetIncreased(CallBudgetIncreased event) {
            record(event, Ledger.Kind.CALL_BUDGET, event.amount(), "amount",
                    call + " topped up from " + requireText(event.source(), "source") + ", " + requireText(event.legalRef(), "legalRef"));
        }

        @Override
        public void rankingPublished(RankingPublished event) {
        }

        @Override
        public void applicationReceived(ApplicationReceived event) {
        }

        @Override
        public void applicationNotFunded(ApplicationNotFunded event) {
        }

        @Override
        public void applicationWithdrawn(ApplicationWithdrawn event) {
        }

        private String why(String protocolNumber) {
            return call + (protocolNumber != null ? ", protocol " + protocolNumber : "");
        }

        private void record(ApplicationEvent event, Ledger.Kind kind, String amount, String amountField, String legalRef) {
            record(event, kind, amount, amountField, legalRef, new Ledger.Ref(null, callId, null, null, null));
        }

        private void record(ApplicationEvent event, Ledger.Kind kind, String amount, String amountField, String legalRef, Ledger.Ref ref) {
            recorder.record(envelope, event.fundCode(), event.istatCode(), kind, 0, requireEuro(amount, amountField), legalRef, ref);
        }

        /** The application's row, created by whichever of its events arrives first. */
        private static Beneficiary beneficiary(ApplicationEvent event, String protocolNumber) {
            String protocol = requireText(protocolNumber, "protocolNumber");
            Beneficiary b = Beneficiary.findById(protocol);
            if (b == null) {
                b = new Beneficiary();
                b.protocolNumber = protocol;
                b.fundCode = event.fundCode();
                b.istatCode = event.istatCode();
                b.callId = UUID.fromString(event.callId());
                b.callKind = requireText(event.kind(), "kind");
                b.persist();
            }
            return b;
        }
    }
}
