package org.fondicasa.load;

import com.fasterxml.jackson.databind.JsonNode;
import org.fondicasa.testing.TokenFactory;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * Click day on the real stack: one first-come call, a burst of applications from as many distinct citizens, and
 * the numbers that say whether intake keeps up with what the database can durably write. Also measures that
 * ceiling (pgbench, same PostgreSQL, same run) and checks afterwards that nothing was lost or over-committed.
 * Writes everything to a Markdown file (see {@link LoadOptions} for the options, load-test/README.md for how to run).
 * Exits with an error when something could not be done or a correctness check failed; a missed target is a finding,
 * reported in the file, not an error.
 */
public final class IntakeLoad {

    private IntakeLoad() {
    }

    public static void main(String[] args) throws Exception {
        LoadOptions options = LoadOptions.fromSystemProperties();
        Results results = new Results(options);
        System.out.println("[load] " + options.mode().label() + ": results go to " + options.results());
        try (Stack stack = Stack.start(options, options.mode() != LoadOptions.Mode.CEILING)) {
            results.postgresVersion = stack.postgres().version();
            results.postgresSettings = stack.postgres().settings();
            if (stack.service() != null) {
                results.serviceJvmOptions = stack.service().jvmOptions();
                results.serviceLog = stack.service().log();
            }
            if (options.pgbench()) {
                try {
                    results.ceiling = PgbenchCeiling.measure(stack.postgres(), options.pgbenchExecutable(),
                            options.pgbenchClients(), options.pgbenchThreads(), options.pgbenchSeconds(),
                            options.workDir().resolve("pgbench"));
                } catch (RuntimeException e) {
                    results.error("pgbench ceiling", e);
                }
                if (options.yardsticks()) {
                    try {
                        results.yardsticks = Yardsticks.measure(stack.postgres(), options.pgbenchExecutable(), 16,
                                options.pgbenchThreads(), options.pgbenchSeconds(), options.workDir().resolve("pgbench"));
                    } catch (RuntimeException e) {
                        results.error("yardsticks", e);
                    }
                }
            }
            switch (options.mode()) {
                case BURST -> burst(new Target(stack.serviceUrl(), stack.tokens(), stack.postgres(), cpuMeter(stack)), options, results);
                case DRIVER_CHECK -> driverCheck(stack, options, results);
                case OPEN -> openLoop(stack, options, results);
                case KILL -> killMidBurst(stack, options, results);
                case CEILING -> {
                }
            }
        } catch (Exception | LinkageError e) {
            results.error(options.mode().label(), e);
        } finally {
            results.finished = Instant.now();
            results.machine = Machine.describe(options.root(), options.workDir());
            Path file = results.write();
            System.out.println("[load] results written to " + file);
        }
        if (results.failed()) {
            throw new IllegalStateException("the " + options.mode().label() + " run failed: " + String.join("; ", results.errors)
                    + (results.checksPassed() ? "" : " (correctness checks failed)") + "; see " + options.results());
        }
    }

    /** The service under load, how to sign its tokens, its database, and how to tell who used the CPU. */
    record Target(String serviceUrl, TokenFactory tokens, DurablePostgres postgres, CpuMeter cpu) {
    }

