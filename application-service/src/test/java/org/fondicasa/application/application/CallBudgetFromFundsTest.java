package org.fondicasa.application.application;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.fondicasa.application.AllocationStandIn;
import org.fondicasa.application.call.CallKind;
import org.fondicasa.testing.KafkaTestClient;
import org.fondicasa.testing.Money;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.fondicasa.application.fixtures.CallBuilder.aCall;
import static org.fondicasa.testing.Money.euro;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** A call's money of a fund is reserved from its owner when the call opens; a refusal stops the call and stores nothing. */
@QuarkusTest
class CallBudgetFromFundsTest {

    static {
        Money.exactJsonNumbers();
    }

    static final String CASARANO = "075016";

    private final Fixtures f = new Fixtures();
    private final KafkaTestClient kafka = KafkaTestClient.fromConfig();

    private static String aFundCode() {
        return "RES-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    }

    @Test
    void aSecondCallOnFinAAlreadyReservedIsRefusedNamingTheSourceAndNothingIsStored() {
        String fund = aFundCode();
        AllocationStandIn.holds(fund, CASARANO, "Fin_a", "1000.00");
        ObjectNode first = aCall(CallKind.RENT_EMERGENCY).inMunicipality(CASARANO)
                .openBetween(Fixtures.romeIn(-60), Fixtures.romeIn(15)).fundedBy(fund, "Fin_a").build();
        UUID call = f.create(f.tokens.operator(CASARANO), first);
        given().auth().oauth2(f.tokens.operator(CASARANO)).get("/calls/" + call + "/funding").then().statusCode(200)
                .body("budget", euro("1000.00"));

        ObjectNode second = aCall(CallKind.RENT_EMERGENCY).inMunicipality(CASARANO).titled("Second call on the same Fin_a")
                .openBetween(Fixtures.romeIn(-60), Fixtures.romeIn(15)).fundedBy(fund, "Fin_a").build();
        given().auth().oauth2(f.tokens.operator(CASARANO)).contentType(ContentType.JSON).body(second.toString()).post("/calls")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("Fin_a")).body("detail", containsString("0.00 available"));
        given().auth().oauth2(f.tokens.operator(CASARANO)).get("/calls?istatCode=" + CASARANO).then().statusCode(200)
                .body("findAll { it.title == 'Second call on the same Fin_a' }", hasSize(0));
    }

    @Test
    void aFundSourceNeedsTheCallsFundAndMunicipality() {
        ObjectNode body = aCall(CallKind.SOCIAL_MICROCREDIT).openBetween(Fixtures.romeIn(-60), Fixtures.romeIn(15))
                .fundedBy(aFundCode(), "Fin_a").build();
        body.putNull("istatCode");
        given().auth().oauth2(f.tokens.regionOfficer()).contentType(ContentType.JSON).body(body.toString()).post("/calls")
                .then().statusCode(400).body("violations.field", org.hamcrest.Matchers.hasItem("budget[0].source"));
    }

    @Test
    void aCallWithNothingCommittedClosesAndSaysSoWithTwoDecimals() {
        String fund = aFundCode();
        AllocationStandIn.holds(fund, CASARANO, "Fin_a", "750.00");
        ObjectNode body = aCall(CallKind.RENT_EMERGENCY).inMunicipality(CASARANO)
                .openBetween(Fixtures.romeIn(-60), Fixtures.romeIn(15)).fundedBy(fund, "Fin_a").build();
        UUID call = f.create(f.tokens.operator(CASARANO), body);
        Fixtures.moveClockPast(body.get("closesAt").asText());
        given().auth().oauth2(f.tokens.operator(CASARANO)).post("/calls/" + call + "/closure").then().statusCode(200)
                .body("committed", euro("0.00")).body("unspent", euro("750.00"));
        kafka.await("application.events", r -> r.value().contains("\"CallClosed\"") && r.value().contains(call.toString())
                && r.value().contains("\"committed\":\"0.00\"") && r.value().contains("\"unspent\":\"750.00\""), 1, Duration.ofSeconds(30));
    }
}
