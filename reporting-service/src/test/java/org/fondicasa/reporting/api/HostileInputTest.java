package org.fondicasa.reporting.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.fondicasa.testing.KafkaTestClient;
import org.fondicasa.testing.TokenFactory;
import org.fondicasa.testing.hostile.Endpoint;
import org.fondicasa.testing.hostile.Endpoints;
import org.fondicasa.testing.hostile.HostileRun;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.fondicasa.reporting.fixtures.FundCreatedBuilder.aFundCreated;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every write endpoint, and every read that takes query parameters, of reporting-service, from its own OpenAPI document, gets the cases a hostile client once found
 * and a few hundred random malformed requests, with a role that may act on a fund and municipality of its own: not one
 * 500, not one 4xx without problem+json. {@code -Dfondicasa.hostile.random=N} sends N random requests per endpoint.
 */
@QuarkusTest
class HostileInputTest {

    static final String CASARANO = "075016";

    @TestHTTPResource("/")
    URI base;

    private final TokenFactory tokens = TokenFactory.fromConfig();
    private final KafkaTestClient kafka = KafkaTestClient.fromConfig();

    @Test
    void noClientMistakeOnAnyWriteEndpointIsAServerError() throws Exception {
        List<Endpoint> writes = Endpoints.fromOpenApi(given().accept(ContentType.JSON).get("/q/openapi?format=json").asString())
                .stream().filter(Endpoint::takesInput)
                // time only moves forward and every test of this JVM shares it: fuzzed in the running system instead
                .filter(e -> !e.path().startsWith("/clock"))
                .toList();
        assertTrue(writes.size() >= 2, "the write endpoints: " + writes);

        String fund = fundWithCasaranosFinA();
        var example = new ObjectMapper().readTree("{\"used\": \"0.00\", \"unspent\": \"2500.00\", \"beneficiaries\": []}");
        List<HostileRun.Target> targets = writes.stream().map(e -> new HostileRun.Target(e, Map.of("code", fund, "istatCode", CASARANO),
                e.roles().contains("municipality-operator") ? tokens.operator(CASARANO) : tokens.regionOfficer(),
                e.path().endsWith("/report") ? example : null)).toList();
        HostileRun.Result result = HostileRun.run(base, targets, Integer.getInteger("fondicasa.hostile.random", 300), 13L, 1);

        System.out.println("hostile input, " + getClass().getSimpleName() + ": " + result.summary());
        assertEquals(List.of(), result.failures().stream().map(Object::toString).limit(40).toList(), result.report(3));
    }

    /** A fund the ledger knows, where Casarano put € 2.500 on Fin_a and owes a report. */
    private String fundWithCasaranosFinA() {
        String fund = "HOS-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        kafka.send("allocation.events", fund, KafkaTestClient.envelope(UUID.randomUUID().toString(), "FundCreated", "/allocation-service",
                null, aFundCreated(fund).data()));
        kafka.send("allocation.events", CASARANO, KafkaTestClient.envelope(UUID.randomUUID().toString(), "QuotaDeclared", "/allocation-service",
                CASARANO, """
                        {"fundCode": "%s", "istatCode": "%s", "revision": 1, "share": "4000.00", "finA": "2500.00", "finB": "1000.00", "finC": "500.00"}"""
                        .formatted(fund, CASARANO)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(tokens.operator(CASARANO))
                .get("/funds/" + fund + "/municipalities/" + CASARANO + "/report/draft").then().statusCode(200));
        return fund;
    }
}
