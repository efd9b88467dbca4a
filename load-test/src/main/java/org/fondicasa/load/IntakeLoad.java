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
                case BROKER_OUTAGE -> brokerOutage(stack, options, results);
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
                long unpublished = EventsDelivered.awaitOutboxEmpty(target.postgres(), options.fundingTimeout());
                vacuumAfterWarmup(target.postgres());
                results.warmupNote = (funding.settled() ? "its funding settled before the burst"
                        : Machine.formatInt(funding.pending()) + " of its applications still pending when the burst started")
                        + (unpublished == 0 ? ", and its events were all published" : ", " + Machine.formatInt(unpublished)
                        + " of its events still in the outbox") + "; then the service's database vacuumed and analysed";
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
        long service = stack.service().pid();
        long postmaster = CpuMeter.postmasterPid(postgres.dataDir());
        Map<String, Supplier<Duration>> parts = new LinkedHashMap<>();
        parts.put("application-service", () -> CpuMeter.processTree(service));
        parts.put("PostgreSQL", () -> CpuMeter.processTree(postmaster));
        parts.put("generator (event loop and scheduler)", OpenLoopDriver::ownThreadsCpu);
        parts.put("Kafka broker and token issuer (in the generator's JVM)", () -> CpuMeter.thisJvm().minus(OpenLoopDriver.ownThreadsCpu()));
        CpuMeter cpu = new CpuMeter(parts);
        try (OpenLoopDriver driver = new OpenLoopDriver(URI.create(stack.serviceUrl()), options.openConnections())) {
            int citizens = 0;
            if (options.warmup() > 0) {
                String warmupCall = createCall(http, tokens, rules, "Load test warmup");
                Signed warm = applications(http, tokens, warmupCall, 0, options.warmup(), options.requestTimeout());
                System.out.println("[load] warmup (closed loop): " + options.warmup() + " applications ...");
                results.warmup = new HttpDriver().run("warmup", warm.requests(), options.concurrency(), false);
                citizens = options.warmup();
                // the open-loop client warms up too (its own code and connections), at half the first rate for 10 s
                int rate = Math.max(1, options.openRates().get(0) / 2);
                System.out.println("[load] warmup (open loop): " + rate + "/s for 10 s ...");
                OpenLoopDriver.Step warmStep = driver.step(rate, prepared(tokens, warmupCall, citizens, rate * 10), results.expectedStatus,
                        options.requestTimeout(), cpu, OpenLoopDriver.Sink.of(rate * 10), 0);
                citizens += rate * 10;
                // the warmup's funding is decided before the first step, or the first step measures it too
                var funding = new IntakeChecks(postgres, http, tokens::regionOfficer).awaitFunding(warmupCall, options.fundingTimeout());
                // and so are its events: the relay publishing the warmup's outbox would be measured as the first step's work
                long unpublished = EventsDelivered.awaitOutboxEmpty(postgres, options.fundingTimeout());
                vacuumAfterWarmup(postgres);
                results.warmupNote = String.format(Locale.ROOT, "closed loop, %d in flight, then %s at %d/s open loop (p99 %.1f ms), "
                                + "before the steps, on a call of its own; ", options.concurrency(), Machine.formatInt(rate * 10), rate,
                        warmStep.p99Ms())
                        + (funding.settled() ? "its funding settled" : Machine.formatInt(funding.pending()) + " still pending")
                        + (unpublished == 0 ? " and its events were all published before the first step" : ", " + Machine.formatInt(unpublished)
                        + " of its events still in the outbox") + "; then the service's database vacuumed and analysed";
            }
            String call = createCall(http, tokens, rules, "Load test click day, open loop");
            int total = options.openRates().stream().mapToInt(r -> r * options.openStepSeconds()).sum();
            OpenLoopDriver.Sink sink = OpenLoopDriver.Sink.of(total);
            int sent = 0;
            long start = System.nanoTime();
            results.openSteps = new java.util.ArrayList<>();
            for (int rate : options.openRates()) {
                int n = rate * options.openStepSeconds();
                List<OpenLoopDriver.Prepared> prepared = prepared(tokens, call, citizens + sent, n);
                postgres.checkpoint();
                long wal = postgres.walBytes();
                long commits = postgres.commits(ApplicationServiceContract.DATABASE);
                System.out.println("[load] open loop: " + rate + "/s for " + options.openStepSeconds() + " s ...");
                OpenLoopDriver.Step step = driver.step(rate, prepared, results.expectedStatus, options.requestTimeout(), cpu, sink, sent);
                Thread.sleep(1500); // the statistics collector's flush
                String slowest = slowestPerSecond(sink, sent, n);
                results.openSteps.add(new Results.OpenStep(step, postgres.walBytes() - wal,
                        postgres.commits(ApplicationServiceContract.DATABASE) - commits, slowest));
                System.out.println("[load] open loop " + rate + "/s, slowest answer per second of the step (ms): " + slowest);
                sent += n;
                System.out.printf(Locale.ROOT, "[load] open loop %d/s: %d accepted, %.0f/s, p50 %.1f ms, p99 %.1f ms (from intended send)%n",
                        rate, step.expected(), step.achievedPerSecond(), step.fromIntended().getValueAtPercentile(50) / 1000.0, step.p99Ms());
                if (step.p99Ms() > Results.TARGET_P99_MS || !step.errorFree()) {
                    break;
                }
            }
            results.burst = OpenLoopDriver.asResult("open loop", sink, sent, start);
            System.out.println("[load] checking: nothing lost, nothing over-committed, receipt order ...");
            results.outcome = new IntakeChecks(postgres, http, tokens::regionOfficer).run(call, results.burst, options.fundingTimeout());
            httpLayerAlone(driver, tokens, options, results, cpu, citizens + sent);
        }
    }

    /**
     * The driver check in the same run, open loop: {@code GET /me} with one fresh citizen token each, stepped like
     * intake, so the rate the HTTP layer and token verification alone sustain on this machine stands beside intake's.
     * Each answer must name its own token's citizen.
     */
    private static void httpLayerAlone(OpenLoopDriver driver, TokenFactory tokens, LoadOptions options, Results results, CpuMeter cpu,
                                       int firstCitizen) throws InterruptedException {
        results.httpAloneSteps = new java.util.ArrayList<>();
        int citizen = firstCitizen;
        for (int rate : options.httpAloneRates()) {
            int n = rate * options.openStepSeconds();
            int from = citizen;
            System.out.println("[load] signing " + n + " citizen tokens ...");
            List<OpenLoopDriver.Prepared> prepared = IntStream.range(0, n).parallel().mapToObj(i -> new OpenLoopDriver.Prepared(
                    ApplicationServiceContract.DRIVER_CHECK_PATH, tokens.citizen(FiscalCodes.of(from + i)), null)).toList();
            OpenLoopDriver.Sink sink = OpenLoopDriver.Sink.of(n);
            System.out.println("[load] HTTP layer alone: " + rate + "/s for " + options.openStepSeconds() + " s ...");
            OpenLoopDriver.Step step = driver.step(rate, prepared, 200, options.requestTimeout(), cpu, sink, 0);
            int own = 0;
            for (int i = 0; i < n; i++) {
                if (sink.status()[i] == 200 && FiscalCodes.of(from + i).equals(ApplicationServiceContract.driverCheckFiscalCode(sink.bodies()[i]))) {
                    own++;
                }
            }
            results.httpAloneSteps.add(new Results.OpenStep(step, 0, 0, slowestPerSecond(sink, 0, n)));
            results.httpAloneOwnAnswers += own;
            results.httpAloneAnswered += step.expected();
            citizen += n;
            System.out.printf(Locale.ROOT, "[load] HTTP layer alone %d/s: %d answered 200 (%d naming their own citizen), %.0f/s, p99 %.1f ms%n",
                    rate, step.expected(), own, step.achievedPerSecond(), step.p99Ms());
            if (step.p99Ms() > Results.TARGET_P99_MS || !step.errorFree()) {
                break;
            }
        }
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
        checks.addAll(EventsDelivered.checks(postgres, stack.kafkaBootstrapServers(), call, stored, Duration.ofSeconds(60)));
        results.outcome = new IntakeChecks.Outcome(checks, burstChecks.funding(), burstChecks.settledSeconds(), burstChecks.statuses());
    }

    /**
     * Click day with the Kafka broker killed once a tenth of the applications are stored and started again
     * {@code load.outage.seconds} later: intake goes on into the outbox, nobody is refused for it, and once the broker
     * is back every event reaches the topic. Then the burst's own checks.
     */
    static void brokerOutage(Stack stack, LoadOptions options, Results results) throws Exception {
        Http http = new Http(stack.serviceUrl());
        TokenFactory tokens = stack.tokens();
        DurablePostgres postgres = stack.postgres();
        int n = options.applications();
        long outage = options.outage().toSeconds();
        results.expectedStatus = ApplicationServiceContract.APPLICATION_ACCEPTED;
        results.workload = String.format(Locale.ROOT, "`POST %s` × %s, distinct citizens, %d in flight, the Kafka broker killed "
                        + "(`kill -9`) once a tenth are stored and started again %d s later",
                ApplicationServiceContract.applicationsPath("{id}"), Machine.formatInt(n), options.concurrency(), outage);
        JsonNode rules = ApplicationServiceContract.rules(http.expect(200, "GET", ApplicationServiceContract.CALL_TEMPLATE_PATH,
                tokens.regionOfficer(), null));
        String call = createCall(http, tokens, rules, "Load test click day, Kafka down");
        Signed signed = applications(http, tokens, call, 0, n, options.requestTimeout());
        String[] note = {"the broker was not stopped"};
        long[] restartedAt = {0};
        Thread breaker = new Thread(() -> {
            try {
                while (storedIn(postgres, call) < n / 10) {
                    Thread.sleep(50);
                }
                long before = storedIn(postgres, call);
                System.out.println("[load] kill -9 of the Kafka broker with " + before + " applications stored ...");
                stack.killBroker();
                long killed = System.nanoTime();
                Thread.sleep(options.outage().toMillis());
                long during = storedIn(postgres, call) - before;
                long unpublished = single(postgres, "select count(*) from application.outbox_event");
                System.out.println("[load] starting the Kafka broker again: " + during + " applications stored while it was down, "
                        + unpublished + " events waiting in the outbox ...");
                stack.restartBroker();
                restartedAt[0] = System.nanoTime();
                note[0] = String.format(Locale.ROOT, "the Kafka broker killed (`kill -9`) with %s of %s applications stored and "
                                + "answering again %.1f s later; %s applications were stored while it was down, and %s events "
                                + "waited in the outbox when it came back", Machine.formatInt(before), Machine.formatInt(n),
                        (restartedAt[0] - killed) / 1e9, Machine.formatInt(during), Machine.formatInt(unpublished));
            } catch (Exception e) {
                note[0] = "stopping or starting the broker failed: " + e;
            }
        }, "load-broker-breaker");
        breaker.start();
        results.burst = new HttpDriver().run("burst with the broker down", signed.requests(), options.concurrency(), true);
        breaker.join();
        long drained = -1;
        if (restartedAt[0] > 0) {
            while (single(postgres, "select count(*) from application.outbox_event") > 0
                    && System.nanoTime() - restartedAt[0] < Duration.ofMinutes(3).toNanos()) {
                Thread.sleep(200);
            }
            drained = (System.nanoTime() - restartedAt[0]) / 1_000_000;
        }
        results.faultNote = note[0] + (drained < 0 ? "." : String.format(Locale.ROOT, "; the outbox was empty %.1f s after the "
                + "broker answered. Answers during the burst: %s.", drained / 1000.0, results.burst.byStatus()));
        System.out.println("[load] " + results.faultNote);
        System.out.println("[load] checking: nothing lost, every event on the topic, receipt order ...");
        IntakeChecks.Outcome burstChecks = new IntakeChecks(postgres, http, tokens::regionOfficer).run(call, results.burst, options.fundingTimeout());
        List<IntakeChecks.Check> checks = new java.util.ArrayList<>(burstChecks.checks());
        long stored = storedIn(postgres, call);
        checks.add(new IntakeChecks.Check("every citizen answered 201 (the outage refused nobody)", results.burst.count(201) == n,
                Machine.formatInt(results.burst.count(201)) + " of " + Machine.formatInt(n) + ": " + results.burst.byStatus()));
        checks.addAll(EventsDelivered.checks(postgres, stack.kafkaBootstrapServers(), call, stored, Duration.ofMinutes(3)));
        results.outcome = new IntakeChecks.Outcome(checks, burstChecks.funding(), burstChecks.settledSeconds(), burstChecks.statuses());
    }

    /** Whether a step's slow answers were one stall or spread out: the slowest latency of each second, by intended send. */
    static String slowestPerSecond(OpenLoopDriver.Sink sink, int from, int n) {
        long first = Long.MAX_VALUE;
        for (int i = from; i < from + n; i++) {
            first = Math.min(first, sink.endNanos()[i] - sink.latencyNanos()[i]);
        }
        java.util.TreeMap<Long, Long> slowest = new java.util.TreeMap<>();
        for (int i = from; i < from + n; i++) {
            long second = (sink.endNanos()[i] - sink.latencyNanos()[i] - first) / 1_000_000_000L;
            slowest.merge(second, sink.latencyNanos()[i] / 1_000_000, Math::max);
        }
        return slowest.values().stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(" "));
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

    /** One number from the service's database, by SQL. */
    /**
     * The warmup leaves every one of its applications rewritten once (WAITING) and every outbox row deleted: autovacuum
     * would clean that up during the first measured step and be counted as its work (1 200/s failed so, open-g). An
     * opening day starts from tables vacuumed while the service was quiet; the measured steps' own rows are left to it.
     */
    private static void vacuumAfterWarmup(DurablePostgres postgres) {
        System.out.println("[load] vacuum and analyse after the warmup ...");
        postgres.execute(ApplicationServiceContract.DATABASE, "vacuum (analyze)");
    }

    static long single(DurablePostgres postgres, String sql) {
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
