package org.fondicasa.testing.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends the known cases and then random malformed requests to every target and keeps what broke the rule: a client's
 * mistake is a 4xx problem+json, never a 500, never a bare error page, never silence.
 */
public final class HostileRun {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** An endpoint, with path values and a token that let the body through to validation. */
    public record Target(Endpoint endpoint, Map<String, String> pathValues, String token, JsonNode example) {
    }

    public record Failure(Endpoint endpoint, HostileRequest request, RawHttp.Answer answer, String why) {

        @Override
        public String toString() {
            String body = answer.bodyText();
            return endpoint + " — " + request.name() + "\n  → " + why + (answer.status() > 0 ? " (" + answer.status() + ")" : "")
                    + (body.isEmpty() ? "" : ": " + (body.length() > 300 ? body.substring(0, 300) + "…" : body))
                    + "\n  answer headers: " + answer.headers()
                    + "\n  request: " + request.describe().replace("\n", "\n  ");
        }
    }

    public record Result(long sent, Map<Integer, Long> byStatus, Map<String, Long> sentPerEndpoint, List<Failure> failures) {

        public long answersOf500OrWorse() {
            return byStatus.entrySet().stream().filter(e -> e.getKey() >= 500 || e.getKey() < 0).mapToLong(Map.Entry::getValue).sum();
        }

        public String summary() {
            return sent + " requests to " + sentPerEndpoint.size() + " endpoints; answers by status " + byStatus
                    + "; " + failures.size() + " broke the rule";
        }

        /** The summary and the first failures of each endpoint, for an assertion message or a results file. */
        public String report(int perEndpoint) {
            StringBuilder sb = new StringBuilder(summary());
            Map<String, Integer> shown = new TreeMap<>();
            for (Failure f : failures) {
                int n = shown.merge(f.endpoint().toString(), 1, Integer::sum);
                if (n <= perEndpoint) {
                    sb.append("\n\n").append(f);
                }
            }
            return sb.toString();
        }
    }

    private HostileRun() {
    }

    /** Null when the answer is one a client may get for a mistake; otherwise what is wrong with it. */
    public static String verdict(RawHttp.Answer answer) {
        if (answer.status() < 0) {
            return answer.failure();
        }
        if (answer.status() >= 500) {
            return "server error";
        }
        if (answer.status() < 400) {
            return null;
        }
        String type = answer.header("Content-Type");
        if (type == null || !type.toLowerCase().startsWith("application/problem+json")) {
            return "a " + answer.status() + " that is not problem+json (Content-Type " + type + ")";
        }
        try {
            JsonNode problem = JSON.readTree(answer.body());
            if (problem == null || problem.path("status").asInt() != answer.status() || !problem.hasNonNull("title")) {
                return "a problem body without its status and title";
            }
        } catch (Exception e) {
            return "a problem body that is not JSON";
        }
        return null;
    }

    /**
     * @param randomPerEndpoint random requests per endpoint after its known cases and baseline
     * @param threads           connections sending at once (each target stays on one)
     */
    public static Result run(URI base, List<Target> targets, int randomPerEndpoint, long seed, int threads) {
        Map<Integer, AtomicLong> byStatus = new ConcurrentHashMap<>();
        Map<String, Long> perEndpoint = new ConcurrentHashMap<>();
        List<Failure> failures = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<?>> running = new ArrayList<>();
            for (Target target : targets) {
                running.add(pool.submit(() -> {
                    HostileRequests requests = new HostileRequests(target.endpoint(), target.pathValues(), target.token(), target.example(), seed);
                    List<HostileRequest> batch = new ArrayList<>();
                    batch.add(requests.baseline());
                    batch.addAll(requests.knownCases());
                    long sent = 0;
                    try (RawHttp http = new RawHttp(base, 30_000)) {
                        for (int i = 0; i < batch.size() + randomPerEndpoint; i++) {
                            HostileRequest request = i < batch.size() ? batch.get(i) : requests.next();
                            RawHttp.Answer answer = http.send(request);
                            sent++;
                            byStatus.computeIfAbsent(answer.status(), s -> new AtomicLong()).incrementAndGet();
                            String why = verdict(answer);
                            if (why != null) {
                                failures.add(new Failure(target.endpoint(), request, answer, why));
                            }
                        }
                    }
                    perEndpoint.merge(target.endpoint().toString(), sent, Long::sum);
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("the hostile run could not complete", e);
        } finally {
            pool.shutdownNow();
        }
        Map<Integer, Long> statuses = new TreeMap<>();
        byStatus.forEach((k, v) -> statuses.put(k, v.get()));
        long total = statuses.values().stream().mapToLong(Long::longValue).sum();
        return new Result(total, statuses, new TreeMap<>(perEndpoint), List.copyOf(failures));
    }
}
