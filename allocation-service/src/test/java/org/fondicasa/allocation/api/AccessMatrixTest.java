package org.fondicasa.allocation.api;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.fondicasa.testing.TokenFactory;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.fondicasa.allocation.fixtures.FundBuilder.aFund;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who may call what (issue #13, items 2 and 6): every endpoint of allocation-service's OpenAPI document, called by
 * every kind of caller, against a fund where Bari has its share, quota, co-financing, a call's reservation, a
 * simulation and the bonus. The expected answer comes from the rule in {@link AccessMatrix}: the roles the document
 * states, and {istatCode} as the municipality acting.
 */
@QuarkusTest
class AccessMatrixTest {

    static final String BARI = "072006";
    static final String PULSANO = "073022";
    static final String CITIZEN = "RSSMRA80A01A662A";
    static final String OTHER_CITIZEN = "BNCNNA85E52A883Y";

    /** Bari's figures in the world: what no one else may read in a refusal. */
    static final String FIN_A = "345.67";
    static final String COFIN = "678.91";
    static final String RESERVED = "123.45";
    static final String DELIBERATION = "GC 4711/2020";

    @TestHTTPResource("/")
    URI base;

    private final TokenFactory tokens = TokenFactory.fromConfig();

    @Test
    void everyRoleOnEveryEndpointForOwnAndForeignMunicipalityGetsWhatTheRuleSays() {
        List<Endpoint> endpoints = Endpoints.fromOpenApi(given().accept(ContentType.JSON).get("/q/openapi?format=json").asString());
        assertTrue(endpoints.size() >= 35, "the endpoints: " + endpoints);
        AccessMatrix matrix = new AccessMatrix("allocation-service", base,
                new AccessMatrix.Callers(tokens, BARI, PULSANO, CITIZEN, OTHER_CITIZEN),
                List.of(Tenancy.path("istatCode", Kind.MUNICIPALITY)),
                List.of(new Open("GET", "/municipalities/{istatCode}",
                        "reference data: the ISTAT list with its two flags, for every role (README, API)")));
        World shared = world();
        AccessMatrix.Result result = matrix.run(endpoints, (endpoint, who, fresh) -> request(endpoint, who, fresh ? world() : shared))
                .record();

        System.out.println(result.summary());
        assertEquals(List.of(), result.broken(), result.report());
    }

    /** The example: Pulsano's operator, a bad body, Bari's co-financing: 403 before the body is read. */
    @Test
    void aForeignOperatorsBadBodyIsRefusedBeforeItIsReadOrValidated() {
        World w = world();
        String path = "/funds/" + w.fund + "/municipalities/" + BARI + "/cofinancing";
        for (String bad : List.of("{\"finC\": -1, \"cofin\": \"many\"}", "{\"finC\": -1}", "{\"finC\":", "{\"unknown\": 1}")) {
            given().auth().oauth2(tokens.operator(PULSANO)).contentType(ContentType.JSON).body(bad).put(path).then()
                    .statusCode(403).contentType("application/problem+json")
                    .body("detail", equalTo("You may act only for your own municipality (" + PULSANO + ")"))
                    .body("$", not(org.hamcrest.Matchers.hasKey("violations")));
            // a role that may not write here at all: refused by the role check, which comes first
            given().auth().oauth2(tokens.citizen(CITIZEN)).contentType(ContentType.JSON).body(bad).put(path).then()
                    .statusCode(403).body("detail", equalTo("Your role does not allow this operation"));
            given().contentType(ContentType.JSON).body(bad).put(path).then().statusCode(401);
        }
        // the same bad body from Bari's own operator is read and answered with what is wrong in it
        given().auth().oauth2(tokens.operator(BARI)).contentType(ContentType.JSON).body("{\"finC\": -1, \"qEmi\": 0, \"qSmine\": 0, \"cofin\": 1}")
                .put(path).then().statusCode(400).body("violations[0].field", equalTo("finC"));
        // a foreign operator learns nothing from a municipality code that does not exist either
        given().auth().oauth2(tokens.operator(PULSANO)).contentType(ContentType.JSON).body("{}")
                .put("/funds/" + w.fund + "/municipalities/999999/cofinancing").then().statusCode(403)
                .body("detail", not(containsString("999999")));
    }

    private record World(String fund, UUID simulation, UUID reservedCall) {
    }

    /** A fund of its own: needs, a simulation, Bari's and Pulsano's published shares, Bari's quota, COFIN, a reservation, the bonus. */
    private World world() {
        String region = tokens.regionOfficer();
        String bari = tokens.operator(BARI);
        String code = "ACM-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        given().auth().oauth2(region).contentType(ContentType.JSON).body(aFund(code).withAmount("3100.00").withBonusReserve("100.00").json())
                .post("/funds").then().statusCode(201);
        given().auth().oauth2(region).contentType(ContentType.JSON)
                .body("[{\"istatCode\": \"072006\", \"need\": 2000.00}, {\"istatCode\": \"073022\", \"need\": 1000.00}]")
                .put("/funds/" + code + "/needs").then().statusCode(200);
        UUID simulation = UUID.fromString(given().auth().oauth2(region).post("/funds/" + code + "/simulations").then().statusCode(201)
                .extract().path("id"));
        given().auth().oauth2(region).contentType("text/csv").body("istat_code,share\n072006,2000.00\n073022,1000.00\n")
                .post("/funds/" + code + "/publication/import?source=test act").then().statusCode(201);
        given().auth().oauth2(bari).contentType(ContentType.JSON)
                .body("{\"finA\": " + FIN_A + ", \"finB\": 1154.33, \"finC\": 500.00}")
                .put("/funds/" + code + "/municipalities/" + BARI + "/quota").then().statusCode(200);
        given().auth().oauth2(bari).contentType(ContentType.JSON).body(cofinancing())
                .put("/funds/" + code + "/municipalities/" + BARI + "/cofinancing").then().statusCode(200);
        UUID call = UUID.randomUUID();
        given().auth().oauth2(bari).contentType(ContentType.JSON).body(reservation(call))
                .post("/funds/" + code + "/municipalities/" + BARI + "/reservations").then().statusCode(201);
        given().auth().oauth2(region).post("/funds/" + code + "/bonus/publication").then().statusCode(201);
        return new World(code, simulation, call);
    }

    private static String cofinancing() {
        return ("{\"finC\": 500.00, \"qEmi\": 0, \"qSmine\": 0, \"cofin\": " + COFIN + ", \"deliberationNumber\": \"" + DELIBERATION
                + "\", \"deliberationDate\": \"2020-11-10\", \"budgetChapter\": \"Cap. 1\"}");
    }

    private static String reservation(UUID call) {
        return "{\"callId\": \"%s\", \"legalAct\": \"DD 12/2020\", \"lines\": [{\"source\": \"Fin_a\", \"amount\": %s}]}".formatted(call, RESERVED);
    }

    /** Bari's objects in the world, and a body that is valid for the endpoint. */
    private Request request(Endpoint e, Who who, World w) {
        Map<String, String> path = new HashMap<>(Map.of("code", w.fund, "istatCode", BARI, "id", w.simulation.toString(),
                "callId", w.reservedCall.toString()));
        Request request = Request.of(path, List.of(FIN_A, COFIN, RESERVED, DELIBERATION, w.reservedCall.toString()));
        String key = e.method() + " " + e.path();
        return switch (key) {
            case "POST /funds" -> request.withJson(aFund("ACM-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase()).json());
            case "PUT /funds/{code}/needs" -> request.withJson("[{\"istatCode\": \"072006\", \"need\": 2000.00}]");
            case "POST /funds/{code}/publication/import" ->
                    request.withQuery(Map.of("source", "test act")).withBody("text/csv", "istat_code,share\n072006,2000.00\n073022,1000.00\n");
            case "PUT /funds/{code}/municipalities/{istatCode}/quota" ->
                    request.withJson("{\"finA\": " + FIN_A + ", \"finB\": 1154.33, \"finC\": 500.00}");
            case "PUT /funds/{code}/municipalities/{istatCode}/quota-deadline" ->
                    request.withJson("{\"deadline\": \"2030-01-31T23:59:00\", \"reason\": \"flooding of the town hall\"}");
            case "PUT /funds/{code}/municipalities/{istatCode}/cofinancing" -> request.withJson(cofinancing());
            case "POST /funds/{code}/municipalities/{istatCode}/reservations" -> request.withJson(reservation(UUID.randomUUID()));
            case "POST /funds/{code}/municipalities/{istatCode}/reservations/{callId}/top-ups" -> request.withJson(
                    "{\"topUpId\": \"%s\", \"source\": \"Fin_a\", \"amount\": 10.00, \"legalRef\": \"DD 13/2020\"}".formatted(UUID.randomUUID()));
            // absent flags keep their value: the shared reference data stays as every other test expects it
            case "PATCH /municipalities/{istatCode}" -> request.withJson("{}");
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
