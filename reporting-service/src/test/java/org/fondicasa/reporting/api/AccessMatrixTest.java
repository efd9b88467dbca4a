package org.fondicasa.reporting.api;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.fondicasa.testing.KafkaTestClient;
import org.fondicasa.testing.TokenFactory;
import org.fondicasa.testing.access.AccessMatrix;
import org.fondicasa.testing.access.AccessMatrix.Kind;
import org.fondicasa.testing.access.AccessMatrix.Request;
import org.fondicasa.testing.access.AccessMatrix.Tenancy;
import org.fondicasa.testing.hostile.Endpoint;
import org.fondicasa.testing.hostile.Endpoints;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.fondicasa.reporting.fixtures.FundCreatedBuilder.aFundCreated;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who may call what (issue #13, items 2 and 6): every endpoint of reporting-service's OpenAPI document, called by every
 * kind of caller, against a fund whose ledger knows Bari's quota, one beneficiary granted and paid, and Bari's
 * submitted report. Expected answers come from the rule in {@link AccessMatrix}: the roles the document states, and
 * {istatCode} (in the path of reports, in the query of the ledger and the annexes) as the municipality acting.
 */
@QuarkusTest
class AccessMatrixTest {

    static final String BARI = "072006";
    static final String PULSANO = "073022";
    static final String CITIZEN = "RSSMRA80A01A662A";
    static final String OTHER_CITIZEN = "BNCNNA85E52A883Y";

    /** Bari's figures and beneficiary (a protocol per world: a protocol is one application): what no one else may read in a refusal. */
    private static final java.util.concurrent.atomic.AtomicInteger PROTOCOLS = new java.util.concurrent.atomic.AtomicInteger(606_000);
    static final String FIN_A = "2345.67";
    static final String GRANTED = "1234.56";
    static final String UNSPENT = "1111.11";
    static final String ISEE = "14321.00";

    @TestHTTPResource("/")
    URI base;

    @Inject
    Clock clock;

    private final TokenFactory tokens = TokenFactory.fromConfig();
    private final KafkaTestClient kafka = KafkaTestClient.fromConfig();

    @Test
    void everyRoleOnEveryEndpointForOwnAndForeignMunicipalityGetsWhatTheRuleSays() {
        List<Endpoint> endpoints = Endpoints.fromOpenApi(given().accept(ContentType.JSON).get("/q/openapi?format=json").asString());
        assertTrue(endpoints.size() >= 18, "the endpoints: " + endpoints);
        AccessMatrix matrix = new AccessMatrix("reporting-service", base,
                new AccessMatrix.Callers(tokens, BARI, PULSANO, CITIZEN, OTHER_CITIZEN),
                List.of(Tenancy.path("istatCode", Kind.MUNICIPALITY), Tenancy.query("istatCode", Kind.MUNICIPALITY)),
                List.of());
        World world = world();
        // the report is a new version each time (with its reason): allowed writes need no objects of their own
        AccessMatrix.Result result = matrix.run(endpoints, (endpoint, who, fresh) -> request(endpoint, world)).record();

        System.out.println(result.summary());
        assertEquals(List.of(), result.broken(), result.report());
    }

    /** Pulsano's operator, a bad report for Bari: 403 before the body is read, not the list of what is wrong in it. */
    @Test
    void aForeignOperatorsBadReportIsRefusedBeforeItIsRead() {
        String fund = world().fund;
        for (String bad : List.of("{\"used\": -1, \"beneficiaries\": [{\"protocolNumber\": \"x\"}]}", "{\"used\":")) {
            given().auth().oauth2(tokens.operator(PULSANO)).contentType(ContentType.JSON).body(bad)
                    .put("/funds/" + fund + "/municipalities/" + BARI + "/report").then().statusCode(403)
                    .contentType("application/problem+json").body("detail", equalTo("You may act only for your own municipality (" + PULSANO + ")"));
        }
    }

    private void allocation(String type, String key, String data) {
        kafka.send("allocation.events", key, KafkaTestClient.envelope(UUID.randomUUID().toString(), type, "/allocation-service",
                key.matches("[0-9]{6}") ? key : null, data));
    }

    private void application(String type, String data) {
        kafka.send("application.events", BARI, KafkaTestClient.envelope(UUID.randomUUID().toString(), type, "/application-service", BARI, data));
    }

    private record World(String fund, String protocol) {
    }

    /** A fund of its own, as the other services' events announce it, with Bari's report submitted. */
    private World world() {
        String protocol = "2026-0000" + PROTOCOLS.incrementAndGet();
        String fund = "ACM-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        OffsetDateTime deadline = OffsetDateTime.now(clock).plusDays(30).truncatedTo(ChronoUnit.SECONDS);
        allocation("FundCreated", fund, aFundCreated(fund).withAmount("10000.00").withReportDeadline(deadline.toString()).data());
        allocation("QuotaDeclared", BARI, """
                {"fundCode": "%s", "istatCode": "%s", "revision": 1, "share": "4000.00", "finA": "%s", "finB": "1154.33", "finC": "500.00"}"""
                .formatted(fund, BARI, FIN_A));
        allocation("QuotaDeclared", PULSANO, """
                {"fundCode": "%s", "istatCode": "%s", "revision": 1, "share": "900.00", "finA": "400.00", "finB": "400.00", "finC": "100.00"}"""
                .formatted(fund, PULSANO));
        String head = "\"callId\": \"%s\", \"kind\": \"RENT_EMERGENCY\", \"istatCode\": \"%s\", \"fundCode\": \"%s\", \"protocolNumber\": \"%s\""
                .formatted(UUID.randomUUID(), BARI, fund, protocol);
        application("ApplicationAssessed", """
                {%s, "eligible": true, "status": "PENDING", "householdSize": 3, "dependentChildren": 1, "isee": "%s",
                 "need": "%s", "failedRules": []}""".formatted(head, ISEE, GRANTED));
        application("ContributionGranted", """
                {%s, "amount": "%s", "total": "%s", "need": "%s", "partial": false, "explanation": "first come"}"""
                .formatted(head, GRANTED, GRANTED, GRANTED));
        application("ContributionPaid", """
                {%s, "amount": "%s", "withheld": "0.00", "paid": "%s", "paidAt": "2021-01-10T09:00:00Z"}""".formatted(head, GRANTED, GRANTED));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(tokens.operator(BARI))
                .get("/funds/" + fund + "/municipalities/" + BARI + "/report/draft").then().statusCode(200)
                .body("beneficiaries.protocolNumber", equalTo(List.of(protocol))));
        given().auth().oauth2(tokens.operator(BARI)).contentType(ContentType.JSON).body(report(protocol))
                .put("/funds/" + fund + "/municipalities/" + BARI + "/report").then().statusCode(201);
        return new World(fund, protocol);
    }

    private static String report(String protocol) {
        return """
                {"used": "%s", "unspent": "%s", "reason": "as the ledger shows",
                 "beneficiaries": [{"protocolNumber": "%s", "householdSize": 3, "dependentChildren": 1, "isee": "%s", "contributionPaid": "%s"}]}"""
                .formatted(GRANTED, UNSPENT, protocol, ISEE, GRANTED);
    }

    private static Request request(Endpoint e, World w) {
        Request request = Request.of(Map.of("code", w.fund, "istatCode", BARI), List.of(w.protocol, FIN_A, GRANTED, UNSPENT, ISEE));
        if (e.queryParameters().stream().anyMatch(q -> q.name().equals("istatCode"))) {
            request = request.withQuery(Map.of("istatCode", BARI));
        }
        String key = e.method() + " " + e.path();
        return switch (key) {
            case "PUT /funds/{code}/municipalities/{istatCode}/report" -> request.withJson(report(w.protocol));
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
