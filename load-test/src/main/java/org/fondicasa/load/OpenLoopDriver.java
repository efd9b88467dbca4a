package org.fondicasa.load;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import org.HdrHistogram.Histogram;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;

/**
 * An open loop: requests leave at a fixed arrival rate, whatever the service does, and each one's latency is measured
 * from the moment it was <em>meant</em> to leave, so a stall shows as the queue of requests it delays (no coordinated
 * omission). One Vert.x event loop carries every connection (a lean client: no thread per request), a scheduler
 * thread keeps the timetable, and latencies go into HdrHistograms (1 µs to 60 s, 3 significant digits). Each step
 * runs at one rate for a fixed time, then waits for its answers, so each step is measured from an empty queue.
 */
final class OpenLoopDriver implements AutoCloseable {

    /**
     * A request ready to go: its path, its own citizen's token and its body, signed and built before the step. Without
     * a body it is a GET.
     */
    record Prepared(String path, String token, String body) {
    }

    /** One step: the rate offered, what came back, and the latencies from intended and from actual send times. */
    record Step(int offeredPerSecond, int sent, Map<Integer, Integer> byStatus, Map<String, Integer> failures, int expected,
                double wallSeconds, Histogram fromIntended, Histogram fromSent, CpuMeter.Usage cpu) {

        double achievedPerSecond() {
            return expected / wallSeconds;
        }

        double p99Ms() {
            return fromIntended.getValueAtPercentile(99.0) / 1000.0;
        }

        boolean errorFree() {
            return expected == sent;
        }
    }

