package org.fondicasa.application.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.fondicasa.application.application.Fixtures;
import org.fondicasa.application.call.CallKind;
import org.fondicasa.testing.hostile.Endpoint;
import org.fondicasa.testing.hostile.Endpoints;
import org.fondicasa.testing.hostile.HostileRun;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.fondicasa.application.fixtures.ApplicationFormBuilder.anEmergencyApplication;
import static org.fondicasa.application.fixtures.CallBuilder.aCall;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every write endpoint, and every read that takes query parameters, of application-service, from its own OpenAPI document, gets the cases a hostile client once
 * found and a few hundred random malformed requests, sent with a role that may act on a call and an application of
 * its own, so that the request itself is what is tested: not one 500, not one 4xx without problem+json.
 * {@code -Dfondicasa.hostile.random=N} sends N random requests per endpoint (the long mode).
 */
@QuarkusTest
class HostileInputTest {

    static final String CASARANO = "075016";
    private static final AtomicInteger PEOPLE = new AtomicInteger(7_000);

    @TestHTTPResource("/")
    URI base;

    private final Fixtures f = new Fixtures();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void noClientMistakeOnAnyWriteEndpointIsAServerError() throws Exception {
        List<Endpoint> writes = Endpoints.fromOpenApi(given().accept(ContentType.JSON).get("/q/openapi?format=json").asString())
                .stream().filter(Endpoint::takesInput)
                // time only moves forward and every test of this JVM shares it: fuzzed in the running system instead
                .filter(e -> !e.path().startsWith("/clock"))
                .toList();
        assertTrue(writes.size() >= 12, "the write endpoints: " + writes);

        List<HostileRun.Target> targets = new ArrayList<>();
        for (Endpoint e : writes) {
            World w = world();
            String applicant = Fixtures.fiscalCode(PEOPLE.incrementAndGet());
            String token = e.roles().contains("municipality-operator") ? f.tokens.operator(CASARANO)
                    : e.path().equals("/calls/{id}/applications") ? f.tokens.citizen(applicant)
                    : e.roles().contains("citizen") ? f.tokens.citizen(w.applicant) : f.tokens.regionOfficer();
            JsonNode example = switch (e.path()) {
                case "/calls" -> callBody();
                case "/calls/{id}/applications" -> json.readTree(anEmergencyApplication().by(applicant).json());
                default -> null;
            };
            targets.add(new HostileRun.Target(e, Map.of("id", w.call.toString(), "protocol", w.protocol), token, example));
        }
        HostileRun.Result result = HostileRun.run(base, targets, Integer.getInteger("fondicasa.hostile.random", 150), 13L, 1);

        System.out.println("hostile input, " + getClass().getSimpleName() + ": " + result.summary());
        assertEquals(List.of(), result.failures().stream().map(Object::toString).limit(40).toList(), result.report(3));
    }

    private record World(UUID call, String applicant, String protocol) {
    }

    private JsonNode callBody() {
        return aCall(CallKind.RENT_EMERGENCY).inMunicipality(CASARANO).openBetween(Fixtures.romeIn(-60), Fixtures.romeIn(3600))
                .withBudget("5000.00").build();
    }

    /** Casarano's open emergency call on its own money, with one citizen's application in it. */
    private World world() {
        UUID call = f.create(f.tokens.operator(CASARANO), (com.fasterxml.jackson.databind.node.ObjectNode) callBody());
        String applicant = Fixtures.fiscalCode(PEOPLE.incrementAndGet());
        String protocol = given().auth().oauth2(f.tokens.citizen(applicant)).contentType(ContentType.JSON)
                .body(anEmergencyApplication().by(applicant).json())
                .post("/calls/" + call + "/applications").then().statusCode(201).extract().path("protocolNumber");
        return new World(call, applicant, protocol);
    }
}
