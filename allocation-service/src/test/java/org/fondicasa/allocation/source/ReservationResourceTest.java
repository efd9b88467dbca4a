package org.fondicasa.allocation.source;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.fondicasa.testing.Money;
import org.fondicasa.testing.TokenFactory;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.fondicasa.allocation.fixtures.FundBuilder.aFund;
import static org.fondicasa.testing.Money.euro;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** Calls reserve a source's money once, never beyond what it has, and only their own municipality's. */
@QuarkusTest
class ReservationResourceTest {

    static {
        Money.exactJsonNumbers();
    }

    static final String BARI = "072006";
    static final String BISCEGLIE = "110003";

    private final TokenFactory tokens = TokenFactory.fromConfig();

    /** Bari's FINCOVID-like fund: share € 3.000,00 split Fin_a 1.000, Fin_b 1.500, Fin_c 500. */
    private String bariFund() {
        String code = "RSV-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        given().auth().oauth2(tokens.regionOfficer()).contentType(ContentType.JSON).body(aFund(code).withAmount("3000.00").json())
                .post("/funds").then().statusCode(201);
        given().auth().oauth2(tokens.regionOfficer()).contentType("text/csv").body("istat_code,share\n072006,3000.00\n")
                .post("/funds/" + code + "/publication/import?source=test act").then().statusCode(201);
        given().auth().oauth2(tokens.operator(BARI)).contentType(ContentType.JSON)
                .body("{\"finA\": 1000.00, \"finB\": 1500.00, \"finC\": 500.00}")
                .put("/funds/" + code + "/municipalities/" + BARI + "/quota").then().statusCode(200);
        return code;
    }

