package org.fondicasa.reporting.dashboard;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import org.fondicasa.events.reporting.DashboardFundUpdated;
import org.fondicasa.platform.events.Outbox;
import org.jboss.logging.Logger;

/**
 * Every couple of seconds, the funds whose figures changed are recomputed once and sent to the live stream (SSE) and,
 * through the outbox, to the {@code dashboard.aggregates} topic for external dashboards. Aggregates only.
 */
@ApplicationScoped
public class DashboardFeed {

    static final String TOPIC = "dashboard.aggregates";
    private static final Logger LOG = Logger.getLogger(DashboardFeed.class);

    private final DashboardChanges changes;
    private final DashboardService dashboards;
    private final Outbox outbox;
    private final BroadcastProcessor<FundDashboard> live = BroadcastProcessor.create();

    public DashboardFeed(DashboardChanges changes, DashboardService dashboards, Outbox outbox) {
        this.changes = changes;
        this.dashboards = dashboards;
        this.outbox = outbox;
    }

    public Multi<FundDashboard> stream() {
        return live;
    }

    @Scheduled(every = "${fondicasa.reporting.dashboard-interval:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void publishChanges() {
        for (String fund : changes.drain()) {
            try {
                FundDashboard dashboard = QuarkusTransaction.requiringNew().call(() -> {
                    FundDashboard computed = dashboards.fund(fund);
                    outbox.publishTo(TOPIC, summary(computed));
                    return computed;
                });
                live.onNext(dashboard);
            } catch (RuntimeException e) {
                changes.touched(fund); // try again next time (unknown fund yet, database away)
                LOG.debugf("dashboard of %s not updated: %s", fund, e.getMessage());
            }
        }
    }

    private static DashboardFundUpdated summary(FundDashboard d) {
        return new DashboardFundUpdated(d.fundCode(), d.municipalities(), d.quotasDeclared(), d.reportsSubmitted(),
                d.reportsLate(), d.reportsMissing(), d.callsOpen(), d.callsClosed(), d.applications(), d.eligible(),
                d.share().toPlainString(), d.granted().toPlainString(), d.paid().toPlainString(), d.unspent().toPlainString(),
                d.movedToHousingAgencies().toPlainString(), d.computedAt().toString());
    }
}
