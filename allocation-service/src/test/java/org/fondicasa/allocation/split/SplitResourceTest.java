package org.fondicasa.allocation.split;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.fondicasa.testing.KafkaTestClient;
import org.fondicasa.testing.Money;
import org.fondicasa.testing.TokenFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.fondicasa.testing.Money.euro;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.fondicasa.allocation.fixtures.FundBuilder.aFund;

@QuarkusTest
class SplitResourceTest {

    static {
        Money.exactJsonNumbers();
    }

    static final String BARI = "072006";
    static final String PULSANO = "073022";
    static final String BISCEGLIE = "110003";

    private final TokenFactory tokens = TokenFactory.fromConfig();
    private String fund;

    @BeforeEach
    void createFund() {
        fund = "SPL-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        given().auth().oauth2(tokens.regionOfficer()).contentType(ContentType.JSON)
                .body(aFund(fund).withAmount("1100.00").withBonusReserve("100.00").withMinimumShare("150.00").json())
                .post("/funds").then().statusCode(201);
    }

    private String region() {
        return tokens.regionOfficer();
    }

    private void needs(String json) {
        given().auth().oauth2(region()).contentType(ContentType.JSON).body(json).put("/funds/" + fund + "/needs")
                .then().statusCode(200);
    }

    @Test
    void needsAsCsvAndASimulationThatExplainsEveryShare() {
        given().auth().oauth2(region()).contentType("text/csv")
                .body("istat_code,need\n072006,300.00\n110003,300\n073022,100.00\n")
                .put("/funds/" + fund + "/needs").then().statusCode(200).body("$", hasSize(3));

        given().auth().oauth2(region()).post("/funds/" + fund + "/simulations")
                .then().statusCode(201)
                .body("kind", equalTo("SIMULATION"))
                .body("amount", euro("1100.00"))
                .body("bonusReserve", euro("100.00"))
                .body("splitAmount", euro("1000.00"))
                .body("allocated", euro("1000.00"))
                .body("residual", euro("0.00"))
                .body("rounds", equalTo(2))
                .body("inputsHash", matchesPattern("[0-9a-f]{64}"))
                .body("shares.find { it.istatCode == '072006' }.share", euro("500.00"))
                .body("shares.find { it.istatCode == '073022' }.excluded", equalTo(true))
                .body("shares.find { it.istatCode == '073022' }.explanation",
                        containsString("below the minimum share of € 150,00 (DGR 1724/2020)"))
                .body("shares.find { it.istatCode == '110003' }.explanation", containsString("exact quota € 500,000000"));
        // nothing is published by a simulation
        given().auth().oauth2(region()).get("/funds/" + fund + "/shares").then().statusCode(404);
    }

