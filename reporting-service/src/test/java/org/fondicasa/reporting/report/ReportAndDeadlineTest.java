package org.fondicasa.reporting.report;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.fondicasa.testing.KafkaTestClient;
import org.fondicasa.testing.Money;
import org.fondicasa.testing.TokenFactory;
import org.junit.jupiter.api.Test;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.fondicasa.platform.clock.MovableClock;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.fondicasa.testing.Money.euro;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.fondicasa.reporting.fixtures.FundCreatedBuilder.aFundCreated;

/** Rendicontazione of a Fin_a round (DOMAIN §1.4): the pre-filled report, its checks and versions, then the deadline. */
@QuarkusTest
class ReportAndDeadlineTest {

    static {
        Money.exactJsonNumbers();
    }

    static final String CASARANO = "075016";
    static final String BISCEGLIE = "110003";

    private final KafkaTestClient kafka = KafkaTestClient.fromConfig();
    private final TokenFactory tokens = TokenFactory.fromConfig();

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    /** The events of a type about a fund that reached Kafka, once none about the fund is left in the outbox. */
    private long published(String type, String fund) {
        return kafka.published("reporting.events", type, value -> value.contains("\"" + fund + "\""),
                () -> QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                                "select count(*) from outbox_event where payload like ?1")
                        .setParameter(1, "%\"" + fund + "\"%").getSingleResult()).longValue()), Duration.ofSeconds(30)).size();
    }

    private void allocation(String type, String key, String data) {
        String subject = key.matches("[0-9]{6}") ? key : null; // region-wide events have no municipality
        kafka.send("allocation.events", key, KafkaTestClient.envelope(UUID.randomUUID().toString(), type, "/allocation-service", subject, data));
    }

    private void application(String type, String istat, String data) {
        kafka.send("application.events", istat, KafkaTestClient.envelope(UUID.randomUUID().toString(), type, "/application-service", istat, data));
    }

    private String head(String call, String istat, String fund, String protocol) {
        return "\"callId\": \"%s\", \"kind\": \"RENT_EMERGENCY\", \"istatCode\": \"%s\", \"fundCode\": \"%s\", \"protocolNumber\": \"%s\""
                .formatted(call, istat, fund, protocol);
    }

    private String reserved(String fund, String istat, String call, String amount, String availableAfter) {
        return """
                {"fundCode": "%s", "istatCode": "%s", "source": "Fin_a", "callId": "%s", "callFundCode": "%s", "position": 1,
                 "amount": "%s", "availableAfter": "%s", "legalRef": "DD 12/2020"}""".formatted(fund, istat, call, fund, amount, availableAfter);
    }

    private String report(String used, String unspent, String lines, String reason) {
        return """
                {"used": "%s", "unspent": "%s", "beneficiaries": [%s]%s}""".formatted(used, unspent, lines,
                reason == null ? "" : ", \"reason\": \"" + reason + "\"");
    }

    @Test
    void aMunicipalityReportsItsFinAAndOneThatDoesNotIsMarkedAtTheDeadline() {
        String fund = "REP-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        OffsetDateTime deadline = OffsetDateTime.now(clock).plusDays(30).truncatedTo(ChronoUnit.SECONDS);
        allocation("FundCreated", fund, aFundCreated(fund).withReportDeadline(deadline.toString()).data());
        for (String istat : new String[]{CASARANO, BISCEGLIE}) {
            allocation("QuotaDeclared", istat, """
                    {"fundCode": "%s", "istatCode": "%s", "revision": 1, "share": "4000.00", "finA": "2500.00", "finB": "1000.00", "finC": "500.00"}"""
                    .formatted(fund, istat));
        }
        // a municipality that put nothing on Fin_a owes no report
        allocation("QuotaDeclared", "073022", """
                {"fundCode": "%s", "istatCode": "073022", "revision": 1, "share": "900.00", "finA": "0.00", "finB": "600.00", "finC": "300.00"}"""
                .formatted(fund));
        String call = UUID.randomUUID().toString();
        String p1 = "2026-0000100001";
        String p2 = "2026-0000100002";
        for (String p : new String[]{p1, p2}) {
            application("ApplicationAssessed", CASARANO, """
                    {%s, "eligible": true, "status": "PENDING", "householdSize": 3, "dependentChildren": 1, "isee": "14200.00",
                     "need": "1000.00", "failedRules": []}""".formatted(head(call, CASARANO, fund, p)));
        }
        application("ContributionGranted", CASARANO, """
                {%s, "amount": "1000.00", "total": "1000.00", "need": "1000.00", "partial": false, "explanation": "first come"}"""
                .formatted(head(call, CASARANO, fund, p1)));
        application("ContributionGranted", CASARANO, """
                {%s, "amount": "900.00", "total": "900.00", "need": "1000.00", "partial": true, "explanation": "first come"}"""
                .formatted(head(call, CASARANO, fund, p2)));
        application("ContributionPaid", CASARANO, """
                {%s, "amount": "1000.00", "withheld": "150.00", "paid": "850.00", "paidAt": "2021-01-10T09:00:00Z"}"""
                .formatted(head(call, CASARANO, fund, p1)));
        application("ContributionPaid", CASARANO, """
                {%s, "amount": "900.00", "withheld": "0.00", "paid": "900.00", "paidAt": "2021-01-11T09:00:00Z"}"""
                .formatted(head(call, CASARANO, fund, p2)));
        // Bisceglie's call reserved € 500 of its Fin_a and granted them: € 2.000 stay available
        String bisceglieCall = UUID.randomUUID().toString();
        allocation("BudgetReserved", BISCEGLIE, reserved(fund, BISCEGLIE, bisceglieCall, "500.00", "2000.00"));
        application("ContributionGranted", BISCEGLIE, """
                {%s, "amount": "500.00", "total": "500.00", "need": "500.00", "partial": false, "explanation": "first come"}"""
                .formatted(head(bisceglieCall, BISCEGLIE, fund, "2026-0000100003")));

        String base = "/funds/" + fund + "/municipalities/" + CASARANO + "/report";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(tokens.operator(CASARANO))
                .get(base + "/draft").then().statusCode(200)
                .body("available", euro("2500.00")).body("used", euro("1900.00")).body("unspent", euro("600.00"))
                .body("beneficiaries", hasSize(2)).body("beneficiaries[0].householdSize", equalTo(3)));
        given().auth().oauth2(tokens.operator(BISCEGLIE)).get(base + "/draft").then().statusCode(403);

        // every inconsistency listed, nothing stored
        given().auth().oauth2(tokens.operator(CASARANO)).contentType(ContentType.JSON).body(report("2500.00", "100.00", """
                        {"protocolNumber": "%s", "householdSize": 3, "dependentChildren": 1, "isee": "14200.00", "contributionPaid": "1200.00"},
                        {"protocolNumber": "2026-0000999999", "householdSize": 1, "dependentChildren": 0, "contributionPaid": "100.00"}"""
                        .formatted(p1), null))
                .put(base).then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItems("beneficiaries[0].contributionPaid", "beneficiaries[1].protocolNumber", "used", "unspent"))
                .body("violations.message", hasItems(containsString("beneficiary unknown"), containsString("more than the € 1.000,00 granted")));
        given().auth().oauth2(tokens.operator(CASARANO)).get(base).then().statusCode(404);

        String lines = """
                {"protocolNumber": "%s", "householdSize": 3, "dependentChildren": 1, "isee": "14200.00", "contributionPaid": "1000.00"},
                {"protocolNumber": "%s", "householdSize": 3, "dependentChildren": 1, "isee": "14200.00", "contributionPaid": "900.00"}"""
                .formatted(p1, p2);
        given().auth().oauth2(tokens.operator(CASARANO)).contentType(ContentType.JSON).body(report("1900.00", "600.00", lines, null))
                .put(base).then().statusCode(201).header("Cache-Control", "no-store").body("version", equalTo(1));
        kafka.await("reporting.events", r -> r.value().contains("\"SavingsDeclared\"") && r.value().contains(fund)
                && r.value().contains("\"unspent\":\"600.00\""), 1, Duration.ofSeconds(30));
        given().auth().oauth2(tokens.operator(CASARANO)).contentType(ContentType.JSON).body(report("1900.00", "600.00", lines, null))
                .put(base).then().statusCode(400).body("violations[0].field", equalTo("reason"));
        given().auth().oauth2(tokens.operator(CASARANO)).contentType(ContentType.JSON)
                .body(report("1900.00", "600.00", lines, "ISEE of the second household corrected after the checks"))
                .put(base).then().statusCode(201).body("version", equalTo(2));
        given().auth().oauth2(tokens.regionOfficer()).get(base + "/versions").then().statusCode(200).body("", hasSize(2));

        // before the deadline nobody is missing
        given().auth().oauth2(tokens.regionOfficer()).post("/funds/" + fund + "/reports/missing").then().statusCode(200)
                .body("municipalities.find { it.istatCode == '" + BISCEGLIE + "' }.state", equalTo("DUE"));

        // the deadline passes: Bisceglie did not report; the Fin_a its call did not reserve (2.500 − 500) goes to the housing agencies
        ((MovableClock) clock).advanceTo(deadline.toInstant().plusSeconds(1));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(tokens.regionOfficer()).post("/funds/" + fund + "/reports/missing").then().statusCode(200)
                        .body("municipalities.find { it.istatCode == '" + BISCEGLIE + "' }.state", equalTo("MISSING"))
                        .body("municipalities.find { it.istatCode == '" + BISCEGLIE + "' }.availableMovedToAgencies", euro("2000.00"))
                        .body("municipalities.find { it.istatCode == '" + CASARANO + "' }.state", equalTo("SUBMITTED"))
                        .body("municipalities.istatCode", not(hasItem("073022"))));
        given().auth().oauth2(tokens.regionOfficer()).post("/funds/" + fund + "/reports/missing").then().statusCode(200);
        kafka.await("reporting.events", r -> r.value().contains("\"ReportMissing\"") && r.value().contains(fund)
                && r.value().contains("\"available\":\"2000.00\""), 1, Duration.ofSeconds(30));
        // running the check again changed nothing: one ReportMissing only, of every event the outbox published
        assertThat(published("ReportMissing", fund)).isEqualTo(1);
        given().auth().oauth2(tokens.operator(CASARANO)).get("/funds/" + fund + "/reports").then().statusCode(403);
    }

    /**
     * The defect: a late report after a missing one declared its unspent figure again, although the housing
     * agencies had received that money. Now the report declares only what is neither moved out of Fin_a nor claimed by
     * the missing report, whether allocation-service's move has arrived yet or not.
     */
    @Test
    void aLateReportAfterAMissingOneDeclaresNothingTheAgenciesReceived() {
        String fund = "LATE-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        OffsetDateTime deadline = OffsetDateTime.now(clock).plusDays(30).truncatedTo(ChronoUnit.SECONDS);
        allocation("FundCreated", fund, aFundCreated(fund).withReportDeadline(deadline.toString()).data());
        allocation("QuotaDeclared", CASARANO, """
                {"fundCode": "%s", "istatCode": "%s", "revision": 1, "share": "3000.00", "finA": "1000.00", "finB": "1500.00", "finC": "500.00"}"""
                .formatted(fund, CASARANO));
        String call = UUID.randomUUID().toString();
        String protocol = "2026-0000200001";
        allocation("BudgetReserved", CASARANO, reserved(fund, CASARANO, call, "600.00", "400.00"));
        application("ApplicationAssessed", CASARANO, """
                {%s, "eligible": true, "status": "PENDING", "householdSize": 2, "dependentChildren": 0, "isee": "9800.00",
                 "need": "600.00", "failedRules": []}""".formatted(head(call, CASARANO, fund, protocol)));
        application("ContributionGranted", CASARANO, """
                {%s, "amount": "600.00", "total": "600.00", "need": "600.00", "partial": false, "explanation": "first come"}"""
                .formatted(head(call, CASARANO, fund, protocol)));
        application("ContributionPaid", CASARANO, """
                {%s, "amount": "600.00", "withheld": "0.00", "paid": "600.00", "paidAt": "2021-01-10T09:00:00Z"}"""
                .formatted(head(call, CASARANO, fund, protocol)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(tokens.regionOfficer())
                .get("/funds/" + fund + "/ledger?istatCode=" + CASARANO).then().statusCode(200)
                .body("[0].paid", euro("600.00")).body("[0].sources[0].available", euro("400.00")));

        // the deadline passes with no report: ReportMissing carries the ledger's available Fin_a
        ((MovableClock) clock).advanceTo(deadline.toInstant().plusSeconds(1));
        given().auth().oauth2(tokens.regionOfficer()).post("/funds/" + fund + "/reports/missing").then().statusCode(200)
                .body("municipalities.find { it.istatCode == '" + CASARANO + "' }.state", equalTo("MISSING"))
                .body("municipalities.find { it.istatCode == '" + CASARANO + "' }.availableMovedToAgencies", euro("400.00"));
        String reportMissing = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "select cast(event_id as text) from missing_report where fund_code = ?1").setParameter(1, fund).getSingleResult())
                .toString();

        // late, before allocation-service's move arrived: the missing report already claims the € 400
        String base = "/funds/" + fund + "/municipalities/" + CASARANO + "/report";
        String lines = """
                {"protocolNumber": "%s", "householdSize": 2, "dependentChildren": 0, "isee": "9800.00", "contributionPaid": "600.00"}"""
                .formatted(protocol);
        given().auth().oauth2(tokens.operator(CASARANO)).contentType(ContentType.JSON).body(report("600.00", "400.00", lines, null))
                .put(base).then().statusCode(201).body("late", equalTo(true));

        // the agencies receive the € 400; a correction still declares nothing
        allocation("SavingsMoved", CASARANO, """
                {"fundCode": "%s", "istatCode": "%s", "fromSource": "Fin_a", "destination": "HOUSING_AGENCIES", "amount": "400.00",
                 "reason": "report missing at the deadline", "legalRef": "DGR 1724/2020", "causeEventId": "%s"}"""
                .formatted(fund, CASARANO, reportMissing));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(tokens.regionOfficer())
                .get("/funds/" + fund + "/ledger?istatCode=" + CASARANO).then().statusCode(200)
                .body("[0].sources[0].movedOut.HOUSING_AGENCIES", euro("400.00")).body("[0].sources[0].available", euro("0.00")));
        given().auth().oauth2(tokens.operator(CASARANO)).contentType(ContentType.JSON)
                .body(report("600.00", "400.00", lines, "beneficiary list confirmed after the checks")).put(base).then().statusCode(201);

        assertThat(published("ReportSubmitted", fund)).isEqualTo(2);
        assertThat(published("SavingsDeclared", fund)).isZero();
        given().auth().oauth2(tokens.regionOfficer()).get("/funds/" + fund + "/ledger/check").then().statusCode(200)
                .body("balanced", equalTo(true));
    }
}