    private static final long MAX_MICROS = TimeUnit.SECONDS.toMicros(60);

    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1)
            .setInternalBlockingPoolSize(1));
    private final HttpClient client;
    /**
     * Every request is made on this one context: made from the scheduler thread, each would get a context of its own,
     * its answer's callbacks would be queued behind the connection's, and a small answer could end before its body
     * handler was set (seen: about 100 of 24.000 fast {@code GET /me} answers never completing).
     */
    private final Context context;

    OpenLoopDriver(URI service, int connections) {
        client = vertx.createHttpClient(new HttpClientOptions().setDefaultHost(service.getHost()).setDefaultPort(service.getPort())
                        .setKeepAlive(true).setPipelining(false).setConnectTimeout(10_000)
                        // no client-side idle timeout: between steps (the checks take minutes) the pool would close its
                        // connections and race the next step's first requests onto closing ones, failing them unanswered
                        .setIdleTimeout(0),
                new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1));
        context = vertx.getOrCreateContext();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(gc -> Math.max(0, gc.getCollectionTime())).sum();
    }

    /** The CPU this driver's own threads used (the event loop and the scheduler), to tell it apart from its JVM's other guests. */
    static Duration ownThreadsCpu() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long nanos = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && (info.getThreadName().startsWith("vert.x-") || info.getThreadName().startsWith("open-loop"))) {
                nanos += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return Duration.ofNanos(nanos);
    }

    /**
     * Sends {@code requests} at {@code perSecond}, then waits until every one is answered or times out.
     *
     * @param into where each request's status, latency (from its intended time), end and body go, from {@code offset}
     */
    Step step(int perSecond, List<Prepared> requests, int expectedStatus, Duration timeout, CpuMeter cpu, Sink into, int offset)
            throws InterruptedException {
        int n = requests.size();
        Histogram fromIntended = new Histogram(MAX_MICROS, 3);
        Histogram fromSent = new Histogram(MAX_MICROS, 3);
        Map<Integer, Integer> byStatus = new ConcurrentHashMap<>();
        CountDownLatch answered = new CountDownLatch(n);
        long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
        long[] lastEnd = {0};
        long gcBefore = gcMillis();
        Map<String, Integer> failedBefore = Map.copyOf(into.failures());
        cpu.start();
        long start = System.nanoTime();
        Thread scheduler = new Thread(() -> {
            for (int i = 0; i < n; i++) {
                long intended = start + i * interval;
                long wait;
                while ((wait = intended - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                send(requests.get(i), intended, timeout, (status, body) -> {
                    // answers arrive on the one event loop: the histograms and counters are touched by it alone
                    long now = System.nanoTime();
                    fromIntended.recordValue(Math.min(MAX_MICROS, (now - intended) / 1000));
                    byStatus.merge(status, 1, Integer::sum);
                    lastEnd[0] = Math.max(lastEnd[0], now);
                    answered.countDown();
                }, fromSent, into, offset + i);
            }
        }, "open-loop-scheduler");
        scheduler.start();
        scheduler.join();
        // a request waiting for a connection is not under its timeout yet: when the service is far behind, some are
        // still queued in the client after this; they count as not answered, and the step as failed
        boolean all = answered.await(timeout.toSeconds() + 30, TimeUnit.SECONDS);
        CpuMeter.Usage usage = cpu.stop();
        // the generator's JVM pausing for its collector delays sends and answers alike: said, so a stall is not blamed on the service
        System.out.println("[load] generator JVM: " + (gcMillis() - gcBefore) + " ms in garbage collection during the step");
        double wall = (lastEnd[0] - start) / 1e9;
        Map<Integer, Integer> statuses = new TreeMap<>(byStatus);
        if (!all) {
            statuses.merge(HttpDriver.NO_ANSWER, (int) answered.getCount(), Integer::sum);
        }
        Map<String, Integer> failures = new TreeMap<>();
        if (!all) {
            // where each request still unanswered is stuck: it tells a pool that never gave a connection from a
            // service that never answered
            for (int i = 0; i < n; i++) {
                int phase = into.phase().get(offset + i);
                if (phase != DONE) {
                    failures.merge(PHASES[phase], 1, Integer::sum);
                }
            }
        }
        into.failures().forEach((cause, count) -> {
            int during = count - failedBefore.getOrDefault(cause, 0);
            if (during > 0) {
                failures.put(cause, during);
            }
        });
        return new Step(perSecond, n, statuses, failures, statuses.getOrDefault(expectedStatus, 0), wall, fromIntended, fromSent, usage);
    }

    interface Answered {
        void accept(int status, String body);
    }

    /** Where each request's outcome is kept, indexed like the whole run's requests (the correctness checks read them). */
    record Sink(int[] status, long[] latencyNanos, long[] endNanos, String[] bodies, Map<String, Integer> failures,
                Map<Integer, String> sampleBodies, AtomicIntegerArray phase) {
        static Sink of(int n) {
            return new Sink(new int[n], new long[n], new long[n], new String[n], new ConcurrentHashMap<>(), new ConcurrentHashMap<>(),
                    new AtomicIntegerArray(n));
        }
    }

    private static final int HANDED_OVER = 1;
    private static final int CONNECTED = 2;
    private static final int HEADERS = 3;
    private static final int DONE = 4;
    private static final String[] PHASES = {"never handed to the client", "stuck waiting for a connection",
            "stuck waiting for the answer", "stuck reading the body", "done"};

    private void send(Prepared p, long intended, Duration timeout, Answered done, Histogram fromSent, Sink into, int index) {
        long sent = System.nanoTime();
        RequestOptions options = new RequestOptions().setMethod(p.body() == null ? HttpMethod.GET : HttpMethod.POST).setURI(p.path())
                .setTimeout(timeout.toMillis()).putHeader("Authorization", "Bearer " + p.token()).putHeader("Accept", "application/json");
        if (p.body() != null) {
            options.putHeader("Content-Type", "application/json");
        }
        into.phase().set(index, HANDED_OVER);
        context.runOnContext(ignored -> client.request(options)
                .compose(request -> {
                    into.phase().set(index, CONNECTED);
                    return p.body() == null ? request.send() : request.send(Buffer.buffer(p.body()));
                })
                .compose(response -> {
                    into.phase().set(index, HEADERS);
                    return response.body().map(body -> new Object[]{response.statusCode(), body.toString()});
                })
                .onComplete(result -> {
                    into.phase().set(index, DONE);
                    long now = System.nanoTime();
                    into.endNanos()[index] = now;
                    into.latencyNanos()[index] = now - intended;
                    fromSent.recordValue(Math.min(MAX_MICROS, (now - sent) / 1000));
                    if (result.succeeded()) {
                        int status = (Integer) result.result()[0];
                        String body = (String) result.result()[1];
                        into.status()[index] = status;
                        into.bodies()[index] = body;
                        if (status / 100 != 2) {
                            into.sampleBodies().putIfAbsent(status, ApplicationServiceContract.abbreviate(body));
                        }
                        done.accept(status, body);
                    } else {
                        into.status()[index] = HttpDriver.NO_ANSWER;
                        into.failures().merge(result.cause().getClass().getSimpleName(), 1, Integer::sum);
                        done.accept(HttpDriver.NO_ANSWER, null);
                    }
                }));
    }

    /** Every step's requests as one closed-loop-shaped result, for the correctness checks and the numbers table. */
    static HttpDriver.Result asResult(String label, Sink sink, int requests, long startNanos) {
        long last = startNanos;
        for (int i = 0; i < requests; i++) {
            last = Math.max(last, sink.endNanos()[i]);
        }
        return new HttpDriver.Result(label, requests, 0, startNanos, last - startNanos, java.util.Arrays.copyOf(sink.status(), requests),
                java.util.Arrays.copyOf(sink.latencyNanos(), requests), java.util.Arrays.copyOf(sink.endNanos(), requests),
                java.util.Arrays.copyOf(sink.bodies(), requests), new TreeMap<>(sink.failures()), new TreeMap<>(sink.sampleBodies()));
    }

    static List<Integer> rates(String text) {
        List<Integer> rates = new ArrayList<>();
        for (String r : text.split(",")) {
            rates.add(Integer.parseInt(r.trim()));
        }
        return rates;
    }

    @Override
    public void close() {
        client.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
