package org.fondicasa.reporting.ledger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.fondicasa.testing.KafkaTestClient;
import org.fondicasa.testing.Money;
import org.fondicasa.testing.TokenFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.fondicasa.testing.Money.euro;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.fondicasa.reporting.fixtures.FundCreatedBuilder.aFundCreated;

/** allocation-service's events, as they arrive over the real broker, redelivered, malformed. */
@QuarkusTest
class LedgerFromEventsTest {

    static {
        Money.exactJsonNumbers();
    }

    static final String BARI = "072006";
    static final String BISCEGLIE = "110003";

    private final KafkaTestClient kafka = KafkaTestClient.fromConfig();
    private final TokenFactory tokens = TokenFactory.fromConfig();
    private String fund;

    @BeforeEach
    void announceFund() {
        fund = "LED-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        kafka.send("allocation.events", fund, aFundCreated(fund).titled("Ordinary rent fund 2019").underAct("DD 131/2020").forYear(2019)
                .withAmount("10581636.23").event());
    }

    private String cofin(String istat, int revision, String amount) {
        return """
                {"fundCode": "%s", "istatCode": "%s", "revision": %d, "finBase": "0.00", "finC": "0.00", "qEmi": "0.00",
                 "qSmine": "0.00", "cofin": "%s", "deliberationNumber": "GC 12",
                 "deliberationDate": "2020-11-01", "budgetChapter": "Cap. 1"}""".formatted(fund, istat, revision, amount);
    }

    private long entries(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> LedgerEntry.count("eventId = ?1 and kind = ?2", eventId, Ledger.Kind.COFIN));
    }

    @Test
    void anEventDeliveredTwiceTakesEffectOnce() {
        UUID id = UUID.randomUUID();
        String event = KafkaTestClient.envelope(id.toString(), "CofinancingDeclared", "/allocation-service", BARI,
                cofin(BARI, 1, "125000.50"));
        kafka.send("allocation.events", BARI, event);
        kafka.send("allocation.events", BARI, event);
        // a later event on the same key proves both copies before it were consumed
        UUID marker = UUID.randomUUID();
        kafka.send("allocation.events", BARI, KafkaTestClient.envelope(marker.toString(), "CofinancingDeclared",
                "/allocation-service", BARI, cofin(BARI, 2, "130000.00")));

        await().atMost(Duration.ofSeconds(30)).until(() -> entries(marker) == 1);
        assertThat(entries(id)).isEqualTo(1);
        long processed = QuarkusTransaction.requiringNew().call(() -> ((Number) LedgerEntry.getEntityManager()
                .createNativeQuery("select count(*) from processed_event where event_id = ?1").setParameter(1, id)
                .getSingleResult()).longValue());
        assertThat(processed).isEqualTo(1);

        given().auth().oauth2(tokens.regionOfficer()).get("/funds/" + fund + "/ledger")
                .then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].istatCode", equalTo(BARI))
                .body("[0].cofin", euro("130000.00"))
                .body("[0].balanced", equalTo(true));
    }

    @Test
    void whatCannotBeProcessedGoesToTheDeadLetterTopicAndTheStreamGoesOn() {
        String garbage = "not json " + UUID.randomUUID();
        kafka.send("allocation.events", BARI, garbage);
        UUID badAmount = UUID.randomUUID();
        kafka.send("allocation.events", BARI, KafkaTestClient.envelope(badAmount.toString(), "CofinancingDeclared",
                "/allocation-service", BARI, cofin(BARI, 1, "12,50")));
        UUID good = UUID.randomUUID();
        kafka.send("allocation.events", BARI, KafkaTestClient.envelope(good.toString(), "CofinancingDeclared",
                "/allocation-service", BARI, cofin(BARI, 1, "12.50")));

        var dead = kafka.await("allocation.events.dlq",
                r -> r.value().equals(garbage) || r.value().contains(badAmount.toString()), 2, Duration.ofSeconds(30));
        assertThat(dead).allSatisfy(r -> assertThat(r.headers().lastHeader("dead-letter-reason")).isNotNull());
        assertThat(dead).anySatisfy(r -> assertThat(new String(r.headers().lastHeader("dead-letter-reason").value(),
                StandardCharsets.UTF_8)).contains("not euro with two decimals"));
        await().atMost(Duration.ofSeconds(30)).until(() -> entries(good) == 1);
        assertThat(entries(badAmount)).isZero();
    }

    @Test
    void anOperatorReadsOnlyTheirMunicipality() {
        UUID bari = UUID.randomUUID();
        UUID bisceglie = UUID.randomUUID();
        kafka.send("allocation.events", BARI, KafkaTestClient.envelope(bari.toString(), "CofinancingDeclared",
                "/allocation-service", BARI, cofin(BARI, 1, "100.00")));
        kafka.send("allocation.events", BISCEGLIE, KafkaTestClient.envelope(bisceglie.toString(), "CofinancingDeclared",
                "/allocation-service", BISCEGLIE, cofin(BISCEGLIE, 1, "200.00")));
        await().atMost(Duration.ofSeconds(30)).until(() -> entries(bari) == 1 && entries(bisceglie) == 1);

        given().auth().oauth2(tokens.operator(BARI)).get("/funds/" + fund + "/ledger")
                .then().statusCode(200).body("istatCode", contains(BARI));
        given().auth().oauth2(tokens.operator(BARI)).get("/funds/" + fund + "/ledger?istatCode=" + BISCEGLIE)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(tokens.regionOfficer()).get("/funds/" + fund + "/ledger")
                .then().statusCode(200).body("istatCode", contains(BARI, BISCEGLIE));
        given().auth().oauth2(tokens.dashboard()).get("/funds/" + fund + "/ledger").then().statusCode(403);
        given().auth().oauth2(tokens.citizen("RSSMRA80A01A662A")).get("/funds/" + fund + "/ledger").then().statusCode(403);
        given().get("/funds/" + fund + "/ledger").then().statusCode(401);
    }
}
