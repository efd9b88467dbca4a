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
            }
            switch (options.mode()) {
                case BURST -> burst(new Target(stack.serviceUrl(), stack.tokens(), stack.postgres(), cpuMeter(stack)), options, results);
                case DRIVER_CHECK -> driverCheck(stack, options, results);
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
