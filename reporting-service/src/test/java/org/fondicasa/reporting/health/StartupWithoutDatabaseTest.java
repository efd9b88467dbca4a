package org.fondicasa.reporting.health;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.eclipse.microprofile.config.ConfigProvider;
import org.fondicasa.testing.PlatformTestResource;
import org.fondicasa.testing.TcpForwarder;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * The service starts while its database is unreachable: it stays up with readiness DOWN (no crash, no restart
 * loop), and once the database answers it migrates the schema and becomes ready by itself.
 */
@QuarkusTest
@TestProfile(StartupWithoutDatabaseTest.DatabaseBehindAForwarder.class)
class StartupWithoutDatabaseTest {

    public static class DatabaseBehindAForwarder implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // nothing listens on this port until the test opens the forwarder
            return Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost:" + TcpForwarder.freePort() + "/reporting");
        }
    }

    @Test
    void readinessIsDownUntilTheDatabaseAnswersThenUpWithTheSchemaMigrated() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'database schema' }.status", equalTo("DOWN"));

        URI unreachable = URI.create(ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class).substring(5));
        URI real = URI.create(ConfigProvider.getConfig().getValue(PlatformTestResource.JDBC_URL_PROPERTY, String.class).substring(5));
        try (TcpForwarder ignored = TcpForwarder.open(unreachable.getPort(), real.getHost(), real.getPort())) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/ready")
                    .then().statusCode(200).body("checks.name", hasItem("database schema")));
        }
    }
}
