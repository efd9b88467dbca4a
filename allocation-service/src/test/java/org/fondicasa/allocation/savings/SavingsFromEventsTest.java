package org.fondicasa.allocation.savings;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.fondicasa.testing.KafkaTestClient;
import org.fondicasa.testing.Money;
import org.fondicasa.testing.TokenFactory;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.fondicasa.testing.Money.euro;
import static org.hamcrest.Matchers.equalTo;
import static org.fondicasa.allocation.fixtures.FundBuilder.aFund;

/** Closed calls and missing reports, as the other services will announce them over Kafka, move the money once. */
@QuarkusTest
class SavingsFromEventsTest {

    static {
        Money.exactJsonNumbers();
    }

    static final String BARI = "072006";

    private final TokenFactory tokens = TokenFactory.fromConfig();
    private final KafkaTestClient kafka = KafkaTestClient.fromConfig();

    private String fundWithBariQuotas() {
        String fund = "SAV-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        given().auth().oauth2(tokens.regionOfficer()).contentType(ContentType.JSON)
                .body(aFund(fund).json())
                .post("/funds").then().statusCode(201);
        given().auth().oauth2(tokens.regionOfficer()).contentType("text/csv").body("istat_code,share\n072006,1000.00\n")
                .post("/funds/" + fund + "/publication/import?source=DGR 1724/2020, Annex A").then().statusCode(201);
        given().auth().oauth2(tokens.operator(BARI)).contentType(ContentType.JSON)
                .body("{\"finA\": 600.00, \"finB\": 300.00, \"finC\": 100.00}")
                .put("/funds/" + fund + "/municipalities/" + BARI + "/quota").then().statusCode(200);
        return fund;
    }

    private io.restassured.response.ValidatableResponse balance(String fund) {
        return given().auth().oauth2(tokens.operator(BARI)).get("/funds/" + fund + "/municipalities/" + BARI + "/balance").then();
    }

    @Test
    void unspentFinAGoesToFinBOnceAndAMissingReportSendsTheRestToTheAgencies() {
        String fund = fundWithBariQuotas();
        String closed = KafkaTestClient.envelope(UUID.randomUUID().toString(), "CallClosed", "/application-service", BARI, """
                {"callId": "FINA-BARI-2020", "fundCode": "%s", "istatCode": "072006", "budgetSource": "Fin_a",
                 "unspent": "150.00", "legalAct": "DGR 1724/2020"}""".formatted(fund));
        kafka.send("application.events", BARI, closed);
        kafka.send("application.events", BARI, closed);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> balance(fund).statusCode(200)
                .body("finA", euro("450.00")).body("finB", euro("450.00")).body("movedToFinB", euro("150.00")));

        kafka.send("reporting.events", BARI, KafkaTestClient.envelope(UUID.randomUUID().toString(), "ReportMissing",
                "/reporting-service", BARI, """
                        {"fundCode": "%s", "istatCode": "072006", "budgetSource": "Fin_a", "available": "450.00",
                         "deadline": "31/01/2021 23:59:59 (Europe/Rome)"}""".formatted(fund)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> balance(fund).statusCode(200)
                .body("finA", euro("0.00")).body("movedToHousingAgencies", euro("450.00"))
                .body("movedToFinB", euro("150.00")).body("balanced", equalTo(true)));

        given().auth().oauth2(tokens.regionOfficer()).get("/funds/" + fund + "/savings").then().statusCode(200)
                .body("destination", org.hamcrest.Matchers.contains("FIN_B", "HOUSING_AGENCIES"));
        var moved = kafka.await("allocation.events", r -> r.value().contains("SavingsMoved") && r.value().contains(fund), 2,
                Duration.ofSeconds(30));
        assertThat(moved).allSatisfy(r -> assertThat(r.key()).isEqualTo(BARI));
    }

    @Test
    void movingMoreThanIsLeftIsDeadLetteredWithTheReason() {
        String fund = fundWithBariQuotas();
        String id = UUID.randomUUID().toString();
        kafka.send("application.events", BARI, KafkaTestClient.envelope(id, "CallClosed", "/application-service", BARI, """
                {"callId": "X", "fundCode": "%s", "istatCode": "072006", "budgetSource": "Fin_a", "unspent": "600.01"}"""
                .formatted(fund)));
        var dead = kafka.await("application.events.dlq", r -> r.value().contains(id), 1, Duration.ofSeconds(30));
        assertThat(new String(dead.get(0).headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                .contains("would move 600.01 of Fin_a but only 600.00 is left");
        balance(fund).body("finA", euro("600.00")).body("balanced", equalTo(true));
    }

    @Test
    void anotherMunicipalitysBalanceIsRefused() {
        String fund = fundWithBariQuotas();
        given().auth().oauth2(tokens.operator("110003")).get("/funds/" + fund + "/municipalities/" + BARI + "/balance")
                .then().statusCode(403);
        given().auth().oauth2(tokens.operator(BARI)).get("/funds/" + fund + "/savings").then().statusCode(403);
    }
}
