package org.fondicasa.application.application;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.fondicasa.application.call.CallKind;
import org.fondicasa.application.fixtures.ApplicationFormBuilder;
import org.fondicasa.testing.KafkaTestClient;
import org.fondicasa.testing.Money;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.fondicasa.testing.Money.euro;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.fondicasa.application.fixtures.ApplicationFormBuilder.aMicrocreditApplication;
import static org.fondicasa.application.fixtures.CallBuilder.aCall;

/** The regional microcredit (seeds 000, 001): first come, a loan whole or not at all, in strict order. */
@QuarkusTest
class SocialMicrocreditCallTest {

    static {
        Money.exactJsonNumbers();
    }

    private final Fixtures f = new Fixtures();
    private final KafkaTestClient kafka = KafkaTestClient.fromConfig();

    private ValidatableResponse apply(UUID call, String token, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/calls/" + call + "/applications").then();
    }

    private ValidatableResponse apply(UUID call, String token, ApplicationFormBuilder form) {
        return apply(call, token, form.json());
    }

    private String protocol(UUID call, String applicant, String amount) {
        return apply(call, f.tokens.citizen(applicant), aMicrocreditApplication().by(applicant).withIsee("12000.00")
                        .residentInPugliaSince("2015-01-01").requesting(amount))
                .statusCode(201).body("status", equalTo("PENDING")).extract().path("protocolNumber");
    }

