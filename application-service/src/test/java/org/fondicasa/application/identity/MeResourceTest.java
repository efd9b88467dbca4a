package org.fondicasa.application.identity;

import io.quarkus.test.junit.QuarkusTest;
import org.fondicasa.testing.TokenFactory;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class MeResourceTest {

    private final TokenFactory tokens = TokenFactory.fromConfig();

    @Test
    void aSpidFiscalNumberIsNormalisedToTheBareCode() {
        given().auth().oauth2(tokens.citizen("RSSMRA80A01A662A")).get("/me")
                .then().statusCode(200)
                .body("fiscalCode", equalTo("RSSMRA80A01A662A"))
                .body("roles", contains("citizen"));
    }

    @Test
    void lowerCaseAndBareCodesAreAcceptedToo() {
        String token = tokens.token("anna", Set.of("citizen"), Map.of("fiscal_number", " bncnna85e52a883y "));
        given().auth().oauth2(token).get("/me").then().statusCode(200).body("fiscalCode", equalTo("BNCNNA85E52A883Y"));
    }

    @Test
    void aFiscalNumberWithAWrongCheckCharacterIsNotAnIdentity() {
        String token = tokens.token("mallory", Set.of("citizen"), Map.of("fiscal_number", "TINIT-RSSMRA80A01A662X"));
        given().auth().oauth2(token).get("/me").then().statusCode(200).body("fiscalCode", nullValue());
    }

    @Test
    void anOperatorActsForTheMunicipalityInTheToken() {
        given().auth().oauth2(tokens.operator("110003")).get("/me")
                .then().statusCode(200).body("istatCode", equalTo("110003")).body("roles", contains("municipality-operator"));
    }

    @Test
    void noTokenNoIdentity() {
        given().get("/me").then().statusCode(401).contentType("application/problem+json");
    }
}
