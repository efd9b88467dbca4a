package org.fondicasa.application.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.fondicasa.application.application.Fixtures;
import org.fondicasa.application.call.CallKind;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static io.restassured.RestAssured.given;
import static org.fondicasa.application.fixtures.ApplicationFormBuilder.anEmergencyApplication;
import static org.fondicasa.application.fixtures.CallBuilder.aCall;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The answers that carry someone's fiscal code, IBAN, ISEE or income, listed one by one: none may be kept by a
 * browser or a proxy, whatever its status.
 */
@QuarkusTest
class PersonalAnswersTest {

    static final String CASARANO = "075016";

    private final Fixtures f = new Fixtures();

    @Test
    void everyAnswerWithPersonalDataIsNoStore() {
        UUID call = f.create(f.tokens.operator(CASARANO), aCall(CallKind.RENT_EMERGENCY).inMunicipality(CASARANO)
                .openBetween(Fixtures.romeIn(-60), Fixtures.romeIn(3600)).withBudget("5000.00").build());
        String applicant = Fixtures.fiscalCode(9_101);
        Response filed = given().auth().oauth2(f.tokens.citizen(applicant)).contentType(ContentType.JSON)
                .body(anEmergencyApplication().by(applicant).json()).post("/calls/" + call + "/applications");
        String protocol = filed.then().statusCode(201).extract().path("protocolNumber");

        Map<String, Function<String, Response>> personal = new LinkedHashMap<>();
        personal.put("POST /calls/{id}/applications (the receipt)", t -> filed);
        personal.put("GET /applications/{protocol}", t -> given().auth().oauth2(f.tokens.citizen(applicant)).get("/applications/" + protocol));
        personal.put("GET /applications/{protocol} (operator)", t -> given().auth().oauth2(f.tokens.operator(CASARANO)).get("/applications/" + protocol));
        personal.put("GET /calls/{id}/applications", t -> given().auth().oauth2(f.tokens.operator(CASARANO)).get("/calls/" + call + "/applications"));
        personal.put("GET /me/applications", t -> given().auth().oauth2(f.tokens.citizen(applicant)).get("/me/applications"));
        personal.put("GET /me", t -> given().auth().oauth2(f.tokens.citizen(applicant)).get("/me"));
        personal.put("GET /calls/{id}/ranking", t -> given().auth().oauth2(f.tokens.operator(CASARANO)).get("/calls/" + call + "/ranking"));
        personal.put("POST /calls/{id}/ranking/simulations", t -> given().auth().oauth2(f.tokens.operator(CASARANO)).post("/calls/" + call + "/ranking/simulations"));
        personal.put("GET /calls/{id}/contested-claims", t -> given().auth().oauth2(f.tokens.operator(CASARANO)).get("/calls/" + call + "/contested-claims"));
        personal.put("a refusal naming nobody", t -> given().auth().oauth2(f.tokens.citizen(Fixtures.fiscalCode(9_102))).get("/applications/" + protocol));

        Map<String, String> wrong = new LinkedHashMap<>();
        personal.forEach((endpoint, call0) -> {
            Response r = call0.apply(endpoint);
            String headers = r.getHeader("Cache-Control") + " / " + r.getHeader("Pragma");
            if (!"no-store / no-cache".equals(headers)) {
                wrong.put(endpoint + " (" + r.statusCode() + ")", headers);
            }
        });
        assertEquals(Map.of(), wrong);
    }
}
