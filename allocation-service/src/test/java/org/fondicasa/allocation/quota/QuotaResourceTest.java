package org.fondicasa.allocation.quota;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.fondicasa.testing.Money;
import org.fondicasa.testing.TokenFactory;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.fondicasa.testing.Money.euro;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.fondicasa.allocation.fixtures.FundBuilder.aFund;

@QuarkusTest
class QuotaResourceTest {

    static {
        Money.exactJsonNumbers();
    }

    static final String BARI = "072006";
    static final String BISCEGLIE = "110003";

    private final TokenFactory tokens = TokenFactory.fromConfig();

    /** A fund with Bari € 1.000,00 and Bisceglie € 500,00 published, and the given quota deadline. */
    private String fund(String quotaDeadline) {
        String code = "QUO-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        given().auth().oauth2(tokens.regionOfficer()).contentType(ContentType.JSON)
                .body(aFund(code).withAmount("1500.00").withQuotaDeadline(quotaDeadline).json())
                .post("/funds").then().statusCode(201);
        given().auth().oauth2(tokens.regionOfficer()).contentType("text/csv").body("istat_code,share\n072006,1000.00\n110003,500.00\n")
                .post("/funds/" + code + "/publication/import?source=test act").then().statusCode(201);
        return code;
    }

    private io.restassured.response.ValidatableResponse declare(String fund, String istat, String token, String json) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(json)
                .put("/funds/" + fund + "/municipalities/" + istat + "/quota").then();
    }

    @Test
    void anOperatorDeclaresAndRevisesBeforeTheDeadline() {
        String fund = fund("2099-12-31T23:59:59");
        declare(fund, BARI, tokens.operator(BARI), "{\"finA\": 600.00, \"finB\": 300.00, \"finC\": 100.00}")
                .statusCode(200).body("revision", equalTo(1)).body("share", euro("1000.00"));
        declare(fund, BARI, tokens.operator(BARI), "{\"finA\": 500.00, \"finB\": 0.01, \"finC\": 499.99}")
                .statusCode(200).body("revision", equalTo(2));
        given().auth().oauth2(tokens.regionOfficer()).get("/funds/" + fund + "/municipalities/" + BARI + "/quota/history")
                .then().statusCode(200).body("revision", contains(1, 2)).body("finA", contains(euro("600.00"), euro("500.00")));
        given().auth().oauth2(tokens.regionOfficer()).get("/funds/" + fund + "/quotas").then().statusCode(200)
                .body("declared", equalTo(1)).body("pending", equalTo(1)).body("late", equalTo(0))
                .body("totalFinA", euro("500.00")).body("totalShare", euro("1500.00"));
    }

    @Test
    void sumsThatDoNotMatchAndNothingForTheAgenciesAreRefused() {
        String fund = fund("2099-12-31T23:59:59");
        declare(fund, BARI, tokens.operator(BARI), "{\"finA\": 600.00, \"finB\": 0.00, \"finC\": 100.00}")
                .statusCode(400).contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("finB", "$"))
                .body("violations.find { it.field == '$' }.message", containsString("short by € 300,00"));
        declare(fund, BARI, tokens.operator(BARI), "{\"finA\": -1.00, \"finB\": 1.00, \"finC\": 1000.00}")
                .statusCode(400).body("violations.field", contains("finA"));
        declare(fund, BARI, tokens.operator(BARI), "{\"finA\": 1.001, \"finB\": 1.00, \"finC\": 1000.00}")
                .statusCode(400).body("violations.field", contains("finA"));
        given().auth().oauth2(tokens.operator(BARI)).get("/funds/" + fund + "/municipalities/" + BARI + "/quota")
                .then().statusCode(404);
    }

    @Test
    void anotherMunicipalitysQuotaIsOutOfReach() {
        String fund = fund("2099-12-31T23:59:59");
        declare(fund, BISCEGLIE, tokens.operator(BARI), "{\"finA\": 100.00, \"finB\": 100.00, \"finC\": 300.00}").statusCode(403);
        declare(fund, BISCEGLIE, tokens.operator(BISCEGLIE), "{\"finA\": 100.00, \"finB\": 100.00, \"finC\": 300.00}").statusCode(200);
        given().auth().oauth2(tokens.operator(BARI)).get("/funds/" + fund + "/municipalities/" + BISCEGLIE + "/quota")
                .then().statusCode(403);
        given().auth().oauth2(tokens.operator(BARI)).get("/funds/" + fund + "/quotas").then().statusCode(403);
        declare(fund, BARI, tokens.regionOfficer(), "{\"finA\": 0, \"finB\": 1000.00, \"finC\": 0}").statusCode(403);
    }

    @Test
    void aMunicipalityWithoutAShareHasNothingToDeclare() {
        String fund = fund("2099-12-31T23:59:59");
        declare(fund, "073022", tokens.operator("073022"), "{\"finA\": 0, \"finB\": 1.00, \"finC\": 0}").statusCode(404);
    }

    @Test
    void afterTheDeadlineOnlyAnExtensionReopensIt() {
        String fund = fund("2020-11-15T23:59:59");
        declare(fund, BARI, tokens.operator(BARI), "{\"finA\": 600.00, \"finB\": 300.00, \"finC\": 100.00}")
                .statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:fondicasa:problem:deadline-passed"))
                .body("detail", containsString("closed on 15/11/2020 23:59:59 (Europe/Rome)"));

        given().auth().oauth2(tokens.operator(BISCEGLIE)).contentType(ContentType.JSON)
                .body("{\"deadline\": \"2099-01-31T12:00:00\", \"reason\": \"council deliberation delayed\"}")
                .put("/funds/" + fund + "/municipalities/" + BISCEGLIE + "/quota-deadline").then().statusCode(403);
        given().auth().oauth2(tokens.regionOfficer()).contentType(ContentType.JSON)
                .body("{\"deadline\": \"2099-01-31T12:00:00\", \"reason\": \"council deliberation delayed\"}")
                .put("/funds/" + fund + "/municipalities/" + BISCEGLIE + "/quota-deadline")
                .then().statusCode(200).body("deadline", equalTo("2099-01-31T12:00:00+01:00"));
        declare(fund, BISCEGLIE, tokens.operator(BISCEGLIE), "{\"finA\": 100.00, \"finB\": 100.00, \"finC\": 300.00}").statusCode(200);

        given().auth().oauth2(tokens.regionOfficer()).get("/funds/" + fund + "/quotas").then().statusCode(200)
                .body("late", equalTo(1)).body("declared", equalTo(1))
                .body("lines.find { it.istatCode == '072006' }.status", equalTo("LATE"))
                .body("lines.find { it.istatCode == '110003' }.status", equalTo("DECLARED"));
    }
}
