package org.fondicasa.load;

import org.fondicasa.testing.KafkaBroker;
import org.fondicasa.testing.LocalOidcIssuer;
import org.fondicasa.testing.ServiceProcess;
import org.fondicasa.testing.StartedServers;
import org.fondicasa.testing.TokenFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What intake needs and nothing else, started like deploy/local starts the whole system: a durable embedded
 * PostgreSQL, the in-JVM Kafka broker, the JDK-only OIDC issuer whose signed tokens the tests use, and the packaged
 * application-service as a child process pointed at them through its environment. Stops what it started.
 */
final class Stack implements AutoCloseable {

    static final List<String> TOPICS = List.of("allocation.events", "application.events", "reporting.events",
            "dashboard.aggregates", "allocation.events.dlq", "application.events.dlq", "reporting.events.dlq");

    private final StartedServers started = new StartedServers();
    private DurablePostgres postgres;
    private KafkaBroker kafka;
    /** The broker in a process of its own, for the broker-outage run (it must come back on the same port). */
    private KafkaProcess kafkaProcess;
    private LocalOidcIssuer issuer;
    private TokenFactory tokens;
    private ServiceProcess service;
    private Map<String, String> serviceEnv;
    private LoadOptions options;
    private int port;
    private String bootstrap;

    private Stack() {
    }

    /** PostgreSQL only (for the ceiling alone), or everything intake needs. */
    static Stack start(LoadOptions options, boolean withService) {
        Stack stack = new Stack();
        try {
            stack.startAll(options, withService);
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startAll(LoadOptions options, boolean withService) {
        Path work = options.workDir();
        deleteTree(work.resolve("postgres"));
        deleteTree(work.resolve("kafka"));

        step("PostgreSQL (durable: fsync on, synchronous_commit on)");
        postgres = DurablePostgres.start(work.resolve("postgres"));
        started.add(postgres);
        postgres.createDatabase(ApplicationServiceContract.DATABASE);
        if (!withService) {
            return;
        }
        String bootstrap;
        if (options.mode() == LoadOptions.Mode.BROKER_OUTAGE) {
            step("Kafka (a process of its own, so that it can be stopped and started again)");
            kafkaProcess = started.add(KafkaProcess.start(work.resolve("kafka"), freePort(), freePort()));
            kafkaProcess.createTopics(TOPICS, 3);
            bootstrap = kafkaProcess.bootstrapServers();
        } else {
            step("Kafka");
            kafka = started.add(KafkaBroker.start(work.resolve("kafka")));
            kafka.createTopics(TOPICS, 3);
            bootstrap = kafka.bootstrapServers();
        }
        this.bootstrap = bootstrap;
        step("OIDC issuer");
        issuer = LocalOidcIssuer.start();
        started.add(issuer);
        tokens = new TokenFactory(issuer.issuer(), LocalOidcIssuer.privateKey(issuer.privateKeyBase64()));

        step("application-service (" + options.serviceJar() + ")");
        this.options = options;
        this.port = freePort();
        serviceEnv = Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(ApplicationServiceContract.DATABASE),
                "QUARKUS_DATASOURCE_USERNAME", postgres.username(),
                "QUARKUS_DATASOURCE_PASSWORD", postgres.password(),
                "KAFKA_BOOTSTRAP_SERVERS", bootstrap,
                "QUARKUS_OIDC_AUTH_SERVER_URL", issuer.issuer());
        service = ServiceProcess.start("application-service", options.serviceJar(), port,
                options.serviceJvmOptions(), serviceEnv, work.resolve("logs"));
        started.add(service);
        service.awaitReady(Duration.ofMinutes(3));
    }

    /**
     * {@code kill -9} of the service (no shutdown hook, no drain: whatever was in flight is cut), then the same
     * service started again on the same port and database; returns when it is ready again.
     */
    Duration killAndRestartService() {
        ProcessHandle.of(service.pid()).ifPresent(p -> {
            p.destroyForcibly();
            p.onExit().join();
        });
        long killed = System.nanoTime();
        service = ServiceProcess.start("application-service-restarted", options.serviceJar(), port, options.serviceJvmOptions(),
                serviceEnv, options.workDir().resolve("logs"));
        started.add(service);
        service.awaitReady(Duration.ofMinutes(3));
        return Duration.ofNanos(System.nanoTime() - killed);
    }

    /** {@code kill -9} of the Kafka broker (broker-outage run only). */
    void killBroker() {
        kafkaProcess.kill();
    }

    /** The broker started again on the same ports and log directory; returns when it answers. */
    void restartBroker() {
        kafkaProcess.startAgain();
    }

    String kafkaBootstrapServers() {
        return bootstrap;
    }

    DurablePostgres postgres() {
        return postgres;
    }

    TokenFactory tokens() {
        return tokens;
    }

    ServiceProcess service() {
        return service;
    }

    String serviceUrl() {
        return service.url();
    }

    @Override
    public void close() {
        started.close();
    }

    private static void step(String what) {
        System.out.println("[load] starting " + what + " ...");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteTree(Path dir) {
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
