package org.fondicasa.application.application;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.fondicasa.application.call.CallKind;
import org.fondicasa.application.fixtures.ApplicationFormBuilder;
import org.fondicasa.testing.Money;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.fondicasa.testing.Money.euro;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.fondicasa.application.fixtures.ApplicationFormBuilder.aHardshipApplication;
import static org.fondicasa.application.fixtures.CallBuilder.aCall;

/** Bisceglie's extraordinary hardship grants (seed 002): a social worker sets the amount, at most € 500, once a year. */
@QuarkusTest
class HardshipGrantCallTest {

    static {
        Money.exactJsonNumbers();
    }

    static final String BISCEGLIE = "110003";

    private final Fixtures f = new Fixtures();

    private ValidatableResponse apply(UUID call, String token, ApplicationFormBuilder form) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(form.json()).post("/calls/" + call + "/applications").then();
    }

    private static ObjectNode hardshipCall() {
        return aCall(CallKind.HARDSHIP_GRANT).inMunicipality(BISCEGLIE).openBetween(Fixtures.romeIn(-60), Fixtures.romeIn(3600))
                .withBudget("1000.00").build();
    }

    private ValidatableResponse assess(String token, String protocol, String amount) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body("""
                {"amount": "%s", "socialWorker": "A.S. Maria De Pinto", "report": "relazione sociale n. 18/2026"}""".formatted(amount))
                .post("/applications/" + protocol + "/social-assessment").then();
    }

    @Test
    void socialWorkerGrantsAtMost500OnceAYearAndTheTreasuryPays() {
        UUID call = f.create(f.tokens.operator(BISCEGLIE), hardshipCall());
        String family = Fixtures.fiscalCode(501);
        // filed at the municipality's desk (Segretariato Sociale, art. 9)
        String protocol = apply(call, f.tokens.deskOperator(BISCEGLIE),
                aHardshipApplication().filedAtTheDeskFor(family).forUse("UTILITY_BILLS_DISCONNECTION"))
                .statusCode(201).body("status", equalTo("PENDING")).body("assisted", equalTo(true)).extract().path("protocolNumber");
        // a desk operator of another municipality may not file for Bisceglie's call
        apply(call, f.tokens.deskOperator("072006"), aHardshipApplication().filedAtTheDeskFor(Fixtures.fiscalCode(502))
                .forUse("UTILITY_BILLS_DISCONNECTION")).statusCode(403);
        // an unknown use is a client error; missing documents make it not eligible (art. 12 c.4)
        String other = Fixtures.fiscalCode(503);
        apply(call, f.tokens.citizen(other), aHardshipApplication().by(other).forUse("HOLIDAY")).statusCode(400)
                .body("violations.field", hasItem("use"));
        apply(call, f.tokens.citizen(other), aHardshipApplication().by(other).forUse("DEPOSIT_AFTER_EVICTION")
                .withDocuments("ISEE_CERTIFICATE")).statusCode(201)
                .body("status", equalTo("NOT_ELIGIBLE"));

        assess(f.tokens.operator("072006"), protocol, "400.00").statusCode(404);
        assess(f.tokens.operator(BISCEGLIE), protocol, "600.00").statusCode(422).body("detail", containsString("€ 500,00"));
        assess(f.tokens.operator(BISCEGLIE), protocol, "400.00").statusCode(200).body("status", equalTo("GRANTED"))
                .body("award.amount", euro("400.00")).body("award.explanation", containsString("relazione sociale n. 18/2026"));
        given().auth().oauth2(f.tokens.operator(BISCEGLIE)).contentType(ContentType.JSON).body("{\"paymentReference\": \"DD 301/2026\"}")
                .post("/applications/" + protocol + "/payment").then().statusCode(200)
                .body("status", equalTo("PAID")).body("award.paid", euro("400.00"));

        // the same household, in another hardship call of the same year: not eligible, and why
        UUID later = f.create(f.tokens.operator(BISCEGLIE), hardshipCall());
        String again = apply(later, f.tokens.citizen(family), aHardshipApplication().by(family).forUse("RENT_ARREARS_NON_CULPABLE"))
                .statusCode(201).body("status", equalTo("NOT_ELIGIBLE")).extract().path("protocolNumber");
        given().auth().oauth2(f.tokens.citizen(family)).get("/applications/" + again).then()
                .body("assessment.checks.find { it.rule == 'oncePerYear' }.explanation", containsString(": 1 ≥ 1"));
        // the citizen sees their own applications, the assisted one included; an operator has no "own" applications
        given().auth().oauth2(f.tokens.citizen(family)).get("/me/applications").then().statusCode(200)
                .body("protocolNumber", org.hamcrest.Matchers.contains(protocol, again));
        given().auth().oauth2(f.tokens.operator(BISCEGLIE)).get("/me/applications").then().statusCode(403);
        String refused = Fixtures.fiscalCode(504);
        String p = apply(later, f.tokens.citizen(refused), aHardshipApplication().by(refused).forUse("DEPOSIT_AFTER_EVICTION"))
                .statusCode(201).extract().path("protocolNumber");
        assess(f.tokens.operator(BISCEGLIE), p, "0.00").statusCode(200).body("status", equalTo("NOT_FUNDED"));
    }
}
