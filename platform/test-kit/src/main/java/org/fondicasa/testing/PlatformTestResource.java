package org.fondicasa.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts the real servers a service needs for one application start: PostgreSQL, a Kafka broker and an OIDC provider
 * (the local issuer, whose URL is published as {@value #ISSUER_PROPERTY}; the cross-service tests use a real
 * Keycloak), and stops them with the application. Group tests so that few profiles exist: each one restarts them.
 */
public class PlatformTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String ISSUER_PROPERTY = "fondicasa.test.oidc.issuer";
    /** The test database; the kit's defaults point the datasource at it, so a test profile can point elsewhere. */
    public static final String JDBC_URL_PROPERTY = "fondicasa.test.jdbc-url";
    public static final String KEY_PROPERTY = "fondicasa.test.oidc.signing-key";
    /** Every topic of the system, created up front so consumers never wait for auto-creation. */
    public static final List<String> TOPICS = List.of("allocation.events", "application.events", "reporting.events",
            "dashboard.aggregates", "allocation.events.dlq", "application.events.dlq", "reporting.events.dlq");

    private PostgresServer postgres;
    private KafkaBroker kafka;
    private LocalOidcIssuer issuer;

    private String database = "app";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        postgres = PostgresServer.start(null, 0);
        kafka = KafkaBroker.start(null);
        kafka.createTopics(TOPICS, 3);
        issuer = LocalOidcIssuer.start();
        postgres.createDatabase(database);
        Map<String, String> config = new HashMap<>();
        config.put(JDBC_URL_PROPERTY, postgres.jdbcUrl(database));
        config.put("quarkus.datasource.username", postgres.username());
        config.put("quarkus.datasource.password", postgres.password());
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        config.put(ISSUER_PROPERTY, issuer.issuer());
        config.put(KEY_PROPERTY, issuer.privateKeyBase64());
        return config;
    }

    /**
     * Stops the servers when their application stops, while its class loader is still open: left to JVM shutdown
     * hooks, the servers of earlier application starts die half-loaded and the test JVM exits with an error.
     */
    @Override
    public void stop() {
        for (AutoCloseable server : new AutoCloseable[]{issuer, kafka, postgres}) {
            if (server != null) {
                try {
                    server.close();
                } catch (Exception e) {
                    System.err.println("stopping " + server.getClass().getSimpleName() + ": " + e);
                }
            }
        }
    }
}