    @Test
    void everyBadRowOfAnUploadIsListedAndNothingIsStored() {
        needs("[{\"istatCode\": \"072006\", \"need\": 10}]");
        given().auth().oauth2(region()).contentType(ContentType.JSON)
                .body("""
                        [{"istatCode": "072006", "need": 1.005}, {"istatCode": "999999", "need": 1},
                         {"istatCode": "110003", "need": -5}, {"istatCode": "110003", "need": 2}, {"istatCode": "7", "need": "x"}]""")
                .put("/funds/" + fund + "/needs")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("[0].need", "[1].istatCode", "[2].need", "[3].istatCode",
                        "[4].need", "[4].istatCode"));
        given().auth().oauth2(region()).get("/funds/" + fund + "/needs")
                .then().statusCode(200).body("$", hasSize(1)).body("[0].need", euro("10.00"));
    }

    @Test
    void badCsvRowsAreListedByRowNumber() {
        given().auth().oauth2(region()).contentType("text/csv")
                .body("istat_code,need\n072006,1.234,56\n110003,abc\n110003,1\n")
                .put("/funds/" + fund + "/needs")
                .then().statusCode(400).body("violations.field", containsInAnyOrder("row 2", "row 3.need", "row 4.istatCode"));
        given().auth().oauth2(region()).contentType("text/csv").body("comune;fabbisogno\n072006;1\n")
                .put("/funds/" + fund + "/needs")
                .then().statusCode(400).body("violations[0].message", containsString("istat_code and need"));
    }

    @Test
    void aSimulationComparedWithAnotherAndWithThePublication() {
        needs("[{\"istatCode\": \"072006\", \"need\": 1}, {\"istatCode\": \"110003\", \"need\": 1}]");
        String first = given().auth().oauth2(region()).post("/funds/" + fund + "/simulations").then().statusCode(201)
                .extract().path("id");
        needs("[{\"istatCode\": \"072006\", \"need\": 3}, {\"istatCode\": \"110003\", \"need\": 1}]");
        String second = given().auth().oauth2(region()).post("/funds/" + fund + "/simulations").then().statusCode(201)
                .extract().path("id");
        given().auth().oauth2(region()).get("/funds/" + fund + "/simulations/" + second + "/diff?against=" + first)
                .then().statusCode(200)
                .body("changes.find { it.istatCode == '072006' }.delta", euro("250.00"))
                .body("changes.find { it.istatCode == '110003' }.delta", euro("-250.00"))
                .body("allocatedDelta", euro("0.00"));
        given().auth().oauth2(region()).get("/funds/" + fund + "/simulations/" + second + "/diff")
                .then().statusCode(404);

        given().auth().oauth2(region()).post("/funds/" + fund + "/publication").then().statusCode(201)
                .body("kind", equalTo("PUBLICATION"));
        given().auth().oauth2(region()).get("/funds/" + fund + "/simulations/" + first + "/diff")
                .then().statusCode(200).body("changes.find { it.istatCode == '072006' }.delta", euro("-250.00"));
    }

    @Test
    void aPublicationIsFinalAnnouncedAndReadableByMunicipalities() {
        needs("[{\"istatCode\": \"072006\", \"need\": 3}, {\"istatCode\": \"110003\", \"need\": 1}]");
        String hash = given().auth().oauth2(region()).post("/funds/" + fund + "/publication").then().statusCode(201)
                .extract().path("inputsHash");
        given().auth().oauth2(region()).post("/funds/" + fund + "/publication").then().statusCode(409)
                .contentType("application/problem+json");
        given().auth().oauth2(region()).contentType(ContentType.JSON).body("[{\"istatCode\": \"072006\", \"need\": 1}]")
                .put("/funds/" + fund + "/needs").then().statusCode(409);
        // the same inputs simulated again give the same hash: anyone can recompute the publication
        given().auth().oauth2(region()).post("/funds/" + fund + "/simulations").then().statusCode(201)
                .body("inputsHash", equalTo(hash));

        given().auth().oauth2(tokens.operator(BISCEGLIE)).get("/funds/" + fund + "/shares").then().statusCode(200)
                .body("shares.find { it.istatCode == '110003' }.share", euro("250.00"));
        given().auth().oauth2(tokens.regionOfficer()).get("/funds/" + fund).then()
                .body("published", equalTo(true)).body("allocated", euro("1000.00")).body("residual", euro("0.00"));

        var events = KafkaTestClient.fromConfig().await("allocation.events",
                r -> r.value().contains("SplitPublished") && r.value().contains("\"" + fund + "\""), 2, Duration.ofSeconds(30));
        org.assertj.core.api.Assertions.assertThat(events).extracting(r -> r.key()).containsExactlyInAnyOrder(BARI, BISCEGLIE);
    }

    @Test
    void withoutNeedsThereIsNothingToSplit() {
        given().auth().oauth2(region()).post("/funds/" + fund + "/simulations").then().statusCode(409)
                .body("detail", containsString("no documented needs"));
    }

    @Test
    void onlyTheRegionSplits() {
        given().auth().oauth2(tokens.operator(BARI)).post("/funds/" + fund + "/simulations").then().statusCode(403);
        given().auth().oauth2(tokens.operator(BARI)).post("/funds/" + fund + "/publication").then().statusCode(403);
        given().auth().oauth2(tokens.operator(BARI)).contentType(ContentType.JSON).body("[]")
                .put("/funds/" + fund + "/needs").then().statusCode(403);
        given().auth().oauth2(tokens.citizen("RSSMRA80A01A662A")).get("/funds/" + fund + "/shares").then().statusCode(403);
    }
}
