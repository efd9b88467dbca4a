package org.fondicasa.application.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.fondicasa.application.application.Fixtures;
import org.fondicasa.application.call.CallKind;
import org.fondicasa.platform.events.EventSchemas;
import org.fondicasa.testing.KafkaTestClient;
import org.fondicasa.testing.Money;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.fondicasa.testing.Money.euro;

/** What application-service puts on Kafka: every event valid against its schema, with no personal data. */
@QuarkusTest
class ApplicationEventsContractTest {

    static {
        Money.exactJsonNumbers();
    }

    private final Fixtures f = new Fixtures();
    private final KafkaTestClient kafka = KafkaTestClient.fromConfig();
    private final ObjectMapper mapper = new ObjectMapper();

    private String apply(UUID call, String applicant, String amount) {
        return given().auth().oauth2(f.tokens.citizen(applicant)).contentType(ContentType.JSON).body("""
                        {"household": [{"fiscalCode": "%s", "role": "APPLICANT"}], "isee": "9000.00",
                         "residentInPugliaSince": "2001-09-01", "declarations": {"VULNERABILITY_INCOME_CUT": true},
                         "requestedAmount": "%s", "iban": "%s", "documents": []}""".formatted(applicant, amount, Fixtures.IBAN))
                .post("/calls/" + call + "/applications").then().statusCode(201).extract().path("protocolNumber");
    }

    @Test
    void aTopUpMovesTheWaitingListAndEveryEventMatchesItsSchema() throws Exception {
        UUID call = f.create(f.tokens.regionOfficer(), Fixtures.call(CallKind.SOCIAL_MICROCREDIT, null, -60, 3600, "1000.00", c -> { }));
        String first = Fixtures.fiscalCode(601);
        String second = Fixtures.fiscalCode(602);
        apply(call, first, "800.00");
        String waiting = apply(call, second, "800.00");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(f.tokens.regionOfficer())
                .get("/applications/" + waiting).then().body("status", org.hamcrest.Matchers.equalTo("WAITING")));
        given().auth().oauth2(f.tokens.regionOfficer()).contentType(ContentType.JSON)
                .body("{\"source\": \"REGIONAL\", \"amount\": \"600.00\", \"legalRef\": \"DGR integrazione risorse 2026\"}")
                .post("/calls/" + call + "/budget/top-ups").then().statusCode(200).body("budget", euro("1600.00"));

        List<ConsumerRecord<String, String>> ours = kafka.await("application.events", r -> r.value().contains(call.toString()),
                8, Duration.ofSeconds(30));
        EventSchemas schemas = new EventSchemas();
        for (ConsumerRecord<String, String> record : ours) {
            JsonNode event = mapper.readTree(record.value());
            assertThat(schemas.validate(event)).as(record.value()).isEmpty();
            assertThat(record.key()).isEqualTo(call.toString()); // a regional call's events stay in order on one key
            assertThat(record.value()).doesNotContain(first).doesNotContain(second).doesNotContain("IT60X");
        }
        assertThat(ours.stream().map(r -> r.value().replaceAll(".*\"type\":\"([A-Za-z]+)\".*", "$1")).toList())
                .contains("CallOpened", "ApplicationReceived", "ApplicationAssessed", "ContributionGranted", "CallBudgetIncreased");
        assertThat(ours.stream().filter(r -> r.value().contains("\"ContributionGranted\"")).count()).isEqualTo(2);
        // the business counters operations watch
        given().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("fondicasa_applications_accepted_total{kind=\"SOCIAL_MICROCREDIT\",status=\"PENDING\"}"))
                .body(org.hamcrest.Matchers.containsString("fondicasa_money_granted_euro_total{fund=\"none\",kind=\"SOCIAL_MICROCREDIT\"}"));
    }
}