    private void status(String protocol, String expected) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(f.tokens.regionOfficer())
                .get("/applications/" + protocol).then().statusCode(200).body("status", equalTo(expected)));
    }

    @Test
    void loansGoWholeInReceiptOrderAndReturnedMoneyMovesTheLine() {
        ObjectNode body = aCall(CallKind.SOCIAL_MICROCREDIT).openBetween(Fixtures.romeIn(-60), Fixtures.romeIn(25))
                .withBudget("25000.00").build();
        UUID call = f.create(f.tokens.regionOfficer(), body);

        String a = protocol(call, Fixtures.fiscalCode(101), "10000.00");
        String b = protocol(call, Fixtures.fiscalCode(102), "10000.00");
        String c = protocol(call, Fixtures.fiscalCode(103), "8000.00");   // 5.000 left: waits, strictly
        String d = protocol(call, Fixtures.fiscalCode(104), "3000.00");   // would fit, but waits behind c
        String poor = apply(call, f.tokens.citizen(Fixtures.fiscalCode(105)),
                aMicrocreditApplication().by(Fixtures.fiscalCode(105)).withIsee("18500.01").residentInPugliaSince("2015-01-01")
                        .requesting("1000.00"))
                .statusCode(201).body("status", equalTo("NOT_ELIGIBLE")).extract().path("protocolNumber");
        String newcomer = apply(call, f.tokens.citizen(Fixtures.fiscalCode(106)),
                aMicrocreditApplication().by(Fixtures.fiscalCode(106))
                        .residentInPugliaSince(Fixtures.romeIn(-86400 * 200).substring(0, 10)).requesting("1000.00"))
                .statusCode(201).body("status", equalTo("NOT_ELIGIBLE")).extract().path("protocolNumber");
        // a desk operator files for a citizen: recorded as assisted, visible to that operator
        String assisted = apply(call, f.tokens.deskOperator("075016"),
                aMicrocreditApplication().filedAtTheDeskFor(Fixtures.fiscalCode(107)).requesting("500.00"))
                .statusCode(201).body("assisted", equalTo(true)).extract().path("protocolNumber");

        status(a, "GRANTED");
        status(b, "GRANTED");
        status(c, "WAITING");
        status(d, "WAITING");
        status(assisted, "WAITING");
        given().auth().oauth2(f.tokens.regionOfficer()).get("/applications/" + poor).then()
                .body("assessment.checks.find { it.rule == 'iseeMax' }.explanation", equalTo("ISEE € 18.500,01 > € 18.500,00"))
                .body("assessment.checks.find { it.rule == 'iseeMax' }.legalRef", containsString("18.500"));
        given().auth().oauth2(f.tokens.citizen(Fixtures.fiscalCode(106))).get("/applications/" + newcomer).then().statusCode(200)
                .body("assessment.checks.find { it.rule == 'residenceInPuglia' }.passed", equalTo(false));
        given().auth().oauth2(f.tokens.deskOperator("075016")).get("/applications/" + assisted).then().statusCode(200);

        // the region revokes b: 15.000 free, c (8.000), d (3.000) and the assisted one (500) move up, in order
        given().auth().oauth2(f.tokens.regionOfficer()).contentType(ContentType.JSON)
                .body("{\"reason\": \"false declaration found by the checks (DPR 445/2000 art. 75)\"}")
                .post("/applications/" + b + "/revocation").then().statusCode(200).body("status", equalTo("REVOKED"));
        status(c, "GRANTED");
        status(d, "GRANTED");
        status(assisted, "GRANTED");
        given().auth().oauth2(f.tokens.regionOfficer()).get("/calls/" + call + "/funding").then().statusCode(200)
                .body("budget", euro("25000.00")).body("committed", euro("21500.00")).body("revoked", equalTo(1))
                .body("notEligible", equalTo(2));

        // paid to the declared IBAN
        given().auth().oauth2(f.tokens.regionOfficer()).contentType(ContentType.JSON).body("{\"paymentReference\": \"MANDATO 2026/118\"}")
                .post("/applications/" + a + "/payment").then().statusCode(200)
                .body("status", equalTo("PAID")).body("award.paid", euro("10000.00")).body("award.paidToIban", equalTo(Fixtures.IBAN));

        // closing needs the deadline to pass; then the unspent money is reported once
        given().auth().oauth2(f.tokens.regionOfficer()).post("/calls/" + call + "/closure").then().statusCode(409)
                .body("detail", containsString("takes applications until"));
        Fixtures.moveClockPast(body.get("closesAt").asText());
        apply(call, f.tokens.citizen(Fixtures.fiscalCode(108)), aMicrocreditApplication().by(Fixtures.fiscalCode(108)).requesting("500.00"))
                .statusCode(409).contentType("application/problem+json").body("detail", startsWith("The call closed at "));
        given().auth().oauth2(f.tokens.regionOfficer()).post("/calls/" + call + "/closure").then().statusCode(200)
                .body("status", equalTo("CLOSED")).body("unspent", euro("3500.00"));
        given().auth().oauth2(f.tokens.regionOfficer()).post("/calls/" + call + "/closure").then().statusCode(409);
        kafka.await("application.events", r -> r.value().contains("\"CallClosed\"") && r.value().contains(call.toString())
                && r.value().contains("\"unspent\":\"3500.00\""), 1, Duration.ofSeconds(30));
        // no personal data on the topic: protocol numbers, never fiscal codes
        kafka.await("application.events", r -> r.value().contains(call.toString()), 10, Duration.ofSeconds(30))
                .forEach(r -> org.assertj.core.api.Assertions.assertThat(r.value()).doesNotContain(Fixtures.fiscalCode(101)));
    }

    @Test
    void aHouseholdAppliesOnceAndEveryBadFieldIsListedWithNothingStored() {
        UUID call = f.create(f.tokens.regionOfficer(), aCall(CallKind.SOCIAL_MICROCREDIT)
                .openBetween(Fixtures.romeIn(-60), Fixtures.romeIn(3600)).withBudget("50000.00").build());
        String applicant = Fixtures.fiscalCode(201);
        String spouse = Fixtures.fiscalCode(202);
        ApplicationFormBuilder family = aMicrocreditApplication().by(applicant).withSpouse(spouse).requesting("2000.00");
        String first = apply(call, f.tokens.citizen(applicant), family).statusCode(201).extract().path("protocolNumber");
        // a neighbour listing the spouse too: refused, and told nothing of the application the spouse is in
        String neighbour = Fixtures.fiscalCode(204);
        apply(call, f.tokens.citizen(neighbour), aMicrocreditApplication().by(neighbour).withSpouse(spouse).requesting("2000.00"))
                .statusCode(409).body("type", equalTo("urn:fondicasa:problem:household-conflict"))
                .body("violations.field", hasItems("household[1].fiscalCode")).body(not(containsString(first)));

        String other = Fixtures.fiscalCode(203);
        apply(call, f.tokens.citizen(other), """
                {"onBehalfOf": "%s", "household": [{"fiscalCode": "%s", "role": "APPLICANT"}, {"fiscalCode": "RSSMRA80A01A662X", "role": "CHILD"}],
                 "isee": "-5", "declarations": {}, "iban": "IT00X0542811101000000123456", "documents": []}""".formatted(other, other))
                .statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItems("isee", "onBehalfOf", "household[1].fiscalCode", "iban", "residentInPugliaSince",
                        "requestedAmount"));
        // nothing of it was stored: the same person applies properly afterwards
        apply(call, f.tokens.citizen(other), aMicrocreditApplication().by(other).requesting("2000.00")).statusCode(201);
    }

    @Test
    void onlyTheRegionOpensARegionalCallAndNoOneAppliesBeforeItOpens() {
        ObjectNode regional = aCall(CallKind.SOCIAL_MICROCREDIT).openBetween(Fixtures.romeIn(3600), Fixtures.romeIn(7200))
                .withBudget("1000.00").build();
        given().auth().oauth2(f.tokens.operator("072006")).contentType(ContentType.JSON).body(regional.toString())
                .post("/calls").then().statusCode(403);
        given().auth().oauth2(f.tokens.citizen(Fixtures.fiscalCode(301))).contentType(ContentType.JSON).body(regional.toString())
                .post("/calls").then().statusCode(403);
        UUID call = f.create(f.tokens.regionOfficer(), regional);
        apply(call, f.tokens.citizen(Fixtures.fiscalCode(301)), aMicrocreditApplication().by(Fixtures.fiscalCode(301)).requesting("100.00"))
                .statusCode(409).body("detail", startsWith("The call is not open yet: it opens at "))
                .body("detail", containsString("(Europe/Rome)"));
        // an operator cannot manage, nor read the money of, the region's call
        given().auth().oauth2(f.tokens.operator("072006")).get("/calls/" + call + "/funding").then().statusCode(403);
        given().auth().oauth2(f.tokens.operator("072006")).post("/calls/" + call + "/closure").then().statusCode(403);
    }
}