    static void burst(Target target, LoadOptions options, Results results) throws InterruptedException {
        Http http = new Http(target.serviceUrl());
        TokenFactory tokens = target.tokens();
        results.expectedStatus = ApplicationServiceContract.APPLICATION_ACCEPTED;
        results.workload = String.format(Locale.ROOT, "`POST %s` × %s, distinct citizens, one first-come %s call, budget %s, %s each",
                ApplicationServiceContract.applicationsPath("{id}"), Machine.formatInt(options.applications()),
                ApplicationServiceContract.CALL_KIND, ApplicationServiceContract.BUDGET.toPlainString(),
                ApplicationServiceContract.REQUESTED_AMOUNT.toPlainString());

        JsonNode rules = ApplicationServiceContract.rules(http.expect(200, "GET", ApplicationServiceContract.CALL_TEMPLATE_PATH,
                tokens.regionOfficer(), null));
        String warmupCall = options.warmup() > 0 ? createCall(http, tokens, rules, "Load test warmup") : null;
        String burstCall = createCall(http, tokens, rules, "Load test click day");
        System.out.println("[load] calls: warmup " + warmupCall + ", burst " + burstCall);
        HttpDriver driver = new HttpDriver();
        IntakeChecks checks = new IntakeChecks(target.postgres(), http, tokens::regionOfficer);

        if (warmupCall != null) {
            Signed warm = applications(http, tokens, warmupCall, 0, options.warmup(), options.requestTimeout());
            System.out.println("[load] warmup: " + options.warmup() + " applications ...");
            results.warmup = driver.run("warmup", warm.requests(), options.concurrency(), false);
            try {
                var funding = checks.awaitFunding(warmupCall, options.fundingTimeout());
                results.warmupNote = funding.settled() ? "its funding settled before the burst"
                        : Machine.formatInt(funding.pending()) + " of its applications still pending when the burst started";
            } catch (RuntimeException e) {
                results.warmupNote = "its funding status could not be read (" + e.getMessage() + ")";
            }
        }

        Signed signed = applications(http, tokens, burstCall, options.warmup(), options.applications(), options.requestTimeout());
        results.tokensSigned = options.applications();
        results.signingSeconds = signed.seconds();
        target.postgres().checkpoint();
        System.out.println("[load] burst: " + options.applications() + " applications, " + options.concurrency() + " in flight ...");
        CpuMeter cpu = target.cpu();
        cpu.start();
        results.burst = driver.run("burst", signed.requests(), options.concurrency(), true);
        results.burstCpu = cpu.stop();
        System.out.printf(Locale.ROOT, "[load] burst: %d accepted in %.1f s (%.0f/s), p99 %.1f ms%n",
                results.burst.count(results.expectedStatus), results.burst.wallSeconds(),
                results.burst.perSecond(results.expectedStatus), results.p99Ms());
        System.out.println("[load] checking: nothing lost, nothing over-committed, receipt order ...");
        results.outcome = checks.run(burstCall, results.burst, options.fundingTimeout());
    }

