package org.fondicasa.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts, once per test JVM, the real servers a service needs: PostgreSQL, a Kafka broker and an OIDC provider
 * (the local issuer, whose URL is published as {@value #ISSUER_PROPERTY}; see {@link KeycloakTestResource} for a real
 * Keycloak). They outlive application restarts between test profiles and stop with the JVM.
 */
public class PlatformTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String ISSUER_PROPERTY = "fondicasa.test.oidc.issuer";
    /** The test database; the kit's defaults point the datasource at it, so a test profile can point elsewhere. */
    public static final String JDBC_URL_PROPERTY = "fondicasa.test.jdbc-url";
    public static final String KEY_PROPERTY = "fondicasa.test.oidc.signing-key";
    /** Every topic of the system, created up front so consumers never wait for auto-creation. */
    public static final List<String> TOPICS = List.of("allocation.events", "application.events", "reporting.events",
            "dashboard.aggregates", "allocation.events.dlq", "application.events.dlq", "reporting.events.dlq");

    private static PostgresServer postgres;
    private static KafkaBroker kafka;
    private static LocalOidcIssuer issuer;

    private String database = "app";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        synchronized (PlatformTestResource.class) {
            if (postgres == null) {
                postgres = PostgresServer.start(null, 0);
                kafka = KafkaBroker.start(null);
                kafka.createTopics(TOPICS, 3);
                issuer = LocalOidcIssuer.start();
                Runtime.getRuntime().addShutdownHook(new Thread(PlatformTestResource::stopAll, "test-servers-stop"));
            }
            postgres.createDatabase(database);
            config.put(JDBC_URL_PROPERTY, postgres.jdbcUrl(database));
            config.put("quarkus.datasource.username", postgres.username());
            config.put("quarkus.datasource.password", postgres.password());
            config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
            config.put(ISSUER_PROPERTY, issuer.issuer());
            config.put(KEY_PROPERTY, issuer.privateKeyBase64());
        }
        return config;
    }

    @Override
    public void stop() {
        // the servers are shared by every application start in this JVM; the shutdown hook stops them
    }

    /** Stops the servers side by side: stopping them one after the other can outlast the test runner's patience. */
    private static synchronized void stopAll() {
        java.util.List<Thread> stoppers = new java.util.ArrayList<>();
        for (AutoCloseable server : new AutoCloseable[]{issuer, kafka, postgres}) {
            if (server != null) {
                Thread t = new Thread(() -> {
                    try {
                        server.close();
                    } catch (Exception e) {
                        System.err.println("stopping " + server.getClass().getSimpleName() + ": " + e);
                    }
                }, "stop-" + server.getClass().getSimpleName());
                t.start();
                stoppers.add(t);
            }
        }
        for (Thread t : stoppers) {
            try {
                t.join(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
