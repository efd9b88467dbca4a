package org.fondicasa.application.application;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.fondicasa.application.call.CallKind;
import org.fondicasa.testing.Money;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.fondicasa.testing.Money.euro;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Bisceglie's extraordinary hardship grants (seed 002): a social worker sets the amount, at most € 500, once a year. */
@QuarkusTest
class HardshipGrantCallTest {

    static {
        Money.exactJsonNumbers();
    }

    static final String BISCEGLIE = "110003";

    private final Fixtures f = new Fixtures();

    private static String hardship(String applicant, String use, String documents) {
        return """
                {"household": [{"fiscalCode": "%s", "role": "APPLICANT"}], "isee": "7200.00", "use": "%s",
                 "purpose": "gas disconnection notice of 12/02/2026",
                 "declarations": {"RESIDENT_IN_MUNICIPALITY": true, "MOVABLE_ASSETS_WITHIN_FRANCHISE": true,
                   "OWNS_OTHER_REAL_ESTATE": false, "PUBLIC_BENEFIT_LAST_TWO_MONTHS": false, "CONVICTED_CRIMES_AGAINST_PA": false,
                   "OTHER_RESOURCES_EQUAL_MAX_GRANT": false},
                 "iban": "%s", "documents": [%s]}""".formatted(applicant, use, Fixtures.IBAN, documents);
    }

    private static final String ALL_DOCUMENTS = "\"ISEE_CERTIFICATE\", \"SELF_DECLARATION_PUBLIC_SUPPORT\", \"PROOF_OF_NEED\", "
            + "\"ID_DOCUMENT_AND_FISCAL_CODE\", \"IBAN_CERTIFICATE\"";

    private ValidatableResponse apply(UUID call, String token, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/calls/" + call + "/applications").then();
    }

    private ValidatableResponse assess(String token, String protocol, String amount) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body("""
                {"amount": "%s", "socialWorker": "A.S. Maria De Pinto", "report": "relazione sociale n. 18/2026"}""".formatted(amount))
                .post("/applications/" + protocol + "/social-assessment").then();
    }

    @Test
    void social_worker_grants_at_most_500_once_a_year_and_the_treasury_pays() {
        UUID call = f.create(f.tokens.operator(BISCEGLIE), Fixtures.call(CallKind.HARDSHIP_GRANT, BISCEGLIE, -60, 3600, "1000.00", c -> { }));
        String family = Fixtures.fiscalCode(501);
        // filed at the municipality's desk (Segretariato Sociale, art. 9)
        String protocol = apply(call, f.tokens.deskOperator(BISCEGLIE),
                hardship(family, "UTILITY_BILLS_DISCONNECTION", ALL_DOCUMENTS).replaceFirst("\\{", "{\"onBehalfOf\": \"" + family + "\", "))
                .statusCode(201).body("status", equalTo("PENDING")).body("assisted", equalTo(true)).extract().path("protocolNumber");
        // a desk operator of another municipality may not file for Bisceglie's call
        apply(call, f.tokens.deskOperator("072006"), hardship(Fixtures.fiscalCode(502), "UTILITY_BILLS_DISCONNECTION", ALL_DOCUMENTS)
                .replaceFirst("\\{", "{\"onBehalfOf\": \"" + Fixtures.fiscalCode(502) + "\", ")).statusCode(403);
        // an unknown use is a client error; missing documents make it not eligible (art. 12 c.4)
        String other = Fixtures.fiscalCode(503);
        apply(call, f.tokens.citizen(other), hardship(other, "HOLIDAY", ALL_DOCUMENTS)).statusCode(400)
                .body("violations.field", hasItem("use"));
        apply(call, f.tokens.citizen(other), hardship(other, "DEPOSIT_AFTER_EVICTION", "\"ISEE_CERTIFICATE\"")).statusCode(201)
                .body("status", equalTo("NOT_ELIGIBLE"));

        assess(f.tokens.operator("072006"), protocol, "400.00").statusCode(403);
        assess(f.tokens.operator(BISCEGLIE), protocol, "600.00").statusCode(422).body("detail", containsString("€ 500,00"));
        assess(f.tokens.operator(BISCEGLIE), protocol, "400.00").statusCode(200).body("status", equalTo("GRANTED"))
                .body("award.amount", euro("400.00")).body("award.explanation", containsString("relazione sociale n. 18/2026"));
        given().auth().oauth2(f.tokens.operator(BISCEGLIE)).contentType(ContentType.JSON).body("{\"paymentReference\": \"DD 301/2026\"}")
                .post("/applications/" + protocol + "/payment").then().statusCode(200)
                .body("status", equalTo("PAID")).body("award.paid", euro("400.00"));

        // the same household, in another hardship call of the same year: not eligible, and why
        UUID later = f.create(f.tokens.operator(BISCEGLIE), Fixtures.call(CallKind.HARDSHIP_GRANT, BISCEGLIE, -60, 3600, "1000.00", c -> { }));
        String again = apply(later, f.tokens.citizen(family), hardship(family, "RENT_ARREARS_NON_CULPABLE", ALL_DOCUMENTS))
                .statusCode(201).body("status", equalTo("NOT_ELIGIBLE")).extract().path("protocolNumber");
        given().auth().oauth2(f.tokens.citizen(family)).get("/applications/" + again).then()
                .body("assessment.checks.find { it.rule == 'oncePerYear' }.explanation", containsString(": 1 ≥ 1"));
        // the citizen sees their own applications, the assisted one included; an operator has no "own" applications
        given().auth().oauth2(f.tokens.citizen(family)).get("/me/applications").then().statusCode(200)
                .body("protocolNumber", org.hamcrest.Matchers.contains(protocol, again));
        given().auth().oauth2(f.tokens.operator(BISCEGLIE)).get("/me/applications").then().statusCode(403);
        String refused = Fixtures.fiscalCode(504);
        String p = apply(later, f.tokens.citizen(refused), hardship(refused, "DEPOSIT_AFTER_EVICTION", ALL_DOCUMENTS))
                .statusCode(201).extract().path("protocolNumber");
        assess(f.tokens.operator(BISCEGLIE), p, "0.00").statusCode(200).body("status", equalTo("NOT_FUNDED"));
    }
}