    /**
     * The click day as arrivals at fixed rates (open loop), step by step, until p99 from the intended send time passes
     * 200 ms or a request fails; the correctness checks then run over every step's applications together.
     */
    static void openLoop(Stack stack, LoadOptions options, Results results) throws InterruptedException {
        Http http = new Http(stack.serviceUrl());
        TokenFactory tokens = stack.tokens();
        DurablePostgres postgres = stack.postgres();
        results.expectedStatus = ApplicationServiceContract.APPLICATION_ACCEPTED;
        results.workload = String.format(Locale.ROOT, "`POST %s` at fixed arrival rates %s/s, %d s each, distinct citizens, one first-come %s "
                        + "call, budget %s, %s each", ApplicationServiceContract.applicationsPath("{id}"),
                options.openRates().stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", ")),
                options.openStepSeconds(), ApplicationServiceContract.CALL_KIND, ApplicationServiceContract.BUDGET.toPlainString(),
                ApplicationServiceContract.REQUESTED_AMOUNT.toPlainString());
        JsonNode rules = ApplicationServiceContract.rules(http.expect(200, "GET", ApplicationServiceContract.CALL_TEMPLATE_PATH,
                tokens.regionOfficer(), null));
        if (options.warmup() > 0) {
            String warmupCall = createCall(http, tokens, rules, "Load test warmup");
            Signed warm = applications(http, tokens, warmupCall, 0, options.warmup(), options.requestTimeout());
            System.out.println("[load] warmup (closed loop): " + options.warmup() + " applications ...");
            results.warmup = new HttpDriver().run("warmup", warm.requests(), options.concurrency(), false);
            // the warmup's funding is decided before the first step, or the first step measures it too
            var funding = new IntakeChecks(postgres, http, tokens::regionOfficer).awaitFunding(warmupCall, options.fundingTimeout());
            results.warmupNote = "closed loop, " + options.concurrency() + " in flight, before the open-loop steps; "
                    + (funding.settled() ? "its funding settled before the first step" : Machine.formatInt(funding.pending()) + " still pending");
        }
        String call = createCall(http, tokens, rules, "Load test click day, open loop");
        int total = options.openRates().stream().mapToInt(r -> r * options.openStepSeconds()).sum();
        OpenLoopDriver.Sink sink = OpenLoopDriver.Sink.of(total);
        long service = stack.service().pid();
        long postmaster = CpuMeter.postmasterPid(postgres.dataDir());
        Map<String, Supplier<Duration>> parts = new LinkedHashMap<>();
        parts.put("application-service", () -> CpuMeter.processTree(service));
        parts.put("PostgreSQL", () -> CpuMeter.processTree(postmaster));
        parts.put("generator (event loop and scheduler)", OpenLoopDriver::ownThreadsCpu);
        parts.put("Kafka broker and token issuer (in the generator's JVM)", () -> CpuMeter.thisJvm().minus(OpenLoopDriver.ownThreadsCpu()));
        CpuMeter cpu = new CpuMeter(parts);
        int sent = 0;
        long start = System.nanoTime();
        results.openSteps = new java.util.ArrayList<>();
        try (OpenLoopDriver driver = new OpenLoopDriver(URI.create(stack.serviceUrl()), options.openConnections())) {
            for (int rate : options.openRates()) {
                int n = rate * options.openStepSeconds();
                List<OpenLoopDriver.Prepared> prepared = prepared(tokens, call, options.warmup() + sent, n);
                postgres.checkpoint();
                long wal = postgres.walBytes();
                long commits = postgres.commits(ApplicationServiceContract.DATABASE);
                System.out.println("[load] open loop: " + rate + "/s for " + options.openStepSeconds() + " s ...");
                OpenLoopDriver.Step step = driver.step(rate, prepared, results.expectedStatus, options.requestTimeout(), cpu, sink, sent);
                Thread.sleep(1500); // the statistics collector's flush
                results.openSteps.add(new Results.OpenStep(step, postgres.walBytes() - wal,
                        postgres.commits(ApplicationServiceContract.DATABASE) - commits));
                sent += n;
                System.out.printf(Locale.ROOT, "[load] open loop %d/s: %d accepted, %.0f/s, p50 %.1f ms, p99 %.1f ms (from intended send)%n",
                        rate, step.expected(), step.achievedPerSecond(), step.fromIntended().getValueAtPercentile(50) / 1000.0, step.p99Ms());
                if (step.p99Ms() > Results.TARGET_P99_MS || !step.errorFree()) {
                    break;
                }
            }
        }
        results.burst = OpenLoopDriver.asResult("open loop", sink, sent, start);
        System.out.println("[load] checking: nothing lost, nothing over-committed, receipt order ...");
        results.outcome = new IntakeChecks(postgres, http, tokens::regionOfficer).run(call, results.burst, options.fundingTimeout());
    }

    /**
     * Click day with {@code kill -9} of the service halfway: the generator restarts it, and every citizen whose request
     * got no answer sends it again (as a browser's retry would) until it is answered, 201 or 409 already-applied (the
     * first attempt had been stored). Then: one application per citizen, each acknowledged, every event published, and
     * the burst's own checks over the acknowledged applications.
     */
    static void killMidBurst(Stack stack, LoadOptions options, Results results) throws Exception {
        Http http = new Http(stack.serviceUrl());
        TokenFactory tokens = stack.tokens();
        DurablePostgres postgres = stack.postgres();
        int n = options.applications();
        results.expectedStatus = ApplicationServiceContract.APPLICATION_ACCEPTED;
        results.workload = String.format(Locale.ROOT, "`POST %s` × %s, distinct citizens, %d in flight, `kill -9` of application-service "
                        + "once half are stored, restarted by the generator, unanswered requests sent again",
                ApplicationServiceContract.applicationsPath("{id}"), Machine.formatInt(n), options.concurrency());
        JsonNode rules = ApplicationServiceContract.rules(http.expect(200, "GET", ApplicationServiceContract.CALL_TEMPLATE_PATH,
                tokens.regionOfficer(), null));
        String call = createCall(http, tokens, rules, "Load test click day, kill -9 halfway");
        Signed signed = applications(http, tokens, call, 0, n, options.requestTimeout());
        HttpDriver driver = new HttpDriver();
        String[] note = {"the service was not killed"};
        Thread killer = new Thread(() -> {
            try {
                while (storedIn(postgres, call) < n / 2) {
                    Thread.sleep(50);
                }
                long stored = storedIn(postgres, call);
                System.out.println("[load] kill -9 of application-service with " + stored + " applications stored ...");
                Duration down = stack.killAndRestartService();
                note[0] = String.format(Locale.ROOT, "`kill -9` with %s of %s applications stored; the service answered again %.1f s later",
                        Machine.formatInt(stored), Machine.formatInt(n), down.toMillis() / 1000.0);
                System.out.println("[load] " + note[0]);
            } catch (Exception e) {
                note[0] = "the kill or the restart failed: " + e;
            }
        }, "load-killer");
        killer.start();
        HttpDriver.Result first = driver.run("burst with kill -9", signed.requests(), options.concurrency(), true);
        killer.join();

        int[] status = first.status().clone();
        String[] bodies = first.bodies().clone();
        int retried = 0;
        for (int round = 1; round <= 10; round++) {
            List<Integer> again = IntStream.range(0, n).filter(i -> status[i] != 201 && status[i] != 409).boxed().toList();
            if (again.isEmpty()) {
                break;
            }
            retried += again.size();
            System.out.println("[load] retry round " + round + ": " + again.size() + " requests without an answer ...");
            HttpDriver.Result r = driver.run("retry " + round, again.stream().map(signed.requests()::get).toList(), options.concurrency(), true);
            for (int k = 0; k < again.size(); k++) {
                status[again.get(k)] = r.status()[k];
                bodies[again.get(k)] = r.bodies()[k];
            }
            if (r.count(HttpDriver.NO_ANSWER) > 0) {
                Thread.sleep(2000);
            }
        }
        // what each citizen was finally told: 201 with a protocol, or 409 naming the protocol of their stored first attempt
        int[] acknowledged = new int[n];
        String[] receipts = new String[n];
        int firstAnswers201 = first.count(201);
        int already = 0;
        for (int i = 0; i < n; i++) {
            String protocol = status[i] == 201 ? ApplicationServiceContract.protocolNumber(bodies[i])
                    : status[i] == 409 ? alreadyApplied(bodies[i]) : null;
            if (status[i] == 409 && protocol != null) {
                already++;
            }
            acknowledged[i] = protocol == null ? status[i] : 201;
            receipts[i] = protocol == null ? bodies[i] : "{\"protocolNumber\": \"" + protocol + "\"}";
        }
        results.burst = new HttpDriver.Result("burst with kill -9, as finally answered", n, options.concurrency(), first.startNanos(),
                first.wallNanos(), acknowledged, first.latencyNanos(), first.endNanos(), receipts, first.failures(), first.sampleBodies());
        results.faultNote = note[0] + String.format(Locale.ROOT, ". First attempts: %s answered 201, %s without an answer or refused "
                        + "(%s); %s requests sent again, of which %s were told 409 already-applied with the protocol of their stored first attempt.",
                Machine.formatInt(firstAnswers201), Machine.formatInt(n - firstAnswers201), first.byStatus(), Machine.formatInt(retried),
                Machine.formatInt(already));
        System.out.println("[load] " + results.faultNote);
        System.out.println("[load] checking: one application per citizen, each acknowledged, every event published ...");
        IntakeChecks.Outcome burstChecks = new IntakeChecks(postgres, http, tokens::regionOfficer).run(call, results.burst, options.fundingTimeout());
        List<IntakeChecks.Check> checks = new java.util.ArrayList<>(burstChecks.checks());
        long stored = storedIn(postgres, call);
        long citizens = single(postgres, "select count(distinct applicant_fiscal_code) from application.application where call_id = '" + call + "'");
        checks.add(new IntakeChecks.Check("every citizen has exactly one application (none lost, none twice)", stored == n && citizens == n,
                Machine.formatInt(stored) + " applications of " + Machine.formatInt(citizens) + " citizens, " + Machine.formatInt(n) + " citizens applied"));
        long unpublished = -1;
        for (int i = 0; i < 60 && unpublished != 0; i++) {
            unpublished = single(postgres, "select count(*) from application.outbox_event where published_at is null");
            if (unpublished != 0) {
                Thread.sleep(1000);
            }
        }
        long received = single(postgres, "select count(*) from application.outbox_event where event_type = 'ApplicationReceived' and "
                + "cast(payload as jsonb) -> 'data' ->> 'callId' = '" + call + "'");
        checks.add(new IntakeChecks.Check("every event of the burst published to Kafka (outbox empty), one ApplicationReceived per application",
                unpublished == 0 && received == stored, Machine.formatInt(unpublished) + " unpublished; " + Machine.formatInt(received)
                + " ApplicationReceived for " + Machine.formatInt(stored) + " applications"));
        results.outcome = new IntakeChecks.Outcome(checks, burstChecks.funding(), burstChecks.settledSeconds(), burstChecks.statuses());
    }

    private static final java.util.regex.Pattern PROTOCOL = java.util.regex.Pattern.compile("\\d{4}-\\d{10}");

    /** The protocol a 409 already-applied answer names (the person's own stored application), or null for any other 409. */
    private static String alreadyApplied(String body) {
        if (body == null || !body.contains("already-applied")) {
            return null;
        }
        var m = PROTOCOL.matcher(body);
        return m.find() ? m.group() : null;
    }

    private static long storedIn(DurablePostgres postgres, String call) {
        return single(postgres, "select count(*) from application.application where call_id = '" + call + "'");
    }

    private static long single(DurablePostgres postgres, String sql) {
        try (var c = postgres.connect(ApplicationServiceContract.DATABASE); var s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private static List<OpenLoopDriver.Prepared> prepared(TokenFactory tokens, String callId, int firstCitizen, int count) {
        String path = ApplicationServiceContract.applicationsPath(callId);
        System.out.println("[load] signing " + count + " citizen tokens ...");
        return IntStream.range(0, count).parallel().mapToObj(i -> {
            String code = FiscalCodes.of(firstCitizen + i);
            return new OpenLoopDriver.Prepared(path, tokens.citizen(code), ApplicationServiceContract.applicationBody(code));
        }).toList();
    }

    /** The same driver and tokens against an endpoint that exists without the calls API: proves the harness. */
    private static void driverCheck(Stack stack, LoadOptions options, Results results) throws InterruptedException {
        Http http = new Http(stack.serviceUrl());
        TokenFactory tokens = stack.tokens();
        results.expectedStatus = 200;
        results.workload = "`GET " + ApplicationServiceContract.DRIVER_CHECK_PATH + "` × " + Machine.formatInt(options.applications())
                + ", distinct citizen tokens (driver check, not intake)";
        HttpDriver driver = new HttpDriver();
        if (options.warmup() > 0) {
            Signed warm = driverCheckRequests(http, tokens, 0, options.warmup(), options.requestTimeout());
            System.out.println("[load] warmup: " + options.warmup() + " requests ...");
            results.warmup = driver.run("warmup", warm.requests(), options.concurrency(), false);
        }
        Signed signed = driverCheckRequests(http, tokens, options.warmup(), options.applications(), options.requestTimeout());
        results.tokensSigned = options.applications();
        results.signingSeconds = signed.seconds();
        System.out.println("[load] driver check: " + options.applications() + " requests, " + options.concurrency() + " in flight ...");
        CpuMeter cpu = cpuMeter(stack);
        cpu.start();
        results.burst = driver.run("driver check", signed.requests(), options.concurrency(), true);
        results.burstCpu = cpu.stop();

        int ok = results.burst.count(200);
        int matching = 0;
        for (int i = 0; i < results.burst.requests(); i++) {
            if (results.burst.status()[i] == 200
                    && Objects.equals(FiscalCodes.of(options.warmup() + i),
                    ApplicationServiceContract.driverCheckFiscalCode(results.burst.bodies()[i]))) {
                matching++;
            }
        }
        results.outcome = new IntakeChecks.Outcome(List.of(
                new IntakeChecks.Check("every request answered 200", ok == results.burst.requests(),
                        Machine.formatInt(ok) + " of " + Machine.formatInt(results.burst.requests())),
                new IntakeChecks.Check("every answer names the fiscal code of its own request's token", matching == ok,
                        Machine.formatInt(matching) + " of " + Machine.formatInt(ok) + " answers")),
                null, null, Map.of());
    }

    private static CpuMeter cpuMeter(Stack stack) {
        long service = stack.service().pid();
        long postmaster = CpuMeter.postmasterPid(stack.postgres().dataDir());
        Map<String, Supplier<Duration>> parts = new LinkedHashMap<>();
        parts.put("application-service", () -> CpuMeter.processTree(service));
        parts.put("PostgreSQL", () -> CpuMeter.processTree(postmaster));
        parts.put("generator JVM (with the Kafka broker and the OIDC issuer)", CpuMeter::thisJvm);
        return new CpuMeter(parts);
    }

    private static String createCall(Http http, TokenFactory tokens, JsonNode rules, String title) {
        String body = ApplicationServiceContract.callBody(rules, title, LocalDateTime.now(ApplicationServiceContract.CALL_ZONE));
        return ApplicationServiceContract.callId(http.expect(ApplicationServiceContract.CALL_CREATED, "POST",
                ApplicationServiceContract.CALLS_PATH, tokens.regionOfficer(), body));
    }

    record Signed(List<HttpRequest> requests, double seconds) {
    }

    /** Requests ready to go, each with its own citizen's freshly signed token: signing is kept out of the burst. */
    private static Signed applications(Http http, TokenFactory tokens, String callId, int firstCitizen, int count,
                                       Duration timeout) {
        URI uri = http.uri(ApplicationServiceContract.applicationsPath(callId));
        return sign(count, i -> {
            String code = FiscalCodes.of(firstCitizen + i);
            return HttpRequest.newBuilder(uri).timeout(timeout)
                    .header("Authorization", "Bearer " + tokens.citizen(code))
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(ApplicationServiceContract.applicationBody(code))).build();
        });
    }

    private static Signed driverCheckRequests(Http http, TokenFactory tokens, int firstCitizen, int count, Duration timeout) {
        URI uri = http.uri(ApplicationServiceContract.DRIVER_CHECK_PATH);
        return sign(count, i -> HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Authorization", "Bearer " + tokens.citizen(FiscalCodes.of(firstCitizen + i)))
                .header("Accept", "application/json").GET().build());
    }

    private static Signed sign(int count, java.util.function.IntFunction<HttpRequest> request) {
        System.out.println("[load] signing " + count + " citizen tokens ...");
        long start = System.nanoTime();
        List<HttpRequest> requests = IntStream.range(0, count).parallel().mapToObj(request).toList();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "[load] signed %d tokens in %.1f s%n", count, seconds);
        return new Signed(requests, seconds);
    }
}
