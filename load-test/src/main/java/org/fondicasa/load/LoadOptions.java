package org.fondicasa.load;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** What one run does, from system properties ({@code -Dload.applications=50000} on the Maven command line). */
record LoadOptions(Path root, Mode mode, int applications, int concurrency, int warmup, Path results,
                   boolean pgbench, Path pgbenchExecutable, List<Integer> pgbenchClients, int pgbenchThreads,
                   int pgbenchSeconds, Duration fundingTimeout, Duration requestTimeout, Path serviceJar,
                   List<String> serviceJvmOptions, Path workDir, List<Integer> openRates, int openStepSeconds,
                   int openConnections, boolean yardsticks, Duration outage, List<Integer> httpAloneRates) {

    enum Mode {
        /** The burst of applications at one first-come call, with the correctness checks (the default). */
        BURST,
        /** The same driver, tokens and stack, but GET /me instead of applications: tests the harness, not intake. */
        DRIVER_CHECK,
        /** Only PostgreSQL and the pgbench ceiling. */
        CEILING,
        /**
         * Applications at fixed arrival rates, one step per rate, latency from each request's intended send time
         * (no coordinated omission), until p99 passes 200 ms or a request fails; then the same checks as the burst.
         */
        OPEN,
        /**
         * The burst with a fault: {@code kill -9} of application-service once half the applications are stored, the
         * service started again by the generator, every request without an answer sent again by its citizen; then
         * every citizen must have exactly one application, every one acknowledged, every event published.
         */
        KILL,
        /**
         * The burst with the Kafka broker killed once a tenth of the applications are stored and started again
         * {@code load.outage.seconds} later (60): intake goes on into the outbox, and every event must reach Kafka
         * once the broker is back.
         */
        BROKER_OUTAGE;

        String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static Mode parse(String text) {
            return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    static LoadOptions fromSystemProperties() {
        Path root = Path.of(System.getProperty("fondicasa.root", ".")).toAbsolutePath().normalize();
        Mode mode = Mode.parse(System.getProperty("load.mode", "burst"));
        String date = LocalDate.now(ApplicationServiceContract.CALL_ZONE).toString();
        String defaultResults = "load-test/results/intake-" + date + (mode == Mode.BURST ? "" : "-" + mode.label()) + ".md";
        Path results = root.resolve(System.getProperty("load.results", defaultResults));
        List<Integer> clients = Arrays.stream(System.getProperty("load.pgbench.clients", "16,32,64").split(","))
                .map(String::trim).map(Integer::valueOf).toList();
        return new LoadOptions(root, mode,
                positive("load.applications", 50_000),
                positive("load.concurrency", 64),
                Integer.getInteger("load.warmup", 10_000),
                results,
                Boolean.parseBoolean(System.getProperty("load.pgbench", "true")),
                Path.of(System.getProperty("load.pgbench.executable", "/usr/bin/pgbench")),
                clients,
                positive("load.pgbench.threads", 2),
                positive("load.pgbench.seconds", 15),
                Duration.ofSeconds(positive("load.funding.timeout", 600)),
                Duration.ofSeconds(positive("load.request.timeout", 30)),
                root.resolve(System.getProperty("load.service.jar", "application-service/target/quarkus-app/quarkus-run.jar")),
                List.of(System.getProperty("load.service.jvm", "-Xmx1g").trim().split("\\s+")),
                root.resolve("load-test/target/load"),
                OpenLoopDriver.rates(System.getProperty("load.open.rates", "400,600,800,1000,1200,1400,1600,2000,2400")),
                positive("load.open.step.seconds", 15),
                positive("load.open.connections", 256),
                Boolean.parseBoolean(System.getProperty("load.yardsticks", "true")),
                Duration.ofSeconds(positive("load.outage.seconds", 60)),
                // the HTTP layer alone, after the open loop's intake steps (mode OPEN); "none" leaves it out
                "none".equals(System.getProperty("load.open.http.rates")) ? List.of()
                        : OpenLoopDriver.rates(System.getProperty("load.open.http.rates", "1600,2400,3200,4000,4800,6400")));
    }

    private static int positive(String name, int fallback) {
        int value = Integer.getInteger(name, fallback);
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, not " + value);
        }
        return value;
    }
}
