package org.fondicasa.application.application;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.fondicasa.application.AllocationStandIn;
import org.fondicasa.application.call.CallKind;
import org.fondicasa.application.fixtures.ApplicationFormBuilder;
import org.fondicasa.testing.Money;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.fondicasa.application.fixtures.ApplicationFormBuilder.aHardshipApplication;
import static org.fondicasa.application.fixtures.ApplicationFormBuilder.anEmergencyApplication;
import static org.fondicasa.application.fixtures.CallBuilder.aCall;
import static org.fondicasa.application.fixtures.HouseholdBuilder.aHousehold;
import static org.fondicasa.testing.Money.euro;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * Whose place it is (issue #13, item 3; README "Household claims: whose place is it"): a conflict names nothing of the
 * other application, a stranger's listing does not lock a person out of their own application, the contest goes to the
 * call's operators only, and the hardship grant stays once a year. Over the real database, through the API.
 */
@QuarkusTest
class HouseholdClaimsTest {

    static {
        Money.exactJsonNumbers();
    }

    static final String CASARANO = "075016";
    static final String BISCEGLIE = "110003";
    static final String BARI = "072006";
    static final String HOUSEHOLD_CONFLICT = "urn:fondicasa:problem:household-conflict";
    static final String ALREADY_APPLIED = "urn:fondicasa:problem:already-applied";
    /** What a protocol number looks like: year and place in line. */
    static final String PROTOCOL = ".*\\d{4}-\\d{10}.*";

    @TestHTTPResource("/")
    URI base;

    private final Fixtures f = new Fixtures();

    private static String person(int n) {
        return Fixtures.fiscalCode(n);
    }

    private ValidatableResponse apply(UUID call, String token, ApplicationFormBuilder form) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(form.json()).post("/calls/" + call + "/applications").then();
    }

    private String applied(UUID call, String citizen, ApplicationFormBuilder form) {
        return apply(call, f.tokens.citizen(citizen), form).statusCode(201).extract().path("protocolNumber");
    }

    /** Casarano's COVID rent emergency on Fin_a (first come): € 900 for each applicant of the default form. */
    private UUID emergencyCall(String finA) {
        String fund = "COV-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        AllocationStandIn.holds(fund, CASARANO, "Fin_a", finA);
        return f.create(f.tokens.operator(CASARANO), aCall(CallKind.RENT_EMERGENCY).inMunicipality(CASARANO)
                .openBetween(Fixtures.romeIn(-60), Fixtures.romeIn(3600)).fundedBy(fund, "Fin_a").build());
    }

    private static ApplicationFormBuilder emergency(String applicant) {
        return anEmergencyApplication().by(applicant);
    }

    private ValidatableResponse asOperator(String istat, String path) {
        return given().auth().oauth2(f.tokens.operator(istat)).get(path).then();
    }

    private ValidatableResponse resolve(String token, String contest, String outcome, String note) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"outcome\": \"%s\", \"note\": \"%s\"}".formatted(outcome, note))
                .post("/contested-claims/" + contest + "/resolution").then();
    }

    private void status(String protocol, String expected) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> asOperator(CASARANO, "/applications/" + protocol)
                .statusCode(200).body("status", equalTo(expected)));
    }

    @Test
    void aConflictNamesNothingOfTheOtherApplicationWhoeverHoldsThePlaceAndStoresNothing() {
        UUID call = emergencyCall("9000.00");
        String anna = person(1301);   // applies herself
        String marta = person(1302);  // applies herself, with her son Luca
        String luca = person(1303);
        String piero = person(1304);  // the hostile tester
        String pAnna = applied(call, anna, emergency(anna));
        String pMarta = applied(call, marta, emergency(marta).withHousehold(aHousehold().withApplicant(marta).withChild(luca)));

        // Piero lists Anna (her own place), then Luca (a place Marta listed): one and the same answer, no protocol in it
        String onOwnPlace = apply(call, f.tokens.citizen(piero), emergency(piero).withSpouse(anna)).statusCode(409)
                .contentType("application/problem+json").body("type", equalTo(HOUSEHOLD_CONFLICT))
                .body("detail", equalTo("A member of this household already appears in another application of this call: "
                        + "one application per household; nothing was stored"))
                .body("violations.field", contains("household[1].fiscalCode")).extract().asString();
        String onListedPlace = apply(call, f.tokens.citizen(piero), emergency(piero).withSpouse(luca)).statusCode(409)
                .extract().asString();
        assertThat(onOwnPlace).isEqualTo(onListedPlace).doesNotContain(pAnna).doesNotContain(pMarta).doesNotMatch(PROTOCOL)
                .doesNotContain(anna).doesNotContain(marta);

        // a desk operator filing for Anna or for Luca: the same answer on onBehalfOf
        String deskForAnna = apply(call, f.tokens.deskOperator(CASARANO), emergency(anna).filedAtTheDeskFor(anna)).statusCode(409)
                .body("type", equalTo(HOUSEHOLD_CONFLICT)).body("violations.field", contains("onBehalfOf")).extract().asString();
        String deskForLuca = apply(call, f.tokens.deskOperator(CASARANO), emergency(luca).filedAtTheDeskFor(luca)).statusCode(409)
                .extract().asString();
        assertThat(deskForAnna).isEqualTo(deskForLuca).doesNotContain(pAnna).doesNotContain(pMarta).doesNotMatch(PROTOCOL);

        // nothing of the refused applications was stored: Piero applies alone, and no one's application changed
        String pPiero = applied(call, piero, emergency(piero));
        asOperator(CASARANO, "/calls/" + call + "/applications").statusCode(200)
                .body("protocolNumber", contains(pAnna, pMarta, pPiero)).body("contests", everyItem(hasSize(0)));
        asOperator(CASARANO, "/calls/" + call + "/contested-claims").statusCode(200).body("$", hasSize(0));
    }

    @Test
    void aStrangersListingDoesNotBlockThePersonsOwnApplicationAndTheContestGoesToTheCallsOperatorsOnly() {
        UUID call = emergencyCall("2000.00");
        String mallory = person(1311);
        String anna = person(1312);
        String luca = person(1313);   // Anna's son
        String later = person(1314);
        // Mallory declares Anna and her son as her household, before Anna applies
        String pMallory = applied(call, mallory, emergency(mallory)
                .withHousehold(aHousehold().withApplicant(mallory).withSpouse(anna).withChild(luca)));
        // Anna applies herself, with her son: accepted, both places are theirs again
        String pAnna = apply(call, f.tokens.citizen(anna), emergency(anna).withHousehold(aHousehold().withApplicant(anna).withChild(luca)))
                .statusCode(201).body("status", equalTo("PENDING")).extract().path("protocolNumber");
        String pLater = applied(call, later, emergency(later));

        // first come goes on past the held application: Anna and the one after her are funded, Mallory's waits
        status(pAnna, "GRANTED");
        status(pLater, "GRANTED");
        asOperator(CASARANO, "/applications/" + pMallory).statusCode(200).body("status", equalTo("PENDING")).body("award", nullValue());

        // the call's operators see the contest: on the list, and on both applications
        asOperator(CASARANO, "/calls/" + call + "/contested-claims").statusCode(200)
                .body("fiscalCode", containsInAnyOrder(anna, luca)).body("heldProtocol", everyItem(equalTo(pMallory)))
                .body("takenByProtocol", everyItem(equalTo(pAnna))).body("resolution", everyItem(nullValue()));
        asOperator(CASARANO, "/applications/" + pMallory).body("contests", hasSize(2));
        asOperator(CASARANO, "/calls/" + call + "/applications").statusCode(200)
                .body("find { it.protocolNumber == '" + pMallory + "' }.contests.heldProtocol", everyItem(equalTo(pMallory)))
                .body("find { it.protocolNumber == '" + pAnna + "' }.contests", hasSize(2))
                .body("find { it.protocolNumber == '" + pLater + "' }.contests", hasSize(0));
        given().auth().oauth2(f.tokens.regionOfficer()).get("/applications/" + pAnna).then().statusCode(200).body("contests", hasSize(2));

        // the citizens see nothing of it, nor of each other
        String mallorysView = given().auth().oauth2(f.tokens.citizen(mallory)).get("/applications/" + pMallory).then().statusCode(200)
                .body("$", not(hasKey("contests"))).extract().asString();
        assertThat(mallorysView).doesNotContain(pAnna);
        String annasView = given().auth().oauth2(f.tokens.citizen(anna)).get("/applications/" + pAnna).then().statusCode(200)
                .body("$", not(hasKey("contests"))).extract().asString();
        assertThat(annasView).doesNotContain(pMallory);
        assertThat(given().auth().oauth2(f.tokens.citizen(mallory)).get("/me/applications").then().statusCode(200)
                .body("[0]", not(hasKey("contests"))).extract().asString()).doesNotContain(pAnna);
        given().auth().oauth2(f.tokens.citizen(mallory)).get("/calls/" + call + "/contested-claims").then().statusCode(403);
        given().auth().oauth2(f.tokens.deskOperator(CASARANO)).get("/calls/" + call + "/contested-claims").then().statusCode(403);
        String annasContest = asOperator(CASARANO, "/calls/" + call + "/contested-claims")
                .extract().path("find { it.fiscalCode == '" + anna + "' }.id");
        String lucasContest = asOperator(CASARANO, "/calls/" + call + "/contested-claims")
                .extract().path("find { it.fiscalCode == '" + luca + "' }.id");
        resolve(f.tokens.citizen(anna), annasContest, "EXCLUDED", "mine").statusCode(403);

        // another municipality's operator neither sees nor decides it
        asOperator(BARI, "/calls/" + call + "/contested-claims").statusCode(403).contentType("application/problem+json");
        resolve(f.tokens.operator(BARI), annasContest, "EXCLUDED", "not ours").statusCode(404).contentType("application/problem+json");
        asOperator(BARI, "/applications/" + pMallory).statusCode(404);
        resolve(f.tokens.operator(CASARANO), UUID.randomUUID().toString(), "RELEASED", "x").statusCode(404)
                .contentType("application/problem+json");
        resolve(f.tokens.operator(CASARANO), annasContest, "FORGIVEN", "x").statusCode(400).contentType("application/problem+json");
        resolve(f.tokens.operator(CASARANO), annasContest, "RELEASED", " ").statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem(containsString("note")));

        // Anna applying a second time is told she already did, with her own protocol
        apply(call, f.tokens.citizen(anna), emergency(anna)).statusCode(409).contentType("application/problem+json")
                .body("type", equalTo(ALREADY_APPLIED)).body("detail", containsString(pAnna))
                .body("detail", not(containsString(pMallory)));

        // the operator checks: Luca does not live with Mallory, but the rest of her declaration stands
        resolve(f.tokens.operator(CASARANO), lucasContest, "RELEASED", "anagrafe: Luca resides with his mother").statusCode(200)
                .body("resolution", equalTo("RELEASED")).body("resolvedBy", equalTo("op-" + CASARANO));
        asOperator(CASARANO, "/calls/" + call + "/contested-claims?unresolved=true").body("id", contains(annasContest));
        resolve(f.tokens.operator(CASARANO), annasContest, "RELEASED", "anagrafe: Anna is not in Mallory's household; "
                + "Mallory's own situation is confirmed").statusCode(200);
        resolve(f.tokens.operator(CASARANO), annasContest, "EXCLUDED", "second thoughts").statusCode(409)
                .contentType("application/problem+json");
        // released, Mallory's application is back at its place in line: it gets the € 200 left
        status(pMallory, "PARTIALLY_GRANTED");
        asOperator(CASARANO, "/applications/" + pMallory).body("award.amount", euro("200.00"));
        asOperator(CASARANO, "/applications/" + pAnna).body("award.amount", euro("900.00"));
    }

    @Test
    void aDeskFilingForSomeoneDoesNotLockThemOutOfTheirOwnApplication() {
        UUID call = emergencyCall("9000.00");
        String gino = person(1341);
        // a desk files for Gino (a document was checked, but it is still someone acting for him)
        String pDesk = apply(call, f.tokens.deskOperator(CASARANO), emergency(gino).filedAtTheDeskFor(gino)).statusCode(201)
                .extract().path("protocolNumber");
        // Gino applies himself with SPID: his own application is the one that holds his place
        String pOwn = applied(call, gino, emergency(gino));
        asOperator(CASARANO, "/calls/" + call + "/contested-claims").statusCode(200)
                .body("heldProtocol", contains(pDesk)).body("takenByProtocol", contains(pOwn));
        // the desk that filed it sees its application, not the contest
        given().auth().oauth2(f.tokens.deskOperator(CASARANO)).get("/applications/" + pDesk).then().statusCode(200)
                .body("$", not(hasKey("contests")));
    }

    @Test
    void theHardshipGrantStaysOnceAYearCountedWithTheApplicationThatHoldsThePlace() {
        String mallory = person(1321);
        String anna = person(1322);
        UUID first = f.create(f.tokens.operator(BISCEGLIE), hardshipCall());
        String pMallory = applied(first, mallory, aHardshipApplication().by(mallory).withSpouse(anna));
        assess(pMallory, "300.00").statusCode(200).body("status", equalTo("GRANTED"));

        // Anna applies herself: the grant of the application that listed her is not hers, so she is eligible
        String pAnna = apply(first, f.tokens.citizen(anna), aHardshipApplication().by(anna)).statusCode(201)
                .body("status", equalTo("PENDING")).extract().path("protocolNumber");
        asOperator(BISCEGLIE, "/applications/" + pAnna)
                .body("assessment.checks.find { it.rule == 'oncePerYear' }.passed", equalTo(true));
        // the held application is not paid while its contest waits
        given().auth().oauth2(f.tokens.operator(BISCEGLIE)).contentType(ContentType.JSON).body("{\"paymentReference\": \"DD 1/2026\"}")
                .post("/applications/" + pMallory + "/payment").then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("held"));
        assess(pAnna, "400.00").statusCode(200).body("status", equalTo("GRANTED"));

        // a second hardship call of the same year: Anna's own grant counts for her, Mallory's for Mallory
        UUID second = f.create(f.tokens.operator(BISCEGLIE), hardshipCall());
        String again = apply(second, f.tokens.citizen(anna), aHardshipApplication().by(anna)).statusCode(201)
                .body("status", equalTo("NOT_ELIGIBLE")).extract().path("protocolNumber");
        asOperator(BISCEGLIE, "/applications/" + again)
                .body("assessment.checks.find { it.rule == 'oncePerYear' }.explanation", containsString(": 1 ≥ 1"));
        apply(second, f.tokens.citizen(mallory), aHardshipApplication().by(mallory)).statusCode(201)
                .body("status", equalTo("NOT_ELIGIBLE"));

        // the operator finds Mallory's household declaration false: excluded, her unpaid grant revoked, the money back
        String contest = asOperator(BISCEGLIE, "/calls/" + first + "/contested-claims").statusCode(200).body("$", hasSize(1))
                .extract().path("[0].id");
        resolve(f.tokens.operator(BISCEGLIE), contest, "EXCLUDED", "verbale di verifica n. 12/2026: dichiarazione non veritiera")
                .statusCode(200).body("resolution", equalTo("EXCLUDED"));
        asOperator(BISCEGLIE, "/applications/" + pMallory).body("status", equalTo("REVOKED")).body("award.status", equalTo("REVOKED"))
                .body("contests[0].resolution", equalTo("EXCLUDED"));
        asOperator(BISCEGLIE, "/calls/" + first + "/funding").body("committed", euro("400.00"));
        // with her grant revoked, nothing counts against Mallory any more
        UUID third = f.create(f.tokens.operator(BISCEGLIE), hardshipCall());
        apply(third, f.tokens.citizen(mallory), aHardshipApplication().by(mallory)).statusCode(201).body("status", equalTo("PENDING"));
    }

    @Test
    void twentyAtOnceExactlyOneOwnApplicationTakesThePlaceAndNoStrangerGetsIt() throws Exception {
        UUID call = emergencyCall("90000.00");
        String mallory = person(1331);
        String anna = person(1332);
        String pMallory = applied(call, mallory, emergency(mallory).withSpouse(anna));

        // ten submissions of Anna's own application and ten strangers listing her, released together
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Future<HttpResponse<String>>> annas = new ArrayList<>();
        List<Future<HttpResponse<String>>> strangers = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                String stranger = person(1400 + i);
                annas.add(pool.submit(() -> post(http, start, call, f.tokens.citizen(anna), emergency(anna))));
                strangers.add(pool.submit(() -> post(http, start, call, f.tokens.citizen(stranger), emergency(stranger).withSpouse(anna))));
            }
            start.countDown();
            List<HttpResponse<String>> annaAnswers = new ArrayList<>();
            for (Future<HttpResponse<String>> r : annas) {
                annaAnswers.add(r.get());
            }
            List<HttpResponse<String>> won = annaAnswers.stream().filter(r -> r.statusCode() == 201).toList();
            assertThat(won).as("Anna's own applications accepted").hasSize(1);
            String pAnna = io.restassured.path.json.JsonPath.from(won.get(0).body()).getString("protocolNumber");
            assertThat(annaAnswers.stream().filter(r -> r.statusCode() != 201)).hasSize(9).allSatisfy(r -> {
                assertThat(r.statusCode()).isEqualTo(409);
                assertThat(r.body()).contains(ALREADY_APPLIED).contains(pAnna).doesNotContain(pMallory);
            });
            for (Future<HttpResponse<String>> r : strangers) {
                HttpResponse<String> answer = r.get();
                assertThat(answer.statusCode()).isEqualTo(409);
                assertThat(answer.body()).contains(HOUSEHOLD_CONFLICT).doesNotMatch(PROTOCOL);
            }
            // one contest, one place: Anna's, in her one application; the refused ones left nothing behind
            asOperator(CASARANO, "/calls/" + call + "/contested-claims").statusCode(200)
                    .body("fiscalCode", contains(anna)).body("heldProtocol", contains(pMallory)).body("takenByProtocol", contains(pAnna));
            asOperator(CASARANO, "/calls/" + call + "/applications").statusCode(200).body("protocolNumber", contains(pMallory, pAnna));
            given().auth().oauth2(f.tokens.citizen(anna)).get("/me/applications").then().statusCode(200)
                    .body("protocolNumber", contains(pAnna));
        } finally {
            pool.shutdownNow();
        }
    }

    private HttpResponse<String> post(HttpClient http, CountDownLatch start, UUID call, String token, ApplicationFormBuilder form)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("calls/" + call + "/applications"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form.json())).build();
        start.await();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static ObjectNode hardshipCall() {
        return aCall(CallKind.HARDSHIP_GRANT).inMunicipality(BISCEGLIE).openBetween(Fixtures.romeIn(-60), Fixtures.romeIn(3600))
                .withBudget("1000.00").build();
    }

    private ValidatableResponse assess(String protocol, String amount) {
        return given().auth().oauth2(f.tokens.operator(BISCEGLIE)).contentType(ContentType.JSON).body("""
                {"amount": "%s", "socialWorker": "A.S. Maria De Pinto", "report": "relazione sociale n. 21/2026"}""".formatted(amount))
                .post("/applications/" + protocol + "/social-assessment").then();
    }
}
