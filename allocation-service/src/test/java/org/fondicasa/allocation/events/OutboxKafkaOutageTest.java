package org.fondicasa.allocation.events;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.ConfigProvider;
import org.fondicasa.testing.KafkaTestClient;
import org.fondicasa.testing.TcpForwarder;
import org.fondicasa.testing.TokenFactory;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.fondicasa.allocation.fixtures.FundBuilder.aFund;

/**
 * Kafka unreachable for the outbox relay: the state change still commits with its event, the event waits in the
 * outbox and readiness says so; once the broker is reachable the event is published, nothing lost.
 */
@QuarkusTest
@TestProfile(OutboxKafkaOutageTest.RelayBehindAForwarder.class)
class OutboxKafkaOutageTest {

    public static class RelayBehindAForwarder implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // nothing listens on this port until the test opens the forwarder
            return Map.of("fondicasa.events.bootstrap-servers", "localhost:" + TcpForwarder.freePort());
        }
    }

    @Inject
    EntityManager em;

    private long pending(String fund) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select count(*) from outbox_event where event_key = ?1")
                .setParameter(1, fund).getSingleResult()).longValue());
    }

    @Test
    void eventsWaitInTheOutboxWhileKafkaIsUnreachableAndLeaveWhenItIsBack() {
        String fund = "OUT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        given().auth().oauth2(TokenFactory.fromConfig().regionOfficer()).contentType(ContentType.JSON)
                .body(aFund(fund).withAmount("5.00").json())
                .post("/funds").then().statusCode(201);

        // the relay has tried and failed (readiness says so): the event is still in the outbox, no waiting needed
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/q/health/ready")
                .then().statusCode(503).body("checks.name", hasItem("outbox relay")));
        assertThat(pending(fund)).isEqualTo(1);

        String relayTarget = ConfigProvider.getConfig().getValue("fondicasa.events.bootstrap-servers", String.class);
        String broker = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        try (TcpForwarder ignored = TcpForwarder.open(port(relayTarget), host(broker), port(broker))) {
            await().atMost(Duration.ofSeconds(60)).until(() -> pending(fund) == 0);
            var records = KafkaTestClient.fromConfig().await("allocation.events",
                    r -> r.value().contains("\"" + fund + "\""), 1, Duration.ofSeconds(30));
            assertThat(records.get(0).value()).contains("FundCreated");
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/q/health/ready")
                    .then().statusCode(200).body("status", equalTo("UP")));
        }
    }

    private static String host(String hostPort) {
        return hostPort.split(",")[0].split(":")[0];
    }

    private static int port(String hostPort) {
        String first = hostPort.split(",")[0];
        return Integer.parseInt(first.substring(first.lastIndexOf(':') + 1));
    }
}
