package org.fondicasa.application.application;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.fondicasa.platform.web.ProblemException;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit of the click day: applications accepted at the same moment are written together, one transaction and
 * one statement per table for up to {@code batch-size} of them ({@link Intake#storeAll}), in the order they were
 * accepted. Each request waits for the commit that holds its application before it is answered, so nothing is
 * acknowledged and then lost. Batches form by themselves under load (whatever queued while the last one was being
 * written, and what arrives within {@code gather} of a batch's first application), so a lone application waits at
 * most that long. A full queue is 503 with {@code Retry-After}; a batch that fails is
 * stored again one by one ({@link Intake#store}), so one bad application fails only itself. No request holds a
 * thread while it waits: its answer is made from the commit ({@link #enqueue}).
 */
@ApplicationScoped
public class IntakeBatcher {

    private static final Logger LOG = Logger.getLogger(IntakeBatcher.class);

    @ConfigMapping(prefix = "fondicasa.application.intake")
    public interface Config {
        /** Applications per transaction at most. */
        @WithDefault("64")
        int batchSize();

        /** Applications waiting for a writer at most; beyond it, 503. */
        @WithDefault("4096")
        int queueCapacity();

        /** Writer threads, each with its own connection and transaction. */
        @WithDefault("2")
        int writers();

        /**
         * How long a writer that has begun a batch waits for more applications to join it, counted from the arrival of
         * the batch's first one; 0 takes only what is already queued. Without it, at a few hundred applications a second
         * two writers commit one or two each, and every transaction's fixed cost (begin, five statements, commit, a WAL
         * flush) is paid per application. A full batch never waits.
         */
        @WithDefault("5ms")
        Duration gather();

        /** false: every application in its own transaction, as before group commit. */
        @WithDefault("true")
        boolean grouped();
    }

    private record Pending(Intake.Accepted accepted, CompletableFuture<Intake.Outcome> outcome, long queuedAt) {
    }

    private final Intake intake;
    private final Config config;
    private final BlockingQueue<Pending> queue;
    private final List<Thread> writers = new ArrayList<>();
    private final ReentrantLock numbering = new ReentrantLock(true);
    private volatile boolean running;

    public IntakeBatcher(Intake intake, Config config) {
        this.intake = intake;
        this.config = config;
        this.queue = new ArrayBlockingQueue<>(config.queueCapacity());
    }

    void start(@Observes StartupEvent event) {
        if (!config.grouped()) {
            return;
        }
        running = true;
        for (int i = 0; i < config.writers(); i++) {
            Thread writer = new Thread(this::write, "intake-writer-" + i);
            writer.setDaemon(true);
            writers.add(writer);
            writer.start();
        }
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        for (Thread writer : writers) {
            try {
                writer.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        // whatever no writer took is stored by its own request, or fails there unanswered as 201
        for (Pending p; (p = queue.poll()) != null; ) {
            p.outcome().complete(new Intake.Alone());
        }
    }

    /**
     * Queues the application for the next batch. The stage completes, on the writer's thread, once the commit that
     * holds the application is done ({@link Intake.Stored}), or with why it was refused, or with {@link Intake.Alone}
     * when it is to be stored on its own ({@link Intake#store}, by the caller, off the writer's thread). No thread
     * waits for it meanwhile: a burst of arrivals does not grow the worker pool (each new thread ran interpreted and
     * deoptimised the pool's loop at the start of every step, JFR, 2026-12-06). A full queue is 503, nothing queued.
     */
    public CompletableFuture<Intake.Outcome> enqueue(Intake.Accepted accepted) {
        if (!running) {
            return CompletableFuture.completedFuture(new Intake.Alone());
        }
        Pending pending = new Pending(accepted, new CompletableFuture<>(), System.nanoTime());
        if (!queue.offer(pending)) {
            throw ProblemException.unavailable("Too many applications are being filed at this moment; nothing was stored. Try again in a few seconds.", 2);
        }
        return pending.outcome();
    }

    /**
     * One writer at a time takes a batch from the queue and numbers it; the lock passes on once the numbers and the
     * receipt time are taken, while the rest of the batch is written and committed. So batches are numbered in the
     * order they were queued and a later place in line never shows an earlier receipt time, whatever the writers.
     */
    private void write() {
        List<Pending> batch = new ArrayList<>(config.batchSize());
        while (running || !queue.isEmpty()) {
            batch.clear();
            numbering.lock();
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                gather(batch, first.queuedAt() + config.gather().toNanos());
                List<Intake.Accepted> accepted = batch.stream().map(Pending::accepted).toList();
                List<Intake.Outcome> outcomes = QuarkusTransaction.requiringNew().timeout(Intake.TRANSACTION_TIMEOUT_SECONDS)
                        .call(() -> intake.storeAll(accepted, this::numbered));
                for (int i = 0; i < batch.size(); i++) {
                    batch.get(i).outcome().complete(outcomes.get(i));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Throwable e) {
                // nothing of the batch was committed: each is stored on its own by the request that waits for it
                LOG.warnf(e, "a batch of %d applications failed as a whole; each is stored on its own", batch.size());
                batch.forEach(p -> p.outcome().complete(new Intake.Alone()));
            } finally {
                numbered();
            }
        }
    }

    /** Fills the batch from the queue until it is full or the moment to write it has come. */
    private void gather(List<Pending> batch, long writeAt) throws InterruptedException {
        queue.drainTo(batch, config.batchSize() - batch.size());
        for (long wait; batch.size() < config.batchSize() && (wait = writeAt - System.nanoTime()) > 0; ) {
            Pending next = queue.poll(wait, TimeUnit.NANOSECONDS);
            if (next == null) {
                return;
            }
            batch.add(next);
            queue.drainTo(batch, config.batchSize() - batch.size());
        }
    }

    private void numbered() {
        if (numbering.isHeldByCurrentThread()) {
            numbering.unlock();
        }
    }
}
