package org.fondicasa.load;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;

/**
 * Sends prepared requests with at most {@code concurrency} of them in flight (a closed loop: a new request leaves
 * when an answer comes back), over HTTP/1.1 keep-alive connections of one JDK client, and records each request's
 * status and latency in nanoseconds, from just before it is handed to the client to its complete answer.
 */
final class HttpDriver {

    /** Status recorded for a request that got no HTTP answer (connection refused, reset, timed out). */
    static final int NO_ANSWER = -1;

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    /** What came back. Arrays are indexed like the requests. */
    record Result(String label, int requests, int concurrency, long startNanos, long wallNanos, int[] status,
                  long[] latencyNanos, long[] endNanos, String[] bodies, Map<String, Integer> failures,
                  Map<Integer, String> sampleBodies) {

        int count(int code) {
            int n = 0;
            for (int s : status) {
                if (s == code) {
                    n++;
                }
            }
            return n;
        }

        /** Answers by status code (NO_ANSWER for none), in code order. */
        Map<Integer, Integer> byStatus() {
            Map<Integer, Integer> counts = new TreeMap<>();
            for (int s : status) {
                counts.merge(s, 1, Integer::sum);
            }
            return counts;
        }

        Latencies latencies() {
            return new Latencies(latencyNanos);
        }

        Latencies latencies(int code) {
            return new Latencies(select(latencyNanos, i -> status[i] == code));
        }

        double wallSeconds() {
            return wallNanos / 1e9;
        }

        double perSecond(int code) {
            return count(code) / wallSeconds();
        }

        /** How many answers with the given status completed in each {@code bucket} of the run, from its start. */
        List<Integer> timeline(int code, Duration bucket) {
            int buckets = (int) (wallNanos / bucket.toNanos()) + 1;
            int[] counts = new int[buckets];
            for (int i = 0; i < status.length; i++) {
                if (status[i] == code) {
                    counts[(int) ((endNanos[i] - startNanos) / bucket.toNanos())]++;
                }
            }
            List<Integer> result = new ArrayList<>();
            for (int c : counts) {
                result.add(c);
            }
            return result;
        }

        private long[] select(long[] values, IntPredicate keep) {
            return java.util.stream.IntStream.range(0, values.length).filter(keep).mapToLong(i -> values[i]).toArray();
        }
    }

    /**
     * @param keepBodies whether to keep every answer's body (for the checks); otherwise only one sample body per
     *                   status code other than 2xx is kept, to say what went wrong
     */
    Result run(String label, List<HttpRequest> requests, int concurrency, boolean keepBodies) throws InterruptedException {
        int n = requests.size();
        int[] status = new int[n];
        long[] latency = new long[n];
        long[] end = new long[n];
        String[] bodies = keepBodies ? new String[n] : null;
        Map<String, Integer> failures = new ConcurrentHashMap<>();
        Map<Integer, String> samples = new ConcurrentHashMap<>();
        Semaphore inFlight = new Semaphore(concurrency);
        AtomicInteger done = new AtomicInteger();

        ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "load-progress");
            t.setDaemon(true);
            return t;
        });
        long start = System.nanoTime();
        progress.scheduleAtFixedRate(() -> System.out.printf("[load] %s: %d/%d answered after %.0f s%n",
                label, done.get(), n, (System.nanoTime() - start) / 1e9), 5, 5, TimeUnit.SECONDS);
        try {
            for (int i = 0; i < n; i++) {
                inFlight.acquire();
                final int index = i;
                long sent = System.nanoTime();
                client.sendAsync(requests.get(i), HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
                    long now = System.nanoTime();
                    latency[index] = now - sent;
                    end[index] = now;
                    if (error != null) {
                        status[index] = NO_ANSWER;
                        Throwable cause = error.getCause() != null ? error.getCause() : error;
                        failures.merge(cause.getClass().getSimpleName(), 1, Integer::sum);
                    } else {
                        int code = response.statusCode();
                        status[index] = code;
                        if (bodies != null) {
                            bodies[index] = response.body();
                        }
                        if (code / 100 != 2) {
                            samples.putIfAbsent(code, ApplicationServiceContract.abbreviate(response.body()));
                        }
                    }
                    done.incrementAndGet();
                    inFlight.release();
                });
            }
            inFlight.acquire(concurrency);
            inFlight.release(concurrency);
            long last = start;
            for (long e : end) {
                last = Math.max(last, e);
            }
            long wall = last - start;
            return new Result(label, n, concurrency, start, wall, status, latency, end, bodies, new TreeMap<>(failures),
                    new TreeMap<>(samples));
        } finally {
            progress.shutdownNow();
        }
    }
}
