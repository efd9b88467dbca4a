package org.fondicasa.allocation.bonus;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.fondicasa.allocation.fixtures.FundBuilder;
import org.fondicasa.testing.Money;
import org.fondicasa.testing.TokenFactory;
import org.junit.jupiter.api.Test;

import java.util.UUID;
import java.util.function.UnaryOperator;

import static io.restassured.RestAssured.given;
import static org.fondicasa.testing.Money.euro;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.fondicasa.allocation.fixtures.FundBuilder.aFund;

/** COFIN → bonus → close → penalty → the next fund's split, end to end through the API. */
@QuarkusTest
class BonusAndPenaltyTest {

    static {
        Money.exactJsonNumbers();
    }

    static final String BARI = "072006";
    static final String BISCEGLIE = "110003";
    static final String CASARANO = "075016";

    private final TokenFactory tokens = TokenFactory.fromConfig();

    /** An ordinary rent fund (DD 131/2020) with the rules the test states. */
    private String newFund(UnaryOperator<FundBuilder> rules) {
        String code = "BON-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        given().auth().oauth2(tokens.regionOfficer()).contentType(ContentType.JSON)
                .body(rules.apply(aFund(code).underAct("DD 131/2020").forYear(2019)).json())
                .post("/funds").then().statusCode(201);
        return code;
    }

    private void cofin(String fund, String istat, String cofin, boolean evidence) {
        String body = evidence
                ? "{\"finC\": 0, \"qEmi\": 0, \"qSmine\": 0, \"cofin\": %s, \"deliberationNumber\": \"GC 1\", \"deliberationDate\": \"2020-11-10\", \"budgetChapter\": \"Cap. 1\"}"
                : "{\"finC\": 0, \"qEmi\": 0, \"qSmine\": 0, \"cofin\": %s}";
        given().auth().oauth2(tokens.operator(istat)).contentType(ContentType.JSON).body(body.formatted(cofin))
                .put("/funds/" + fund + "/municipalities/" + istat + "/cofinancing").then().statusCode(200);
    }

    @Test
    void theBonusRewardsCofinancingAndClosingPenalisesTheNextSplit() {
        String region = tokens.regionOfficer();
        String a = newFund(f -> f.withAmount("11000.00").withBonusReserve("1000.00"));
        given().auth().oauth2(region).contentType("text/csv")
                .body("istat_code,share\n072006,6000.00\n110003,2000.00\n075016,2000.00\n")
                .post("/funds/" + a + "/publication/import?source=DD 131/2020").then().statusCode(201);
        given().auth().oauth2(region).contentType(ContentType.JSON).body("{\"highHousingTension\": true}")
                .patch("/municipalities/" + CASARANO).then().statusCode(200);
        cofin(a, BARI, "1500.00", true);       // 25% of 6000
        cofin(a, BISCEGLIE, "500.00", true);   // 25% of 2000
        cofin(a, CASARANO, "300.00", true);    // 15% of 2000

        given().auth().oauth2(region).post("/funds/" + a + "/close").then().statusCode(409)
                .body("detail", containsString("Publish the bonus"));
        given().auth().oauth2(region).post("/funds/" + a + "/bonus/simulations").then().statusCode(201)
                .body("kind", equalTo("SIMULATION"))
                .body("reserve", euro("1000.00"))
                .body("shares.bonus", contains(euro("750.00"), euro("0.00"), euro("250.00")))
                .body("shares.find { it.istatCode == '075016' }.explanation",
                        equalTo("not entitled: COFIN 15,0% of Fin_base < 20% (DD 131/2020)"));
        given().auth().oauth2(region).post("/funds/" + a + "/bonus/publication").then().statusCode(201)
                .body("allocated", euro("1000.00")).body("residual", euro("0.00"));
        given().auth().oauth2(region).post("/funds/" + a + "/bonus/publication").then().statusCode(409);
        given().auth().oauth2(tokens.operator(BARI)).get("/funds/" + a + "/bonus").then().statusCode(200)
                .body("shares.find { it.istatCode == '072006' }.entitled", equalTo(true));

        given().auth().oauth2(region).post("/funds/" + a + "/close").then().statusCode(200)
                .body("penalties.istatCode", contains(CASARANO))
                .body("penalties[0].reason", containsString("high housing tension (CIPE 87/2003) and not entitled: COFIN 15,0%"));
        given().auth().oauth2(region).post("/funds/" + a + "/close").then().statusCode(409);

        String b = newFund(f -> f.withAmount("1000.00").after(a));
        given().auth().oauth2(region).contentType(ContentType.JSON)
                .body("[{\"istatCode\": \"072006\", \"need\": 1}, {\"istatCode\": \"075016\", \"need\": 1}]")
                .put("/funds/" + b + "/needs").then().statusCode(200);
        given().auth().oauth2(region).post("/funds/" + b + "/simulations").then().statusCode(201)
                .body("shares.find { it.istatCode == '075016' }.share", euro("450.00"))
                .body("shares.find { it.istatCode == '075016' }.penaltyCut", euro("50.00"))
                .body("shares.find { it.istatCode == '075016' }.explanation", containsString("recorded on fund " + a))
                .body("shares.find { it.istatCode == '072006' }.share", euro("550.00"))
                .body("allocated", euro("1000.00"));
        given().auth().oauth2(region).contentType(ContentType.JSON).body("{\"highHousingTension\": false}")
                .patch("/municipalities/" + CASARANO).then().statusCode(200);
    }

    @Test
    void missingEvidenceMeansNoBonus() {
        String a = newFund(f -> f.withAmount("200.00").withBonusReserve("100.00"));
        given().auth().oauth2(tokens.regionOfficer()).contentType("text/csv").body("istat_code,share\n072006,100.00\n")
                .post("/funds/" + a + "/publication/import?source=t").then().statusCode(201);
        cofin(a, BARI, "90.00", false);
        given().auth().oauth2(tokens.regionOfficer()).post("/funds/" + a + "/bonus/simulations").then().statusCode(201)
                .body("shares[0].entitled", equalTo(false))
                .body("shares[0].explanation", containsString("deliberation was not sent"))
                .body("residual", euro("100.00"));
    }

    @Test
    void onlyTheRegionRunsTheBonusAndClosesFunds() {
        String a = newFund(f -> f.withAmount("200.00").withBonusReserve("100.00"));
        given().auth().oauth2(tokens.operator(BARI)).post("/funds/" + a + "/bonus/simulations").then().statusCode(403);
        given().auth().oauth2(tokens.operator(BARI)).post("/funds/" + a + "/bonus/publication").then().statusCode(403);
        given().auth().oauth2(tokens.operator(BARI)).post("/funds/" + a + "/close").then().statusCode(403);
        given().auth().oauth2(tokens.regionOfficer()).post("/funds/" + a + "/bonus/simulations").then().statusCode(409);
    }
}
