package org.fondicasa.application.application;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.fondicasa.application.call.CallKind;
import org.fondicasa.application.AllocationStandIn;
import org.fondicasa.application.fixtures.ApplicationFormBuilder;
import org.fondicasa.testing.KafkaTestClient;
import org.fondicasa.testing.Money;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.fondicasa.testing.Money.euro;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.fondicasa.application.fixtures.ApplicationFormBuilder.anEmergencyApplication;
import static org.fondicasa.application.fixtures.CallBuilder.aCall;

/** The COVID rent emergency call on Fin_a (DOMAIN §1.4): first come, the last grant partial, unspent Fin_a reported. */
@QuarkusTest
class RentEmergencyCallTest {

    static {
        Money.exactJsonNumbers();
    }

    static final String CASARANO = "075016";

    private final Fixtures f = new Fixtures();
    private final KafkaTestClient kafka = KafkaTestClient.fromConfig();

    private static ApplicationFormBuilder emergency(String applicant, String loss, String rent) {
        return anEmergencyApplication().by(applicant).withIncomeLoss(loss).withMonthsOfRent(rent, rent, rent);
    }

    private ValidatableResponse apply(UUID call, String applicant, ApplicationFormBuilder form) {
        return given().auth().oauth2(f.tokens.citizen(applicant)).contentType(ContentType.JSON).body(form.json())
                .post("/calls/" + call + "/applications").then();
    }

    private void status(String protocol, String expected) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(f.tokens.operator(CASARANO))
                .get("/applications/" + protocol).then().statusCode(200).body("status", equalTo(expected)));
    }

    @Test
    void finACallFundsInOrderCompletesThePartialGrantWhenMoneyReturnsAndReportsUnspentFinA() {
        String fund = "COV-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        AllocationStandIn.holds(fund, CASARANO, "Fin_a", "2500.00");
        ObjectNode body = aCall(CallKind.RENT_EMERGENCY).inMunicipality(CASARANO)
                .openBetween(Fixtures.romeIn(-60), Fixtures.romeIn(15)).fundedBy(fund, "Fin_a").build();
        UUID call = f.create(f.tokens.operator(CASARANO), body);

        String first = Fixtures.fiscalCode(401);
        String second = Fixtures.fiscalCode(402);
        String third = Fixtures.fiscalCode(403);
        String p1 = apply(call, first, emergency(first, "45.5", "450.00")).statusCode(201).extract().path("protocolNumber");
        String p2 = apply(call, second, emergency(second, "30", "400.00")).statusCode(201).extract().path("protocolNumber");
        String p3 = apply(call, third, emergency(third, "60", "300.00")).statusCode(201).extract().path("protocolNumber");
        String noLoss = Fixtures.fiscalCode(404);
        apply(call, noLoss, emergency(noLoss, "20", "300.00")).statusCode(201).body("status", equalTo("NOT_ELIGIBLE"));
        String rdc = Fixtures.fiscalCode(405);
        apply(call, rdc, emergency(rdc, "50", "300.00").declaring("CITIZEN_INCOME_RENT_QUOTA"))
                .statusCode(201).body("status", equalTo("NOT_ELIGIBLE"));

        status(p1, "GRANTED");      // 1.350 capped at 1.000
        status(p2, "GRANTED");      // 1.000
        status(p3, "PARTIALLY_GRANTED"); // 500 of 900
        given().auth().oauth2(f.tokens.operator(CASARANO)).get("/applications/" + p3).then()
                .body("award.amount", euro("500.00")).body("award.explanation", containsString("less than the need"));
        // a partial grant is paid at closing, when no more money can return
        given().auth().oauth2(f.tokens.operator(CASARANO)).contentType(ContentType.JSON).body("{\"paymentReference\": \"M1\"}")
                .post("/applications/" + p3 + "/payment").then().statusCode(409);

        // the second applicant withdraws: the partial grant is completed, 600 stay unspent
        given().auth().oauth2(f.tokens.citizen(second)).post("/applications/" + p2 + "/withdrawal").then().statusCode(200)
                .body("status", equalTo("WITHDRAWN"));
        given().auth().oauth2(f.tokens.citizen(first)).post("/applications/" + p2 + "/withdrawal").then().statusCode(404);
        status(p3, "GRANTED");

        Fixtures.moveClockPast(body.get("closesAt").asText());
        given().auth().oauth2(f.tokens.operator(CASARANO)).post("/calls/" + call + "/closure").then().statusCode(200)
                .body("unspent", euro("600.00"));
        kafka.await("application.events", r -> r.value().contains("\"CallClosed\"") && r.value().contains(call.toString())
                && r.value().contains("\"budgetSource\":\"Fin_a\"") && r.value().contains("\"fundCode\":\"" + fund + "\""),
                1, Duration.ofSeconds(30));
        given().auth().oauth2(f.tokens.operator(CASARANO)).contentType(ContentType.JSON).body("{\"paymentReference\": \"M2\"}")
                .post("/applications/" + p1 + "/payment").then().statusCode(200).body("award.paid", euro("1000.00"));
    }
}
