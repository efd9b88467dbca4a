package org.fondicasa.allocation.municipality;

import io.quarkus.test.junit.QuarkusTest;
import org.fondicasa.testing.TokenFactory;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class MunicipalityResourceTest {

    private final TokenFactory tokens = TokenFactory.fromConfig();

    @Test
    void everyAuthenticatedRoleReadsTheMunicipalities() {
        for (String token : new String[]{tokens.regionOfficer(), tokens.operator("072006"), tokens.citizen("RSSMRA80A01A662A"),
                tokens.deskOperator("072006"), tokens.dashboard()}) {
            given().auth().oauth2(token).get("/municipalities")
                    .then().statusCode(200).body("$", hasSize(257));
        }
    }

    @Test
    void filtersByProvince() {
        given().auth().oauth2(tokens.dashboard()).get("/municipalities?province=BT")
                .then().statusCode(200).body("provinceAbbr", everyItem(equalTo("BT"))).body("name", hasItem("Bisceglie"));
    }

    @Test
    void readsOneByIstatCode() {
        given().auth().oauth2(tokens.regionOfficer()).get("/municipalities/073022")
                .then().statusCode(200).body("name", equalTo("Pulsano")).body("provinceAbbr", equalTo("TA"))
                .body("cadastralCode", equalTo("H090"));
    }

    @Test
    void unknownCodeIsA404Problem() {
        given().auth().oauth2(tokens.regionOfficer()).get("/municipalities/999999")
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
    }

    @Test
    void malformedCodeIsA400ProblemNamingTheParameter() {
        given().auth().oauth2(tokens.regionOfficer()).get("/municipalities/bari")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("istatCode"));
    }

    @Test
    void withoutATokenIs401() {
        given().get("/municipalities").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
    }

    @Test
    void aTokenSignedByAnotherKeyIs401() throws Exception {
        String forged = new TokenFactory("http://127.0.0.1:1/realms/puglia",
                java.security.KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate()).regionOfficer();
        given().auth().oauth2(forged).get("/municipalities").then().statusCode(401);
    }

    @Test
    void theRegionSetsTheFlagsAndNobodyElseDoes() {
        given().auth().oauth2(tokens.regionOfficer()).contentType("application/json").body("{\"highHousingTension\": true}")
                .patch("/municipalities/075016")
                .then().statusCode(200).body("highHousingTension", equalTo(true)).body("annexE", equalTo(false))
                .body("provinceCode", equalTo("075"));
        given().auth().oauth2(tokens.operator("075016")).contentType("application/json").body("{\"annexE\": true}")
                .patch("/municipalities/075016").then().statusCode(403);
        given().auth().oauth2(tokens.regionOfficer()).get("/municipalities/075016").then().body("annexE", equalTo(false));
    }
}
