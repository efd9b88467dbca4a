package org.fondicasa.reporting.ledger;

import io.quarkus.test.junit.QuarkusTest;
import org.fondicasa.testing.KafkaTestClient;
import org.fondicasa.testing.Money;
import org.fondicasa.testing.TokenFactory;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.fondicasa.testing.Money.euro;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.fondicasa.reporting.fixtures.FundCreatedBuilder.aFundCreated;

/**
 * A realistic stream over Kafka, both topics, with redeliveries and shuffled across keys: the share, the quotas, a
 * Fin_a call's grants, a revocation, payments with withholding, the call's closing and the savings it moved. The
 * ledger shows every figure once and balances.
 */
@QuarkusTest
class LedgerMoneyLoopTest {

    static {
        Money.exactJsonNumbers();
    }

    static final String CASARANO = "075016";

    private final KafkaTestClient kafka = KafkaTestClient.fromConfig();
    private final TokenFactory tokens = TokenFactory.fromConfig();

    private record Message(String topic, String key, String value) {
    }

    private static Message event(String topic, String type, String key, String data) {
        String source = topic.startsWith("allocation") ? "/allocation-service" : "/application-service";
        return new Message(topic, key, KafkaTestClient.envelope(UUID.randomUUID().toString(), type, source, CASARANO, data));
    }

    @Test
    void aFinARoundBalancesWhateverTheOrderAndRedeliveries() {
        String fund = "LOOP-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String call = UUID.randomUUID().toString();
        kafka.send("allocation.events", fund, aFundCreated(fund).event());
        String head = "\"callId\": \"%s\", \"kind\": \"RENT_EMERGENCY\", \"istatCode\": \"%s\", \"fundCode\": \"%s\"".formatted(call, CASARANO, fund);
        List<Message> stream = new ArrayList<>(List.of(
                event("allocation.events", "SplitPublished", CASARANO, """
                        {"fundCode": "%s", "istatCode": "%s", "share": "3000.00", "need": "12000.00", "legalAct": "DGR 1724/2020",
                         "runId": "%s", "source": "published"}""".formatted(fund, CASARANO, UUID.randomUUID())),
                event("allocation.events", "QuotaDeclared", CASARANO, """
                        {"fundCode": "%s", "istatCode": "%s", "revision": 1, "share": "3000.00", "finA": "2500.00", "finB": "300.00", "finC": "200.00"}"""
                        .formatted(fund, CASARANO)),
                event("allocation.events", "QuotaDeclared", CASARANO, """
                        {"fundCode": "%s", "istatCode": "%s", "revision": 2, "share": "3000.00", "finA": "2000.00", "finB": "500.00", "finC": "500.00"}"""
                        .formatted(fund, CASARANO)),
                event("application.events", "ContributionGranted", CASARANO, """
                        {%s, "protocolNumber": "2026-0000000001", "amount": "1000.00", "total": "1000.00", "need": "1000.00", "partial": false, "explanation": "first come"}"""
                        .formatted(head)),
                event("application.events", "ContributionGranted", CASARANO, """
                        {%s, "protocolNumber": "2026-0000000002", "amount": "900.00", "total": "900.00", "need": "900.00", "partial": false, "explanation": "first come"}"""
                        .formatted(head)),
                event("application.events", "ContributionRevoked", CASARANO, """
                        {%s, "protocolNumber": "2026-0000000002", "amount": "900.00", "reason": "withdrawn by the applicant"}"""
                        .formatted(head)),
                event("application.events", "ContributionPaid", CASARANO, """
                        {%s, "protocolNumber": "2026-0000000001", "amount": "1000.00", "withheld": "150.00", "paid": "850.00", "paidAt": "2021-01-10T09:00:00Z"}"""
                        .formatted(head)),
                event("application.events", "CallClosed", CASARANO, """
                        {"callId": "%s", "kind": "RENT_EMERGENCY", "istatCode": "%s", "fundCode": "%s", "legalAct": "DGR 1724/2020",
                         "budgetSource": "Fin_a", "budget": "2000.00", "committed": "1000.00", "unspent": "1000.00"}""".formatted(call, CASARANO, fund)),
                event("allocation.events", "SavingsMoved", CASARANO, """
                        {"fundCode": "%s", "istatCode": "%s", "fromSource": "Fin_a", "destination": "FIN_B", "amount": "1000.00",
                         "reason": "call closed with unspent Fin_a", "legalRef": "DGR 1724/2020", "causeEventId": "%s"}"""
                        .formatted(fund, CASARANO, UUID.randomUUID()))));
        // at least once, and no order across the two topics
        Random random = new Random(42);
        List<Message> delivered = new ArrayList<>(stream);
        delivered.add(stream.get(3));
        delivered.add(stream.get(6));
        Collections.shuffle(delivered, random);
        delivered.forEach(m -> kafka.send(m.topic(), m.key(), m.value()));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(tokens.operator(CASARANO))
                .get("/funds/" + fund + "/ledger").then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].movedToFinB", euro("1000.00"))
                .body("[0].unspent", euro("1000.00"))
                .body("[0].paid", euro("850.00")));
        given().auth().oauth2(tokens.operator(CASARANO)).get("/funds/" + fund + "/ledger").then()
                .body("[0].share", euro("3000.00")).body("[0].finA", euro("2000.00")).body("[0].finB", euro("500.00"))
                .body("[0].granted", euro("1900.00")).body("[0].revoked", euro("900.00")).body("[0].committed", euro("1000.00"))
                .body("[0].withheld", euro("150.00")).body("[0].balanced", equalTo(true));
        given().auth().oauth2(tokens.regionOfficer()).get("/funds/" + fund + "/ledger/check").then().statusCode(200)
                .body("balanced", equalTo(true)).body("differences", hasSize(0));
        // another municipality's operator sees none of it
        given().auth().oauth2(tokens.operator("072006")).get("/funds/" + fund + "/ledger/check?istatCode=" + CASARANO)
                .then().statusCode(403);
    }
}
