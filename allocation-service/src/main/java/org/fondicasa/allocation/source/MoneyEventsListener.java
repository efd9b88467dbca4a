package org.fondicasa.allocation.source;

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
import org.fondicasa.events.reporting.ReportMissing;
import org.fondicasa.events.reporting.ReportSubmitted;
import org.fondicasa.events.reporting.ReportingEvent;
import org.fondicasa.events.reporting.SavingsDeclared;
import org.fondicasa.platform.events.EventEnvelope;
import org.fondicasa.platform.events.IdempotentConsumer;

import java.util.UUID;

import static org.fondicasa.platform.events.EventData.requireEuro;
import static org.fondicasa.platform.events.EventData.requireInteger;
import static org.fondicasa.platform.events.EventData.requireText;

/** Hands the calls' and the reports' events to {@link MoneyEvents}, each event at most once (dead letters otherwise). */
@ApplicationScoped
public class MoneyEventsListener {

    static final String CONSUMER = "allocation-service.savings";

    private final IdempotentConsumer consumer;
    private final MoneyEvents money;

    public MoneyEventsListener(IdempotentConsumer consumer, MoneyEvents money) {
        this.consumer = consumer;
        this.money = money;
    }

    @Incoming("application-events")
    @Blocking
    public void onApplicationEvent(String payload) {
        consumer.consume(CONSUMER, payload, ApplicationEvent.CATALOG, (envelope, event) -> event.accept(new Calls(envelope)));
    }

    @Incoming("reporting-events")
    @Blocking
    public void onReportingEvent(String payload) {
        consumer.consume(CONSUMER, payload, ReportingEvent.CATALOG, (envelope, event) -> event.accept(new Reports(envelope)));
    }

    /** Calls open, commit, close and revoke; the rest of their life does not touch the sources. */
    private final class Calls implements ApplicationEvent.Handler {

        private final EventEnvelope envelope;

        Calls(EventEnvelope envelope) {
            this.envelope = envelope;
        }

        @Override
        public void callOpened(CallOpened event) {
            money.callOpened(call(event.callId()));
        }

        @Override
        public void contributionGranted(ContributionGranted event) {
            money.granted(call(event.callId()), requireEuro(event.amount(), "amount"));
        }

        @Override
        public void contributionRevoked(ContributionRevoked event) {
            money.revoked(envelope, call(event.callId()), requireEuro(event.amount(), "amount"));
        }

        @Override
        public void callClosed(CallClosed event) {
            money.closed(envelope, call(event.callId()), requireEuro(event.committed(), "committed"));
        }

        @Override
        public void callBudgetIncreased(CallBudgetIncreased event) {
            // a top-up of a fund's source was reserved here before the call recorded it
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
        public void contributionPaid(ContributionPaid event) {
        }

        private static UUID call(String id) {
            return UUID.fromString(requireText(id, "callId"));
        }
    }

    /** A report's unspent money and a missing report move Fin_a's savings. */
    private final class Reports implements ReportingEvent.Handler {

        private final EventEnvelope envelope;

        Reports(EventEnvelope envelope) {
            this.envelope = envelope;
        }

        @Override
        public void savingsDeclared(SavingsDeclared event) {
            money.reportedUnspent(envelope, requireText(event.fundCode(), "fundCode"), requireText(event.istatCode(), "istatCode"),
                    requireText(event.budgetSource(), "budgetSource"), requireEuro(event.unspent(), "unspent"),
                    requireInteger(event.reportVersion(), "reportVersion"));
        }

        @Override
        public void reportMissing(ReportMissing event) {
            money.reportMissing(envelope, requireText(event.fundCode(), "fundCode"), requireText(event.istatCode(), "istatCode"),
                    requireText(event.budgetSource(), "budgetSource"), requireText(event.deadline(), "deadline"));
        }

        @Override
        public void reportSubmitted(ReportSubmitted event) {
            // the report's savings come as SavingsDeclared
        }
    }
}
