package org.fondicasa.reporting.dashboard;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.fondicasa.testing.KafkaTestClient;
import org.fondicasa.testing.Money;
import org.fondicasa.testing.TokenFactory;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.fondicasa.testing.Money.euro;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.fondicasa.reporting.fixtures.FundCreatedBuilder.aFundCreated;

/** The dashboard read model, its live stream and its Kafka topic: aggregates only, for the dashboard role. */
@QuarkusTest
class DashboardTest {

    static {
        Money.exactJsonNumbers();
    }

    @TestHTTPResource("/dashboard/stream")
    URL stream;

    private final KafkaTestClient kafka = KafkaTestClient.fromConfig();
    private final TokenFactory tokens = TokenFactory.fromConfig();

    private void send(String topic, String type, String key, String subject, String data) {
        kafka.send(topic, key, KafkaTestClient.envelope(UUID.randomUUID().toString(), type,
                topic.startsWith("allocation") ? "/allocation-service" : "/application-service", subject, data));
    }

    @Test
    void aFundDashboardCountsCallsApplicationsAndMoneyPerProvinceAndStreamsItsChanges() throws Exception {
        String fund = "DSH-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        // the live stream first, as a dashboard would hold it open
        CompletableFuture<String> firstUpdate = HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(stream.toURI())
                        .header("Authorization", "Bearer " + tokens.dashboard()).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines()).thenApply(r -> r.body().filter(l -> l.startsWith("data:") && l.contains(fund))
                .findFirst().orElse(""));

        send("allocation.events", "FundCreated", fund, null, aFundCreated(fund).withAmount("10000.00").data());
        String call = UUID.randomUUID().toString();
        for (String[] m : new String[][]{{"072006", "6000.00"}, {"073022", "3000.00"}}) {
            send("allocation.events", "SplitPublished", m[0], m[0], """
                    {"fundCode": "%s", "istatCode": "%s", "share": "%s", "legalAct": "DGR 1724/2020", "runId": "%s", "source": "published"}"""
                    .formatted(fund, m[0], m[1], UUID.randomUUID()));
        }
        send("application.events", "CallOpened", "072006", "072006", """
                {"callId": "%s", "kind": "RENT_EMERGENCY", "istatCode": "072006", "fundCode": "%s", "legalAct": "DGR 1724/2020",
                 "title": "Fin_a Bari", "opensAt": "2020-11-01T09:00:00+01:00", "closesAt": "2099-01-01T12:00:00+01:00", "budget": "4000.00"}"""
                .formatted(call, fund));
        for (int i = 1; i <= 3; i++) {
            String head = "\"callId\": \"%s\", \"kind\": \"RENT_EMERGENCY\", \"istatCode\": \"072006\", \"fundCode\": \"%s\", \"protocolNumber\": \"2026-000000090%d\""
                    .formatted(call, fund, i);
            send("application.events", "ApplicationReceived", "072006", "072006", """
                    {%s, "receivedAt": "2020-11-02T09:00:0%dZ", "placeInLine": %d, "assisted": false}""".formatted(head, i, i));
            send("application.events", "ApplicationAssessed", "072006", "072006", """
                    {%s, "eligible": %s, "status": "PENDING", "householdSize": 2, "dependentChildren": 0, "need": "1000.00", "failedRules": []}"""
                    .formatted(head, i < 3));
        }
        send("application.events", "ContributionGranted", "072006", "072006", """
                {"callId": "%s", "kind": "RENT_EMERGENCY", "istatCode": "072006", "fundCode": "%s", "protocolNumber": "2026-0000000901",
                 "amount": "1000.00", "total": "1000.00", "need": "1000.00", "partial": false, "explanation": "first come"}""".formatted(call, fund));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(tokens.dashboard())
                .get("/dashboard/funds/" + fund).then().statusCode(200)
                .body("municipalities", equalTo(2)).body("callsOpen", equalTo(1)).body("applications", equalTo(3))
                .body("eligible", equalTo(2)).body("granted", euro("1000.00")).body("share", euro("9000.00"))
                .body("residual", euro("1000.00")).body("provinces", hasSize(2))
                .body("provinces.find { it.province == 'Bari' }.granted", euro("1000.00")));
        given().auth().oauth2(tokens.dashboard()).get("/dashboard/funds/" + fund + "/municipalities").then().statusCode(200)
                .body("find { it.istatCode == '073022' }.share", euro("3000.00"))
                .body("find { it.istatCode == '072006' }.granted", euro("1000.00"));
        String update = firstUpdate.get(30, TimeUnit.SECONDS);
        assertThat(update).contains("\"fundCode\":\"" + fund + "\"");
        var aggregates = kafka.await("dashboard.aggregates", r -> r.value().contains(fund) && r.value().contains("\"applications\":3"),
                1, Duration.ofSeconds(30));
        assertThat(aggregates.get(0).value()).contains("DashboardFundUpdated").doesNotContain("2026-000000090");

        // the dashboard role reads these and nothing else; operators and citizens do not read the dashboards
        given().auth().oauth2(tokens.dashboard()).get("/funds/" + fund + "/ledger").then().statusCode(403);
        given().auth().oauth2(tokens.operator("072006")).get("/dashboard/funds/" + fund).then().statusCode(403);
        given().auth().oauth2(tokens.citizen("RSSMRA80A01A662A")).get("/dashboard/funds").then().statusCode(403);
    }
}