    private ValidatableResponse reserve(String fund, String token, UUID call, String lines) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"callId\": \"%s\", \"legalAct\": \"DD 12/2020\", \"lines\": %s}".formatted(call, lines))
                .post("/funds/" + fund + "/municipalities/" + BARI + "/reservations").then();
    }

    private ValidatableResponse finA(String fund) {
        return given().auth().oauth2(tokens.operator(BARI)).get("/funds/" + fund + "/municipalities/" + BARI + "/balance")
                .then().statusCode(200).body("balanced", equalTo(true)).rootPath("sources.find { it.source == 'Fin_a' }");
    }

    @Test
    void aCallReservesFinAOnceAndASecondCallFindsNothingLeft() {
        String fund = bariFund();
        UUID first = UUID.randomUUID();
        reserve(fund, tokens.operator(BARI), first, "[{\"source\": \"Fin_a\"}]").statusCode(201)
                .body("state", equalTo("HELD")).body("total", euro("1000.00")).body("lines", hasSize(1))
                .body("lines[0].amount", euro("1000.00"));
        // the same call asking again gets the reservation it has, not a second one
        reserve(fund, tokens.operator(BARI), first, "[{\"source\": \"Fin_a\"}]").statusCode(200).body("total", euro("1000.00"));
        finA(fund).body("reserved", euro("1000.00")).body("available", euro("0.00"));

        reserve(fund, tokens.operator(BARI), UUID.randomUUID(), "[{\"source\": \"Fin_a\"}]").statusCode(409)
                .contentType("application/problem+json").body("type", containsString("insufficient-funds"))
                .body("detail", containsString("Fin_a")).body("detail", containsString("€ 0,00"));
        finA(fund).body("reserved", euro("1000.00")).body("available", euro("0.00"));
    }

    @Test
    void aPartialReservationLeavesTheRestForAnotherCallAndATopUpBeyondItIsRefused() {
        String fund = bariFund();
        UUID first = UUID.randomUUID();
        reserve(fund, tokens.operator(BARI), first, "[{\"source\": \"Fin_a\", \"amount\": \"600.00\"}]").statusCode(201);
        given().auth().oauth2(tokens.operator(BARI)).contentType(ContentType.JSON)
                .body("{\"topUpId\": \"%s\", \"source\": \"Fin_a\", \"amount\": \"400.01\", \"legalRef\": \"DD 14/2020\"}"
                        .formatted(UUID.randomUUID()))
                .post("/funds/" + fund + "/municipalities/" + BARI + "/reservations/" + first + "/top-ups").then().statusCode(409)
                .body("detail", containsString("€ 400,00"));
        reserve(fund, tokens.operator(BARI), UUID.randomUUID(), "[{\"source\": \"Fin_a\"}]").statusCode(201)
                .body("total", euro("400.00"));
        finA(fund).body("reserved", euro("1000.00")).body("available", euro("0.00"));
    }

    @Test
    void aReservationWhoseCallNeverOpenedGivesItsMoneyBack() {
        String fund = bariFund();
        UUID call = UUID.randomUUID();
        reserve(fund, tokens.operator(BARI), call, "[{\"source\": \"Fin_a\", \"amount\": \"250.00\"}]").statusCode(201);
        given().auth().oauth2(tokens.operator(BARI)).delete("/funds/" + fund + "/municipalities/" + BARI + "/reservations/" + call)
                .then().statusCode(204);
        finA(fund).body("reserved", euro("0.00")).body("available", euro("1000.00"));
    }

    @Test
    void aQuotaRevisionBelowWhatCallsHoldIsRefused() {
        String fund = bariFund();
        reserve(fund, tokens.operator(BARI), UUID.randomUUID(), "[{\"source\": \"Fin_a\", \"amount\": \"800.00\"}]").statusCode(201);
        given().auth().oauth2(tokens.operator(BARI)).contentType(ContentType.JSON)
                .body("{\"finA\": 700.00, \"finB\": 1800.00, \"finC\": 500.00}")
                .put("/funds/" + fund + "/municipalities/" + BARI + "/quota").then().statusCode(409)
                .body("type", containsString("source-in-use"));
        finA(fund).body("allocated", euro("1000.00"));
    }

    @Test
    void anotherMunicipalityACitizenAndNoTokenAreRefusedOnEveryReservationEndpoint() {
        String fund = bariFund();
        UUID call = UUID.randomUUID();
        reserve(fund, tokens.operator(BARI), call, "[{\"source\": \"Fin_a\", \"amount\": \"100.00\"}]").statusCode(201);
        String base = "/funds/" + fund + "/municipalities/" + BARI;
        for (String token : new String[] {tokens.operator(BISCEGLIE), tokens.citizen("RSSMRA80A01A662A")}) {
            reserve(fund, token, UUID.randomUUID(), "[{\"source\": \"Fin_a\"}]").statusCode(403);
            given().auth().oauth2(token).get(base + "/reservations/" + call).then().statusCode(403);
            given().auth().oauth2(token).delete(base + "/reservations/" + call).then().statusCode(403);
            given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body("{\"topUpId\": \"%s\", \"source\": \"Fin_a\", \"amount\": \"1.00\", \"legalRef\": \"x\"}".formatted(UUID.randomUUID()))
                    .post(base + "/reservations/" + call + "/top-ups").then().statusCode(403);
            given().auth().oauth2(token).get(base + "/balance").then().statusCode(403);
        }
        given().contentType(ContentType.JSON).body("{}").post(base + "/reservations").then().statusCode(401);
        given().get(base + "/balance").then().statusCode(401);
        finA(fund).body("reserved", euro("100.00")).body("available", euro("900.00"));
    }

    @Test
    void theOrdinaryCallsFinCIsTheQuotaFundsFinCAndADifferentFigureIsRefusedWithBoth() {
        String quota = bariFund();
        String ordinary = "ORD-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        given().auth().oauth2(tokens.regionOfficer()).contentType(ContentType.JSON).body(aFund(ordinary).withAmount("5000.00").fedByTheQuotasOf(quota).json())
                .post("/funds").then().statusCode(201);
        given().auth().oauth2(tokens.regionOfficer()).contentType("text/csv").body("istat_code,share\n072006,5000.00\n")
                .post("/funds/" + ordinary + "/publication/import?source=test act").then().statusCode(201);
        String cofinancing = "/funds/" + ordinary + "/municipalities/" + BARI + "/cofinancing";
        given().auth().oauth2(tokens.operator(BARI)).contentType(ContentType.JSON)
                .body("{\"finC\": 450.00, \"qEmi\": 0, \"qSmine\": 0, \"cofin\": 1000.00}").put(cofinancing).then().statusCode(400)
                .body("violations[0].field", equalTo("finC")).body("violations[0].message", containsString("500.00"))
                .body("violations[0].message", containsString("450.00"));
        given().auth().oauth2(tokens.operator(BARI)).contentType(ContentType.JSON)
                .body("{\"finC\": 500.00, \"qEmi\": 0, \"qSmine\": 0, \"cofin\": 1000.00}").put(cofinancing).then().statusCode(200);

        given().auth().oauth2(tokens.operator(BARI)).contentType(ContentType.JSON)
                .body("{\"callId\": \"%s\", \"legalAct\": \"DD 30/2020\", \"lines\": [{\"source\": \"Fin_base\"}, {\"source\": \"Fin_c\"}]}"
                        .formatted(UUID.randomUUID()))
                .post("/funds/" + ordinary + "/municipalities/" + BARI + "/reservations").then().statusCode(201)
                .body("lines[1].fundCode", equalTo(quota)).body("lines[1].amount", euro("500.00"))
                .body("lines[0].amount", euro("5000.00"));
        given().auth().oauth2(tokens.operator(BARI)).get("/funds/" + quota + "/municipalities/" + BARI + "/balance").then()
                .statusCode(200).body("sources.find { it.source == 'Fin_c' }.reserved", euro("500.00"))
                .body("sources.find { it.source == 'Fin_c' }.available", euro("0.00"));
    }
}
