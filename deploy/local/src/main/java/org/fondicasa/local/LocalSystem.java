package org.fondicasa.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.fondicasa.testing.KafkaBroker;
import org.fondicasa.testing.KeycloakDistribution;
import org.fondicasa.testing.KeycloakServer;
import org.fondicasa.testing.PostgresServer;
import org.fondicasa.testing.ServiceProcess;
import org.fondicasa.testing.StartedServers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * The whole system on one machine, nothing but a JDK needed: embedded PostgreSQL (one database per service), an
 * in-JVM Kafka KRaft broker, a real Keycloak with the realm of deploy/keycloak, and the three services as child
 * processes. Everything it starts, it stops: on Ctrl-C or {@link #close()}.
 */
public final class LocalSystem implements AutoCloseable {

    /** The local run wants services up fast, not at their peak: small heap, quick JIT only. */
    private static final List<String> FAST_START = List.of("-Xmx384m", "-XX:TieredStopAtLevel=1");

    public static final List<String> TOPICS = List.of("allocation.events", "application.events", "reporting.events",
            "dashboard.aggregates", "allocation.events.dlq", "application.events.dlq", "reporting.events.dlq");
    public static final String DEMO_CLIENT = "fondicasa-cli";
    private static final String CLOCK_KEEPER = "regione";
    private static final ZoneId ROME = ZoneId.of("Europe/Rome");

    /**
     * Ports: 0 picks a free one (tests); the defaults are what the README documents. {@code jsonLogs}: the services log
     * as in production (one JSON object per line) or as readable text for someone watching the local run.
     */
    public record Options(Path root, int allocationPort, int applicationPort, int reportingPort, int keycloakPort,
                          int postgresPort, boolean jsonLogs) {
        public static Options documented(Path root) {
            return new Options(root, 8081, 8082, 8083, 8180, 15432, false);
        }

        public static Options freePorts(Path root) {
            return new Options(root, 0, 0, 0, 0, 0, true);
        }
    }

    private final StartedServers started = new StartedServers();
    private final Map<String, ServiceProcess> services = new HashMap<>();
    private Path root;
    private PostgresServer postgres;
    private KafkaBroker kafka;
    private KeycloakServer keycloak;

    private LocalSystem() {
    }

    public static LocalSystem start(Options options) {
        LocalSystem system = new LocalSystem();
        try {
            system.startAll(options);
            return system;
        } catch (RuntimeException e) {
            system.close();
            throw e;
        }
    }

    private void startAll(Options options) {
        root = options.root();
        Path work = options.root().resolve(".local");
        deleteTree(work.resolve("postgres"));
        deleteTree(work.resolve("kafka"));
        Path logs = work.resolve("logs");

        step("PostgreSQL");
        postgres = PostgresServer.start(work.resolve("postgres"), port(options.postgresPort()));
        started.add(postgres);
        for (String db : List.of("allocation", "application", "reporting")) {
            postgres.createDatabase(db);
        }
        step("Kafka");
        kafka = KafkaBroker.start(work.resolve("kafka"));
        started.add(kafka);
        kafka.createTopics(TOPICS, 3);
        step("Keycloak (realm puglia)");
        keycloak = KeycloakServer.start(KeycloakDistribution.zip(), options.root().resolve("deploy/keycloak/puglia-realm.json"),
                KeycloakDistribution.workDir(work), port(options.keycloakPort()));
        started.add(keycloak);

        step("services");
        Map<String, Integer> ports = Map.of("allocation", port(options.allocationPort()),
                "application", port(options.applicationPort()), "reporting", port(options.reportingPort()));
        for (String name : List.of("allocation", "application", "reporting")) {
            Map<String, String> env = Map.of(
                    // application-service reserves its calls' budgets from allocation-service's sources
                    "FONDICASA_ALLOCATION_URL", "http://localhost:" + ports.get("allocation"),
                    "QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(name),
                    "QUARKUS_DATASOURCE_USERNAME", postgres.username(),
                    "QUARKUS_DATASOURCE_PASSWORD", postgres.password(),
                    "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                    "QUARKUS_OIDC_AUTH_SERVER_URL", keycloak.issuer(),
                    // prod settings, plus a clock the demo and the tests move forward instead of waiting
                    "QUARKUS_PROFILE", "prod,local",
                    "QUARKUS_LOG_CONSOLE_JSON_ENABLED", Boolean.toString(options.jsonLogs()));
            ServiceProcess service = ServiceProcess.start(name + "-service",
                    options.root().resolve(name + "-service/target/quarkus-app/quarkus-run.jar"), ports.get(name),
                    FAST_START, env, logs);
            services.put(name, service);
            started.add(service);
        }
        for (ServiceProcess service : services.values()) {
            service.awaitReady(Duration.ofMinutes(3));
        }
    }

    /** The repository the system runs from (reference data is read from it). */
    public Path root() {
        return root;
    }

    public Path log(String service) {
        return services.get(service).log();
    }

    public String url(String service) {
        return services.get(service).url();
    }

    public String keycloakIssuer() {
        return keycloak.issuer();
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String postgresUrl(String database) {
        return postgres.jdbcUrl(database);
    }

    /** The system's time in Europe/Rome, as its services read it: ahead of the wall clock once moved. */
    public LocalDateTime now() {
        JsonNode clock = Http.json(200, "GET", url("application") + "/clock", token(CLOCK_KEEPER), null);
        return OffsetDateTime.parse(clock.get("rome").asText()).atZoneSameInstant(ROME).toLocalDateTime();
    }

    /**
     * Moves every service's clock forward to at least {@code romeLocal} (Europe/Rome), so that calls close and
     * deadlines pass without waiting for them. Time never goes back.
     */
    public void advanceClockTo(LocalDateTime romeLocal) {
        String body = "{\"to\": \"" + romeLocal.atZone(ROME).toInstant() + "\"}";
        String token = token(CLOCK_KEEPER);
        for (String service : List.of("allocation", "application", "reporting")) {
            Http.json(200, "POST", url(service) + "/clock/advance", token, body);
        }
    }

    /** A demo user's access token (password grant of the public demo client; every demo password is "demo"). */
    public String token(String username) {
        return keycloak.passwordToken(DEMO_CLIENT, username, "demo");
    }

    /** A confidential client's token (client credentials grant), e.g. the dashboard's. */
    public String clientCredentialsToken(String clientId, String secret) {
        return keycloak.clientCredentialsToken(clientId, secret);
    }

    @Override
    public void close() {
        started.close();
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("fondicasa.root", ".")).toAbsolutePath().normalize();
        boolean demo = !List.of(args).contains("--no-demo");
        LocalSystem system = start(Options.documented(root));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping everything this command started...");
            system.close();
            stopped.countDown();
        }, "local-system-stop"));
        Round2019 round = null;
        if (demo) {
            System.out.println("[demo] playing Puglia's 2019 rent-support round through the public APIs (about half a minute) ...");
            round = new Round2019(system, Round2019.Timeline.demo(), line -> System.out.println("[demo] " + line));
            round.play();
        }
        System.out.println(Banner.text(system, root, round));
        stopped.await();
    }

    private static void step(String what) {
        System.out.println("[local] starting " + what + " ...");
    }

    private static int port(int requested) {
        if (requested != 0) {
            return requested;
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
