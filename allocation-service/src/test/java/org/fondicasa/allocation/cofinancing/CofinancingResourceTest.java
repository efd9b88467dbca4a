package org.fondicasa.allocation.cofinancing;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.fondicasa.testing.Money;
import org.fondicasa.testing.TokenFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.fondicasa.testing.Money.euro;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.fondicasa.allocation.fixtures.FundBuilder.aFund;

@QuarkusTest
class CofinancingResourceTest {

    static {
        Money.exactJsonNumbers();
    }

    static final String BARI = "072006";
    static final String BISCEGLIE = "110003";
    static final String COFIN = """
            {"finC": 50000.00, "qEmi": 10000.00, "qSmine": 0, "cofin": 125000.50, "deliberationNumber": "GC 211",
             "deliberationDate": "2020-11-10", "budgetChapter": "Cap. 12345 art. 2 - Bilancio 2020"}""";

    private final TokenFactory tokens = TokenFactory.fromConfig();
    private String fund;

    @BeforeEach
    void createFund() {
        fund = "COF-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        given().auth().oauth2(tokens.regionOfficer()).contentType(ContentType.JSON)
                .body(aFund(fund).titled("Ordinary rent fund 2019").underAct("DD 131/2020").forYear(2019).withAmount("10581636.23").json())
                .post("/funds").then().statusCode(201);
        // Fin_base is preloaded from the fund's published split
        given().auth().oauth2(tokens.regionOfficer()).contentType("text/csv")
                .body("istat_code,share\n072006,600000.00\n110003,100000.00\n")
                .post("/funds/" + fund + "/publication/import?source=DD 131/2020").then().statusCode(201);
    }

    private String path(String istat) {
        return "/funds/" + fund + "/municipalities/" + istat + "/cofinancing";
    }

    @Test
    void operatorDeclaresForTheirMunicipalityAndRevisionsAreKept() {
        given().auth().oauth2(tokens.operator(BARI)).contentType(ContentType.JSON).body(COFIN).put(path(BARI))
                .then().statusCode(200).body("revision", equalTo(1)).body("cofin", euro("125000.50")).body("finBase", euro("600000.00"))
                .body("qEmi", euro("10000.00"))
                .body("declaredBy", equalTo("op-072006"));
        given().auth().oauth2(tokens.operator(BARI)).contentType(ContentType.JSON)
                .body(COFIN.replace("125000.50", "130000.00")).put(path(BARI))
                .then().statusCode(200).body("revision", equalTo(2));

        given().auth().oauth2(tokens.operator(BARI)).get(path(BARI)).then().statusCode(200)
                .body("cofin", euro("130000.00"));
        given().auth().oauth2(tokens.regionOfficer()).get(path(BARI) + "/history").then().statusCode(200)
                .body("revision", contains(1, 2));
    }

    @Test
    void operatorCannotChangeAnotherMunicipality() {
        given().auth().oauth2(tokens.operator(BARI)).contentType(ContentType.JSON).body(COFIN).put(path(BISCEGLIE))
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(tokens.regionOfficer()).get(path(BISCEGLIE)).then().statusCode(404);
    }

    @Test
    void operatorCannotReadAnotherMunicipality() {
        given().auth().oauth2(tokens.operator(BISCEGLIE)).contentType(ContentType.JSON).body(COFIN).put(path(BISCEGLIE))
                .then().statusCode(200);
        given().auth().oauth2(tokens.operator(BARI)).get(path(BISCEGLIE)).then().statusCode(403);
        given().auth().oauth2(tokens.operator(BARI)).get(path(BISCEGLIE) + "/history").then().statusCode(403);
        given().auth().oauth2(tokens.regionOfficer()).get(path(BISCEGLIE)).then().statusCode(200);
    }

    @Test
    void operatorTokenWithoutMunicipalityIsRefused() {
        String noClaim = tokens.token("op-nobody", java.util.Set.of("municipality-operator"), java.util.Map.of());
        given().auth().oauth2(noClaim).contentType(ContentType.JSON).body(COFIN).put(path(BARI)).then().statusCode(403);
    }

    @Test
    void otherRolesCannotDeclare() {
        for (String token : new String[]{tokens.regionOfficer(), tokens.citizen("RSSMRA80A01A662A"), tokens.dashboard(),
                tokens.deskOperator(BARI)}) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(COFIN).put(path(BARI)).then().statusCode(403);
        }
        given().contentType(ContentType.JSON).body(COFIN).put(path(BARI)).then().statusCode(401);
    }

    @Test
    void invalidDeclarationListsEveryViolationAndStoresNothing() {
        given().auth().oauth2(tokens.operator(BARI)).contentType(ContentType.JSON)
                .body("""
                        {"finC": 1.001, "qSmine": -2, "cofin": -1, "deliberationNumber": "", "deliberationDate": "2199-01-01",
                         "budgetChapter": ""}""")
                .put(path(BARI))
                .then().statusCode(400)
                .body("violations.field", containsInAnyOrder("budgetChapter", "cofin", "deliberationDate", "deliberationNumber",
                        "finC", "qEmi", "qSmine"));
        given().auth().oauth2(tokens.operator(BARI)).get(path(BARI)).then().statusCode(404);
    }

    @Test
    void badDateIsA400NamingTheField() {
        given().auth().oauth2(tokens.operator(BARI)).contentType(ContentType.JSON)
                .body(COFIN.replace("2020-11-10", "10/11/2020")).put(path(BARI))
                .then().statusCode(400).body("violations[0].field", equalTo("$.deliberationDate"));
    }

    @Test
    void unknownFundIs404() {
        given().auth().oauth2(tokens.operator(BARI)).contentType(ContentType.JSON).body(COFIN)
                .put("/funds/NOPE-1/municipalities/" + BARI + "/cofinancing").then().statusCode(404);
    }

    @Test
    void finBaseIsPreloadedAndQSmineIsOnlyForAnnexE() {
        given().auth().oauth2(tokens.operator(BARI)).contentType(ContentType.JSON)
                .body(COFIN.replace("\"qSmine\": 0", "\"finBase\": 1.00, \"qSmine\": 5.00")).put(path(BARI))
                .then().statusCode(400).body("violations.field", containsInAnyOrder("finBase", "qSmine"));
        given().auth().oauth2(tokens.regionOfficer()).contentType(ContentType.JSON).body("{\"annexE\": true}")
                .patch("/municipalities/" + BISCEGLIE).then().statusCode(200);
        given().auth().oauth2(tokens.operator(BISCEGLIE)).contentType(ContentType.JSON)
                .body(COFIN.replace("\"qSmine\": 0", "\"finBase\": 100000.00, \"qSmine\": 5.00")).put(path(BISCEGLIE))
                .then().statusCode(200).body("qSmine", euro("5.00"));
    }

    @Test
    void withoutAPublishedSplitThereIsNoFinBase() {
        String other = "COF-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        given().auth().oauth2(tokens.regionOfficer()).contentType(ContentType.JSON)
                .body(aFund(other).underAct("DD 131/2020").forYear(2019).withAmount("10.00").json())
                .post("/funds").then().statusCode(201);
        given().auth().oauth2(tokens.operator(BARI)).contentType(ContentType.JSON).body(COFIN)
                .put("/funds/" + other + "/municipalities/" + BARI + "/cofinancing").then().statusCode(409);
    }
}
