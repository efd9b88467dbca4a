package org.fondicasa.application.budget;

import io.quarkus.test.junit.QuarkusTest;
import org.fondicasa.testing.KafkaTestClient;
import org.fondicasa.testing.Money;
import org.fondicasa.testing.TokenFactory;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.fondicasa.testing.Money.euro;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class BudgetSourcesFromEventsTest {

    static {
        Money.exactJsonNumbers();
    }

    static final String PULSANO = "073022";

    private final KafkaTestClient kafka = KafkaTestClient.fromConfig();
    private final TokenFactory tokens = TokenFactory.fromConfig();

    private void cofin(String fund, int revision, String amount) {
        kafka.send("allocation.events", PULSANO, KafkaTestClient.envelope(UUID.randomUUID().toString(),
                "CofinancingDeclared", "/allocation-service", PULSANO, """
                        {"fundCode": "%s", "istatCode": "%s", "revision": %d, "finBase": "33408.21", "finC": "0.00",
                         "qEmi": "0.00", "qSmine": "0.00", "cofin": "%s", "deliberationNumber": "DG 7",
                         "deliberationDate": "2020-11-02", "budgetChapter": "Cap. 1402"}""".formatted(fund, PULSANO, revision, amount)));
    }

    @Test
    void theLatestRevisionOfCofinBecomesABudgetSourceEvenIfAnOlderOneArrivesLate() {
        String fund = "BUD-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        cofin(fund, 2, "5000.00");
        cofin(fund, 1, "4000.00");
        cofin(fund, 3, "6000.00");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(tokens.operator(PULSANO)).get("/municipalities/" + PULSANO + "/budget-sources")
                        .then().statusCode(200)
                        .body("findAll { it.fundCode == '" + fund + "' }", hasSize(5))
                        .body("find { it.fundCode == '" + fund + "' && it.kind == 'COFIN' }.amount", euro("6000.00"))
                        .body("find { it.fundCode == '" + fund + "' && it.kind == 'COFIN' }.revision", equalTo(3))
                        .body("find { it.fundCode == '" + fund + "' && it.kind == 'Fin_base' }.amount", euro("33408.21")));
    }

    @Test
    void anotherMunicipalityIsRefused() {
        given().auth().oauth2(tokens.operator("072006")).get("/municipalities/" + PULSANO + "/budget-sources")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(tokens.citizen("RSSMRA80A01A662A")).get("/municipalities/" + PULSANO + "/budget-sources")
                .then().statusCode(403);
        given().auth().oauth2(tokens.regionOfficer()).get("/municipalities/" + PULSANO + "/budget-sources")
                .then().statusCode(200);
    }
}
