package org.fondicasa.application.funding;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides first-come calls asynchronously, so that intake stays short on opening day: each pass funds eligible
 * applications in receipt order while money lasts, and moves the waiting list up when money returns (a withdrawal, a
 * revocation, a top-up). Replicas may all run it: the call's lock lets one decide at a time.
 */
@ApplicationScoped
public class FirstComeFundingWorker {

    private static final Logger LOG = Logger.getLogger(FirstComeFundingWorker.class);
    private static final int MAX_PASSES = 50;

    private final Map<UUID, String> failures = new ConcurrentHashMap<>();
    private final FundingStep step;
    private final EntityManager em;

    public FirstComeFundingWorker(FundingStep step, EntityManager em) {
        this.step = step;
        this.em = em;
    }

    @Scheduled(every = "${fondicasa.application.funding-interval:500ms}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void run() {
        List<UUID> calls;
        try {
            calls = callsWithWork();
        } catch (RuntimeException e) {
            LOG.debugf("funding pass skipped: %s", e.getMessage()); // database unavailable: the next pass retries
            return;
        }
        for (UUID call : calls) {
            try {
                for (int pass = 0; pass < MAX_PASSES && step.fund(call); pass++) {
                    // keep going while full batches are decided
                }
                failures.remove(call);
            } catch (RuntimeException e) {
                // one call that cannot be decided now (a deadlock, a lock timeout, a bug) must not stop every other
                // call's line: its pass rolled back, the next run tries it again; said once per reason, not every run
                if (!String.valueOf(e).equals(failures.put(call, String.valueOf(e)))) {
                    LOG.warnf(e, "funding pass of call %s failed and is retried at the next run", call);
                }
            }
        }
    }

    @Transactional
    @SuppressWarnings("unchecked")
    List<UUID> callsWithWork() {
        return em.createNativeQuery("""
                        select c.id from call c
                        where c.kind in ('RENT_EMERGENCY', 'SOCIAL_MICROCREDIT') and c.closed_at is null
                          and exists (select 1 from application a where a.call_id = c.id
                                      and a.status in ('PENDING', 'WAITING', 'PARTIALLY_GRANTED'))""", UUID.class)
                .getResultList();
    }
}
