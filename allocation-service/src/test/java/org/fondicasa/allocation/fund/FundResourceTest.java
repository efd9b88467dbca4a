package org.fondicasa.allocation.fund;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.fondicasa.testing.Money;
import org.fondicasa.testing.TokenFactory;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.fondicasa.testing.Money.decimal;
import static org.fondicasa.testing.Money.euro;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.fondicasa.allocation.fixtures.FundBuilder.aFund;

@QuarkusTest
class FundResourceTest {

    static {
        Money.exactJsonNumbers();
    }

    private final TokenFactory tokens = TokenFactory.fromConfig();

    static String newCode() {
        return "FUND-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    static String fundJson(String code) {
        return aFund(code).titled("FINCOVID: rent support, DM 343/2020").withAmount("8357151.20").json();
    }

    @Test
    void regionOfficerCreatesAFund() {
        String code = newCode();
        given().auth().oauth2(tokens.regionOfficer()).contentType(ContentType.JSON).body(fundJson(code))
                .post("/funds")
                .then().statusCode(201)
                .header("Location", containsString("/funds/" + code))
                .body("amount", euro("8357151.20"))
                .body("legalAct", equalTo("DGR 1724/2020"));
        given().auth().oauth2(tokens.operator("072006")).get("/funds/" + code)
                .then().statusCode(200).body("code", equalTo(code));
        given().auth().oauth2(tokens.dashboard()).get("/funds").then().statusCode(200).body("code", hasItem(code));
    }

    @Test
    void sameCodeTwiceIsA409AndChangesNothing() {
        String code = newCode();
        given().auth().oauth2(tokens.regionOfficer()).contentType(ContentType.JSON).body(fundJson(code)).post("/funds")
                .then().statusCode(201);
        given().auth().oauth2(tokens.regionOfficer()).contentType(ContentType.JSON)
                .body(fundJson(code).replace("8357151.20", "1.00")).post("/funds")
                .then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(tokens.regionOfficer()).get("/funds/" + code).then().body("amount", euro("8357151.20"));
    }

    @Test
    void everyInvalidFieldIsListedInOneProblem() {
        given().auth().oauth2(tokens.regionOfficer()).contentType(ContentType.JSON)
                .body("""
                        {"code": "lower case", "title": "", "legalAct": "DGR 1/2020", "year": 1999, "amount": 10.005}""")
                .post("/funds")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:fondicasa:problem:validation"))
                .body("violations.field", containsInAnyOrder("amount", "bonusReserve", "code", "minimumShare", "title", "year"))
                .body("detail", not(containsString("Exception")));
    }

    @Test
    void missingBodyIsA400() {
        given().auth().oauth2(tokens.regionOfficer()).contentType(ContentType.JSON).post("/funds")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void malformedJsonIsA400WithTheLocation() {
        given().auth().oauth2(tokens.regionOfficer()).contentType(ContentType.JSON).body("{\"code\": \"X\",")
                .post("/funds")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].message", containsString("malformed JSON at line 1"));
    }

    @Test
    void unknownFieldIsA400NamingIt() {
        given().auth().oauth2(tokens.regionOfficer()).contentType(ContentType.JSON)
                .body(fundJson(newCode()).replace("\"year\"", "\"anno\": 2020, \"year\""))
                .post("/funds")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("$.anno"))
                .body("violations[0].message", containsString("unknown field 'anno'"));
    }

    @Test
    void wrongTypeIsA400SayingWhatWasExpected() {
        given().auth().oauth2(tokens.regionOfficer()).contentType(ContentType.JSON)
                .body(fundJson(newCode()).replace("8357151.20", "\"otto milioni\""))
                .post("/funds")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("$.amount"))
                .body("violations[0].message", equalTo("cannot read \"otto milioni\" as a number"));
    }

    @Test
    void onlyTheRegionCreatesFunds() {
        for (String token : new String[]{tokens.operator("072006"), tokens.citizen("RSSMRA80A01A662A"), tokens.dashboard(),
                tokens.deskOperator("072006")}) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(fundJson(newCode())).post("/funds")
                    .then().statusCode(403).contentType("application/problem+json");
        }
        given().contentType(ContentType.JSON).body(fundJson(newCode())).post("/funds").then().statusCode(401);
    }

    @Test
    void citizensDoNotReadFunds() {
        given().auth().oauth2(tokens.citizen("RSSMRA80A01A662A")).get("/funds").then().statusCode(403);
    }

    @Test
    void unknownFundIsA404() {
        given().auth().oauth2(tokens.regionOfficer()).get("/funds/NOPE-404").then().statusCode(404)
                .body("detail", equalTo("No fund has code NOPE-404"));
    }

    @Test
    void unknownPathsAndMethodsAreProblemsToo() {
        given().auth().oauth2(tokens.regionOfficer()).get("/no-such-thing")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(tokens.regionOfficer()).delete("/funds")
                .then().statusCode(405).contentType("application/problem+json");
        given().auth().oauth2(tokens.regionOfficer()).contentType(ContentType.TEXT).body("code=X").post("/funds")
                .then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void aFundCarriesItsRulesWithDefaultsFromTheActAndDeadlinesInRomeTime() {
        String code = newCode();
        given().auth().oauth2(tokens.regionOfficer()).contentType(ContentType.JSON)
                .body(aFund(code).withBonusReserve("100.00").withMinimumShare("5.00").withQuotaDeadline("2020-11-15T23:59:59").json())
                .post("/funds").then().statusCode(201)
                .body("bonusReserve", euro("100.00"))
                .body("cofinancingThreshold", decimal("0.20"))
                .body("penaltyRate", decimal("0.10"))
                .body("penaltyDestination", equalTo("REDISTRIBUTE"))
                .body("quotaDeadline", equalTo("2020-11-15T23:59:59+01:00"))
                .body("published", equalTo(false));
    }

    @Test
    void rulesThatContradictTheAmountAreRefused() {
        given().auth().oauth2(tokens.regionOfficer()).contentType(ContentType.JSON)
                .body(aFund(newCode()).underAct("DGR 1/2020").withAmount("100.00").withBonusReserve("100.01").withMinimumShare("200.00")
                        .after("NOPE-0").json())
                .post("/funds").then().statusCode(400)
                .body("violations.field", containsInAnyOrder("bonusReserve", "minimumShare", "previousFund"));
    }
}
