package org.fondicasa.allocation.savings;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.fondicasa.allocation.fund.Fund;
import org.fondicasa.allocation.quota.QuotaDeclaration;
import org.fondicasa.events.allocation.SavingsMoved;
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
import org.fondicasa.events.reporting.ReportMissing;
import org.fondicasa.events.reporting.ReportSubmitted;
import org.fondicasa.events.reporting.ReportingEvent;
import org.fondicasa.events.reporting.SavingsDeclared;
import org.fondicasa.platform.events.EventEnvelope;
import org.fondicasa.platform.events.IdempotentConsumer;
import org.fondicasa.platform.events.Outbox;
import org.fondicasa.platform.events.UnprocessableEventException;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

import static org.fondicasa.platform.events.EventData.requireEuro;
import static org.fondicasa.platform.events.EventData.requireText;

/**
 * Moves savings (economie, DOMAIN.md §1.4) when the other services report them: a closed Fin_a call's unspent money
 * goes to the municipality's Fin_b; a report missing at its deadline sends what is available to the housing agencies,
 * ex officio. Each event moves money at most once, and never more than the declared quota still holds.
 */
@ApplicationScoped
public class SavingsListener {

    static final String CONSUMER = "allocation-service.savings";

    private final IdempotentConsumer consumer;
    private final Outbox outbox;
    private final Clock clock;

    public SavingsListener(IdempotentConsumer consumer, Outbox outbox, Clock clock) {
        this.clock = clock;
        this.consumer = consumer;
        this.outbox = outbox;
    }

    @Incoming("application-events")
    @Blocking
    public void onApplicationEvent(String payload) {
        consumer.consume(CONSUMER, payload, ApplicationEvent.CATALOG, (envelope, event) -> event.accept(new ClosedCalls(envelope)));
    }

    @Incoming("reporting-events")
    @Blocking
    public void onReportingEvent(String payload) {
        consumer.consume(CONSUMER, payload, ReportingEvent.CATALOG, (envelope, event) -> event.accept(new Reports(envelope)));
    }

    /** A closed call's unspent Fin_a goes back to the municipality's Fin_b; no other application event moves money. */
    private final class ClosedCalls implements ApplicationEvent.Handler {

        private final EventEnvelope envelope;

        ClosedCalls(EventEnvelope envelope) {
            this.envelope = envelope;
        }

        @Override
        public void callClosed(CallClosed event) {
            if ("Fin_a".equals(event.budgetSource())) {
                move(envelope, event.fundCode(), event.istatCode(), event.budgetSource(), event.unspent(), "unspent",
                        SavingsMovement.Destination.FIN_B, "call " + requireText(event.callId(), "callId") + " closed"
                                + " with unspent Fin_a: it goes to the municipality's Fin_b", event.legalAct());
            }
        }

        @Override
        public void callOpened(CallOpened event) {
        }

        @Override
        public void callBudgetIncreased(CallBudgetIncreased event) {
        }

        @Override
        public void rankingPublished(RankingPublished event) {
        }

        @Override
        public void applicationReceived(ApplicationReceived event) {
        }

        @Override
        public void applicationAssessed(ApplicationAssessed event) {
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

    /** Unspent Fin_a a report declares goes to Fin_b; a missing report sends what is available to the housing agencies. */
    private final class Reports implements ReportingEvent.Handler {

        private final EventEnvelope envelope;

        Reports(EventEnvelope envelope) {
            this.envelope = envelope;
        }

        @Override
        public void savingsDeclared(SavingsDeclared event) {
            if ("Fin_a".equals(event.budgetSource())) {
                move(envelope, event.fundCode(), event.istatCode(), event.budgetSource(), event.unspent(), "unspent",
                        SavingsMovement.Destination.FIN_B, "reported with unspent Fin_a: it goes to the municipality's Fin_b", null);
            }
        }

        @Override
        public void reportMissing(ReportMissing event) {
            String reason = "no report by the deadline " + requireText(event.deadline(), "deadline")
                    + ": the available money goes ex officio to the housing agencies";
            move(envelope, event.fundCode(), event.istatCode(), event.budgetSource(), event.available(), "available",
                    SavingsMovement.Destination.HOUSING_AGENCIES, reason, null);
        }

        @Override
        public void reportSubmitted(ReportSubmitted event) {
            // the report's savings come as SavingsDeclared
        }
    }

    /** Fields as the event carried them (maybe absent), the movement's reason and the act it follows (null: the fund's). */
    private void move(EventEnvelope event, String fundCodeValue, String istatValue, String sourceValue, String amountValue,
                      String amountField, SavingsMovement.Destination destination, String reason, String legalAct) {
        String fundCode = requireText(fundCodeValue, "fundCode");
        String istat = requireText(istatValue, "istatCode");
        String source = requireText(sourceValue, "budgetSource");
        BigDecimal amount = requireEuro(amountValue, amountField);
        Fund fund = Fund.findById(fundCode);
        if (fund == null) {
            throw new UnprocessableEventException("unknown fund " + fundCode);
        }
        QuotaDeclaration quota = QuotaDeclaration.latest(fundCode, istat);
        if (quota == null) {
            throw new UnprocessableEventException("municipality " + istat + " declared no quotas for fund " + fundCode);
        }
        BigDecimal left = Balances.remaining(fund, istat, source);
        if (amount.compareTo(left) > 0) {
            throw new UnprocessableEventException("would move " + amount.toPlainString() + " of " + source + " but only "
                    + left.toPlainString() + " is left for municipality " + istat + " in fund " + fundCode);
        }
        if (amount.signum() == 0) {
            return;
        }
        SavingsMovement m = new SavingsMovement();
        m.eventId = UUID.fromString(event.id());
        m.fundCode = fundCode;
        m.istatCode = istat;
        m.fromSource = source;
        m.destination = destination;
        m.amount = amount;
        m.reason = reason;
        m.legalRef = legalAct != null ? legalAct : fund.legalAct;
        m.occurredAt = event.time();
        m.recordedAt = OffsetDateTime.now(clock);
        m.persist();
        outbox.publish(new SavingsMoved(fundCode, istat, source, destination.name(), amount.toPlainString(), reason,
                m.legalRef, event.id()));
    }
}
