package org.fondicasa.allocation.api;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.fondicasa.testing.TokenFactory;
import org.fondicasa.testing.hostile.Endpoint;
import org.fondicasa.testing.hostile.Endpoints;
import org.fondicasa.testing.hostile.HostileRun;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.fondicasa.allocation.fixtures.FundBuilder.aFund;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every write endpoint, and every read that takes query parameters, of allocation-service, taken from its own OpenAPI document, gets the cases a hostile client once
 * found and a few hundred random malformed requests, each with a role and a municipality that may act there, so that
 * the request itself is what is tested. Not one answer may be a 500 or a 4xx without problem+json.
 * {@code -Dfondicasa.hostile.random=N} sends N random requests per endpoint (the long mode).
 */
@QuarkusTest
class HostileInputTest {

    static final String BARI = "072006";
    static final String ACCADIA = "071001";

    @TestHTTPResource("/")
    URI base;

    private final TokenFactory tokens = TokenFactory.fromConfig();

    @Test
    void noClientMistakeOnAnyWriteEndpointIsAServerError() {
        List<Endpoint> writes = Endpoints.fromOpenApi(given().accept(ContentType.JSON).get("/q/openapi?format=json").asString())
                .stream().filter(Endpoint::takesInput)
                // time only moves forward and every test of this JVM shares it: fuzzed in the running system instead
                .filter(e -> !e.path().startsWith("/clock"))
                .toList();
        assertTrue(writes.size() >= 15, "the write endpoints: " + writes);
        // a municipality's flags change the split of every fund: fuzzed on Accadia, which no other test uses
        List<HostileRun.Target> targets = writes.stream().map(e -> new HostileRun.Target(e,
                e.path().equals("/municipalities/{istatCode}") ? Map.of("istatCode", ACCADIA) : world(), token(e), null)).toList();
        HostileRun.Result result = HostileRun.run(base, targets, Integer.getInteger("fondicasa.hostile.random", 150), 13L, 1);

        System.out.println("hostile input, " + getClass().getSimpleName() + ": " + result.summary());
        assertEquals(List.of(), result.failures().stream().map(Object::toString).limit(40).toList(), result.report(3));
    }

    private String token(Endpoint endpoint) {
        return endpoint.roles().contains("region-officer") ? tokens.regionOfficer() : tokens.operator(BARI);
    }

    /** A fund of its own for every endpoint, published, with Bari's quota declared and one call's reservation. */
    private Map<String, String> world() {
        String code = "HOS-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        given().auth().oauth2(tokens.regionOfficer()).contentType(ContentType.JSON).body(aFund(code).withAmount("3000.00").json())
                .post("/funds").then().statusCode(201);
        given().auth().oauth2(tokens.regionOfficer()).contentType("text/csv").body("istat_code,share\n072006,3000.00\n")
                .post("/funds/" + code + "/publication/import?source=test act").then().statusCode(201);
        given().auth().oauth2(tokens.operator(BARI)).contentType(ContentType.JSON)
                .body("{\"finA\": 1000.00, \"finB\": 1500.00, \"finC\": 500.00}")
                .put("/funds/" + code + "/municipalities/" + BARI + "/quota").then().statusCode(200);
        UUID call = UUID.randomUUID();
        given().auth().oauth2(tokens.operator(BARI)).contentType(ContentType.JSON)
                .body("{\"callId\": \"%s\", \"legalAct\": \"DD 12/2020\", \"lines\": [{\"source\": \"Fin_a\", \"amount\": \"100.00\"}]}".formatted(call))
                .post("/funds/" + code + "/municipalities/" + BARI + "/reservations").then().statusCode(201);
        return Map.of("code", code, "istatCode", BARI, "callId", call.toString());
    }
}
