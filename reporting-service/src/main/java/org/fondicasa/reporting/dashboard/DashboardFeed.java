package org.fondicasa.reporting.dashboard;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import org.fondicasa.platform.events.Outbox;
import org.jboss.logging.Logger;

import java.util.LinkedHashMap;
import java.util.Map;

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
                    outbox.publishAll(java.util.List.of(new Outbox.Event("DashboardFundUpdated", 1, null, fund, summary(computed), TOPIC)));
                    return computed;
                });
                live.onNext(dashboard);
            } catch (RuntimeException e) {
                changes.touched(fund); // try again next time (unknown fund yet, database away)
                LOG.debugf("dashboard of %s not updated: %s", fund, e.getMessage());
            }
        }
    }

    private static Map<String, Object> summary(FundDashboard d) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("fundCode", d.fundCode());
        data.put("municipalities", d.municipalities());
        data.put("quotasDeclared", d.quotasDeclared());
        data.put("reportsSubmitted", d.reportsSubmitted());
        data.put("reportsLate", d.reportsLate());
        data.put("reportsMissing", d.reportsMissing());
        data.put("callsOpen", d.callsOpen());
        data.put("callsClosed", d.callsClosed());
        data.put("applications", d.applications());
        data.put("eligible", d.eligible());
        data.put("share", d.share().toPlainString());
        data.put("granted", d.granted().toPlainString());
        data.put("paid", d.paid().toPlainString());
        data.put("unspent", d.unspent().toPlainString());
        data.put("movedToHousingAgencies", d.movedToHousingAgencies().toPlainString());
        data.put("computedAt", d.computedAt().toString());
        return data;
    }
}
