package org.fondicasa.allocation.security;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.fondicasa.testing.KeycloakTestResource;
import org.fondicasa.testing.KeycloakTokens;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * The service against the reference provider: a real Keycloak with the realm of deploy/keycloak, tokens from its
 * password grant for the demo users, roles and the istat_code claim as Keycloak maps them.
 */
@QuarkusTest
@TestProfile(KeycloakTestResource.Profile.class)
class KeycloakTokensTest {

    static final String COFIN = """
            {"finC": 0, "qEmi": 0, "qSmine": 0, "cofin": 1000.00, "deliberationNumber": "GC 1", "deliberationDate": "2020-11-10",
             "budgetChapter": "Cap. 1"}""";

    @Test
    void demoUsersOfTheRealmActWithTheirRolesAndMunicipality() {
        String fund = "KC-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        given().auth().oauth2(KeycloakTokens.password("regione")).contentType(ContentType.JSON)
                .body("""
                        {"code": "%s", "title": "t", "legalAct": "DGR 1724/2020", "year": 2020, "amount": 1.00, "bonusReserve": 0.00, "minimumShare": 0.00}""".formatted(fund))
                .post("/funds").then().statusCode(201);
        given().auth().oauth2(KeycloakTokens.password("regione")).contentType("text/csv").body("istat_code,share\n072006,1.00\n")
                .post("/funds/" + fund + "/publication/import?source=test").then().statusCode(201);

        String bari = KeycloakTokens.password("op-bari");
        given().auth().oauth2(bari).contentType(ContentType.JSON).body(COFIN)
                .put("/funds/" + fund + "/municipalities/072006/cofinancing")
                .then().statusCode(200).body("declaredBy", equalTo("op-bari"));
        given().auth().oauth2(bari).contentType(ContentType.JSON).body(COFIN)
                .put("/funds/" + fund + "/municipalities/110003/cofinancing").then().statusCode(403);
        given().auth().oauth2(KeycloakTokens.password("op-bisceglie"))
                .get("/funds/" + fund + "/municipalities/072006/cofinancing").then().statusCode(403);
        given().auth().oauth2(KeycloakTokens.password("mario.rossi")).get("/funds").then().statusCode(403);
        given().auth().oauth2(KeycloakTokens.password("mario.rossi")).get("/municipalities/072006")
                .then().statusCode(200).body("name", equalTo("Bari"));
    }

    @Test
    void theDashboardClientHasOnlyItsRole() {
        String token = KeycloakTokens.clientCredentials("dashboard-client", "dashboard-secret");
        given().auth().oauth2(token).get("/funds").then().statusCode(200);
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{}").post("/funds").then().statusCode(403);
    }

    @Test
    void aTokenOfTheLocalTestIssuerIsRejectedHere() {
        String foreign = org.fondicasa.testing.TokenFactory.fromConfig().regionOfficer();
        given().auth().oauth2(foreign).get("/funds").then().statusCode(401);
    }
}
