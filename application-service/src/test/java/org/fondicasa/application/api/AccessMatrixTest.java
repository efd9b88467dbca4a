package org.fondicasa.application.api;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.fondicasa.application.application.Fixtures;
import org.fondicasa.application.call.CallKind;
import org.fondicasa.application.fixtures.ApplicationFormBuilder;
import org.fondicasa.testing.access.AccessMatrix;
import org.fondicasa.testing.access.AccessMatrix.Kind;
import org.fondicasa.testing.access.AccessMatrix.Open;
import org.fondicasa.testing.access.AccessMatrix.Request;
import org.fondicasa.testing.access.AccessMatrix.Tenancy;
import org.fondicasa.testing.access.AccessMatrix.Who;
import org.fondicasa.testing.hostile.Endpoint;
import org.fondicasa.testing.hostile.Endpoints;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.fondicasa.application.fixtures.ApplicationFormBuilder.aRentSupportApplication;
import static org.fondicasa.application.fixtures.ApplicationFormBuilder.anEmergencyApplication;
import static org.fondicasa.application.fixtures.CallBuilder.aCall;
import static org.fondicasa.application.fixtures.HouseholdBuilder.aHousehold;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who may call what (issue #13, items 2 and 6): every endpoint of application-service's OpenAPI document, called by
 * every kind of caller, against Bari's call with an application the Bari desk filed for a citizen, a household
 * contest, and a ranked call with the citizen's place. Expected answers come from the rule in {@link AccessMatrix}:
 * the roles the document states; {id} of /calls/… a public call of Bari (403 for another municipality), {protocol}
 * an application and {id} of /contested-claims/… a contest whose existence is private (404, as for nothing).
 */
@QuarkusTest
class AccessMatrixTest {

    static final String BARI = "072006";
    static final String PULSANO = "073022";
    static final String CITIZEN = Fixtures.fiscalCode(60_001);
    static final String OTHER_CITIZEN = Fixtures.fiscalCode(60_002);
    private static final AtomicInteger PEOPLE = new AtomicInteger(61_000);

    @TestHTTPResource("/")
    URI base;

    private final Fixtures f = new Fixtures();

    @Test
    void everyRoleOnEveryEndpointForOwnAndForeignMunicipalityAndCitizenGetsWhatTheRuleSays() {
        List<Endpoint> endpoints = Endpoints.fromOpenApi(given().accept(ContentType.JSON).get("/q/openapi?format=json").asString());
        assertTrue(endpoints.size() >= 24, "the endpoints: " + endpoints);
        assertTrue(endpoints.stream().anyMatch(e -> e.path().equals("/contested-claims/{id}/resolution")), "the endpoints: " + endpoints);
        AccessMatrix matrix = new AccessMatrix("application-service", base,
                new AccessMatrix.Callers(f.tokens, BARI, PULSANO, CITIZEN, OTHER_CITIZEN),
                List.of(Tenancy.path("istatCode", Kind.MUNICIPALITY),
                        Tenancy.path("id", Kind.PUBLIC).under("/calls/"),
                        Tenancy.path("protocol", Kind.PERSONAL).nonexistent("2026-9999999999"),
                        Tenancy.path("id", Kind.MANAGERS).under("/contested-claims/").nonexistent("00000000-0000-4000-8000-000000000000")),
                List.of(new Open("GET", "/calls/{id}", "calls are public: every role lists and reads every call (README, API)")));
        World shared = world(true);
        AccessMatrix.Result result = matrix.run(endpoints, (endpoint, who, fresh) -> request(endpoint, who, fresh ? world(false) : shared))
                .record();

        System.out.println(result.summary());
        assertEquals(List.of(), result.broken(), result.report());
    }

    /** Another municipality's operator, a bad body, Bari's application: the answer of a protocol that does not exist. */
    @Test
    void aForeignOperatorLearnsNeitherTheBodysMistakesNorThatTheApplicationExists() {
        World w = world(false);
        for (String body : List.of("{\"amount\": -1}", "{\"amount\":", "{\"amount\": 200.00, \"reference\": \"TARI 2019\"}")) {
            String existing = given().auth().oauth2(f.tokens.operator(PULSANO)).contentType(ContentType.JSON).body(body)
                    .put("/applications/" + w.protocol + "/tax-arrears").then().statusCode(404).contentType("application/problem+json")
                    .extract().asString();
            String none = given().auth().oauth2(f.tokens.operator(PULSANO)).contentType(ContentType.JSON).body(body)
                    .put("/applications/2026-9999999999/tax-arrears").then().statusCode(404).extract().asString();
            assertEquals(none.replace("2026-9999999999", "P"), existing.replace(w.protocol, "P"));
        }
        // the call is public: refusing to act on it says nothing new, and says it before the body is read
        given().auth().oauth2(f.tokens.operator(PULSANO)).contentType(ContentType.JSON).body("{\"amount\":")
                .post("/calls/" + w.call + "/budget/top-ups").then().statusCode(403);
    }

    private record World(UUID call, UUID rankedCall, String protocol, UUID contest, List<String> secrets) {
    }

    /**
     * Bari's open emergency call with the application its desk filed for the citizen, and a household contest (one
     * person listed a member who then applied herself); {@code ranked}: also a closed rent-support call of Bari with
     * the citizen's place in its published ranking (the clock moves past its closing).
     */
    private World world(boolean ranked) {
        String bari = f.tokens.operator(BARI);
        UUID call = f.create(bari, callBody(BARI));
        String protocol = apply(call, f.tokens.deskOperator(BARI), anEmergencyApplication().filedAtTheDeskFor(CITIZEN));
        String lister = Fixtures.fiscalCode(PEOPLE.incrementAndGet());
        String member = Fixtures.fiscalCode(PEOPLE.incrementAndGet());
        String held = apply(call, f.tokens.citizen(lister), anEmergencyApplication().by(lister)
                .withHousehold(aHousehold().withApplicant(lister).withChild(member)));
        String own = apply(call, f.tokens.citizen(member), anEmergencyApplication().by(member));
        UUID contest = UUID.fromString(given().auth().oauth2(bari).get("/calls/" + call + "/contested-claims").then().statusCode(200)
                .extract().path("[0].id"));
        UUID rankedCall = call;
        if (ranked) {
            var body = aCall(CallKind.RENT_SUPPORT).inMunicipality(BARI).openBetween(Fixtures.romeIn(-60), Fixtures.romeIn(30))
                    .withBudget("5000.00").build();
            rankedCall = f.create(bari, body);
            apply(rankedCall, f.tokens.citizen(CITIZEN), aRentSupportApplication().by(CITIZEN));
            Fixtures.moveClockPast(body.get("closesAt").asText());
            given().auth().oauth2(bari).post("/calls/" + rankedCall + "/ranking/publication").then().statusCode(200);
        }
        return new World(call, rankedCall, protocol, contest,
                List.of(CITIZEN, lister, member, protocol, held, own, contest.toString(), ApplicationFormBuilder.IBAN));
    }

    private com.fasterxml.jackson.databind.node.ObjectNode callBody(String istat) {
        return aCall(CallKind.RENT_EMERGENCY).inMunicipality(istat).openBetween(Fixtures.romeIn(-60), Fixtures.romeIn(3600))
                .withBudget("5000.00").build();
    }

    private String apply(UUID call, String token, ApplicationFormBuilder form) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(form.json())
                .post("/calls/" + call + "/applications").then().statusCode(201).extract().path("protocolNumber");
    }

    /** The world's objects for the endpoint, and a body that is valid for it and for who sends it. */
    private Request request(Endpoint e, Who who, World w) {
        String key = e.method() + " " + e.path();
        UUID call = key.equals("GET /calls/{id}/ranking") ? w.rankedCall : w.call;
        String id = e.path().startsWith("/contested-claims/") ? w.contest.toString() : call.toString();
        Request request = Request.of(Map.of("id", id, "protocol", w.protocol, "istatCode", BARI, "kind", "RENT_EMERGENCY"), w.secrets);
        return switch (key) {
            // each operator opens a call in their own municipality: that the body's municipality is checked is RentSupportCallTest's
            case "POST /calls" -> request.withJson(callBody(who == Who.FOREIGN_OPERATOR ? PULSANO : BARI).toString());
            case "POST /calls/{id}/applications" -> request.withJson((switch (who) {
                case CITIZEN -> anEmergencyApplication().by(CITIZEN);
                case OTHER_CITIZEN -> anEmergencyApplication().by(OTHER_CITIZEN);
                default -> anEmergencyApplication().filedAtTheDeskFor(Fixtures.fiscalCode(PEOPLE.incrementAndGet()));
            }).json());
            case "POST /calls/{id}/budget/top-ups" -> request.withJson("{\"source\": \"MUNICIPAL\", \"amount\": 100.00, \"legalRef\": \"DG 7/2026\"}");
            case "PUT /applications/{protocol}/tax-arrears" -> request.withJson("{\"amount\": 200.00, \"reference\": \"TARI 2019\"}");
            case "POST /applications/{protocol}/social-assessment" ->
                    request.withJson("{\"amount\": 300.00, \"socialWorker\": \"dr. Neri\", \"report\": \"home visit\"}");
            case "POST /applications/{protocol}/payment" -> request.withJson("{\"paymentReference\": \"mandato 12/2026\"}");
            case "POST /applications/{protocol}/revocation" -> request.withJson("{\"reason\": \"false declaration\"}");
            case "POST /contested-claims/{id}/resolution" -> request.withJson("{\"outcome\": \"RELEASED\", \"note\": \"registry checked\"}");
            // time moves forward only and every test of this JVM shares it: by nothing
            case "POST /clock/advance" -> request.withJson("{\"by\": \"PT0S\"}");
            default -> {
                if (e.requestSchema() != null) {
                    throw new IllegalStateException("no valid body for " + key + ": add one here");
                }
                yield request;
            }
        };
    }
}
