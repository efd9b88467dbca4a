package org.fondicasa.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.fondicasa.testing.KafkaTestClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.fondicasa.local.Balances.money;

/**
 * The three packaged services as separate processes on one PostgreSQL, one Kafka broker and a real Keycloak,
 * driven only through their public REST APIs with the demo users' tokens: delivery twice, the money loops. The whole
 * 2019 round is {@link Round2019IT}.
 */
@ExtendWith(SharedSystem.class)
class CrossServiceIT {

    static LocalSystem system;

    @BeforeAll
    static void start(LocalSystem shared) {
        system = shared;
    }

    @Test
    void theServicesLogOneJsonObjectPerLineAsInProduction() throws java.io.IOException {
        for (String service : java.util.List.of("allocation", "application", "reporting")) {
            java.util.List<com.fasterxml.jackson.databind.JsonNode> records = new java.util.ArrayList<>();
            for (String line : java.nio.file.Files.readAllLines(system.log(service))) {
                if (line.startsWith("{")) {
                    records.add(Http.parse(line));
                }
            }
            assertThat(records).as(service).isNotEmpty().allSatisfy(r -> {
                assertThat(r.path("service").asText()).isEqualTo(service + "-service");
                assertThat(r.hasNonNull("level") && r.hasNonNull("timestamp") && r.hasNonNull("message")).as(r.toString()).isTrue();
            });
            assertThat(records).anySatisfy(r -> assertThat(r.get("message").asText()).contains("started in"));
        }
    }

    @Test
    void anEventCrossesKafkaFromAllocationToReportingAndTakesEffectOnceWhenDeliveredTwice() {
        String region = system.token("regione");
        String fund = "XS-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Http.expect(201, "POST", system.url("allocation") + "/funds", region, """
                {"code": "%s", "title": "cross-service", "legalAct": "DGR 1724/2020", "year": 2020, "amount": 100.00, "bonusReserve": 0.00, "minimumShare": 0.00}"""
                .formatted(fund));
        Http.expect(201, "POST", system.url("allocation") + "/funds/" + fund + "/publication/import?source=test", region,
                "istat_code,share\n110003,100.00\n", "text/csv");
        Http.expect(200, "PUT", system.url("allocation") + "/funds/" + fund + "/municipalities/110003/cofinancing",
                system.token("op-bisceglie"), """
                        {"finC": 0, "qEmi": 0, "qSmine": 0, "cofin": 777.77, "deliberationNumber": "GC 9",
                         "deliberationDate": "2020-11-09", "budgetChapter": "Cap. 9"}""");

        String ledgerUrl = system.url("reporting") + "/funds/" + fund + "/ledger";
        await().atMost(Duration.ofSeconds(60)).until(() -> Http.send("GET", ledgerUrl, region, null).body().contains("777.77"));

        // deliver the very same event again, as a producer retry or a relay crash before marking would
        KafkaTestClient kafka = new KafkaTestClient(system.kafkaBootstrapServers());
        ConsumerRecord<String, String> original = kafka.await("allocation.events",
                r -> r.value().contains("CofinancingDeclared") && r.value().contains(fund), 1, Duration.ofSeconds(30)).get(0);
        kafka.send("allocation.events", original.key(), original.value());
        // and a second revision after it on the same key, so that its arrival proves the duplicate was consumed
        Http.expect(200, "PUT", system.url("allocation") + "/funds/" + fund + "/municipalities/110003/cofinancing",
                system.token("op-bisceglie"), """
                        {"finC": 0, "qEmi": 0, "qSmine": 0, "cofin": 888.88, "deliberationNumber": "GC 10",
                         "deliberationDate": "2020-11-10", "budgetChapter": "Cap. 9"}""");
        await().atMost(Duration.ofSeconds(60)).until(() -> Http.send("GET", ledgerUrl, region, null).body().contains("888.88"));

        String entries = Http.expect(200, "GET", ledgerUrl + "/entries", region, null);
        // two events, each recorded once (as its four figures: Fin_base, QEmi, QSmine, COFIN)
        assertThat(entries.split("\"kind\":\"COFIN\"").length - 1).as(entries).isEqualTo(2);
    }

    @Test
    void unspentFinAOfAClosedCallGoesBackToFinBInAllocation() {
        String region = system.token("regione");
        String casarano = system.token("op-casarano");
        String fund = "LOOP-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Http.expect(201, "POST", system.url("allocation") + "/funds", region, """
                {"code": "%s", "title": "money loop", "legalAct": "DGR 1724/2020", "year": 2020, "amount": 3000.00, "bonusReserve": 0.00, "minimumShare": 0.00}"""
                .formatted(fund));
        Http.expect(201, "POST", system.url("allocation") + "/funds/" + fund + "/publication/import?source=test", region,
                "istat_code,share\n075016,3000.00\n", "text/csv");
        Http.expect(200, "PUT", system.url("allocation") + "/funds/" + fund + "/municipalities/075016/quota", casarano,
                "{\"finA\": 2000.00, \"finB\": 500.00, \"finC\": 500.00}");
        String sources = system.url("application") + "/municipalities/075016/budget-sources";
        await().atMost(Duration.ofSeconds(60)).until(() -> Http.send("GET", sources, casarano, null).body().contains(fund));

        // Casarano's Fin_a call, open for a week by the services' clock; Anna asks for three months of rent (900)
        LocalDateTime opens = system.now().minusMinutes(1);
        LocalDateTime closes = opens.plusDays(7);
        String template = Http.expect(200, "GET", system.url("application") + "/call-templates/RENT_EMERGENCY", casarano, null);
        String rules = template.substring(template.indexOf("\"rules\":") + 8, template.lastIndexOf('}'));
        String call = Http.expect(201, "POST", system.url("application") + "/calls", casarano, """
                {"kind": "RENT_EMERGENCY", "title": "Fin_a Casarano", "legalAct": "DGR 1724/2020", "istatCode": "075016",
                 "fundCode": "%s", "opensAt": "%s", "closesAt": "%s", "budget": [{"source": "Fin_a"}], "rules": %s}"""
                .formatted(fund, opens, closes, rules));
        String callId = call.replaceAll("(?s)^.*?\"id\"\\s*:\\s*\"([0-9a-f-]{36})\".*$", "$1");
        Http.expect(201, "POST", system.url("application") + "/calls/" + callId + "/applications", system.token("anna.bianchi"), """
                {"household": [{"fiscalCode": "BNCNNA85E52A883Y", "role": "APPLICANT"}], "isee": "14000.00",
                 "incomeLossPercent": "40", "rent": {"emergencyMonths": ["300.00", "300.00", "300.00"]},
                 "declarations": {"NOT_ENOUGH_LIQUIDITY": true, "CITIZEN_INCOME_RENT_QUOTA": false},
                 "iban": "IT60X0542811101000000123456", "documents": []}""");
        String funding = system.url("application") + "/calls/" + callId + "/funding";
        await().atMost(Duration.ofSeconds(60)).until(() -> Http.send("GET", funding, casarano, null).body().contains("\"committed\":900.00"));
        system.advanceClockTo(closes.plusSeconds(1));
        Http.expect(200, "POST", system.url("application") + "/calls/" + callId + "/closure", casarano, null);

        // the call reserved all of Fin_a (2000), committed 900: the 1100 it gives back leave Fin_a for Fin_b, once
        await().atMost(Duration.ofSeconds(60)).until(() -> Balances.movedOut(Balances.balance(system, fund, "075016", casarano),
                "Fin_a", "FIN_B").compareTo(new BigDecimal("1100.00")) == 0);
        JsonNode balance = Balances.balance(system, fund, "075016", casarano);
        Balances.assertHolds(balance);
        JsonNode finA = Balances.source(balance, "Fin_a");
        assertThat(money(finA, "reserved")).isEqualByComparingTo("900.00");
        assertThat(money(finA, "committed")).isEqualByComparingTo("900.00");
        assertThat(money(finA.get("movedOut"), "HOUSING_AGENCIES")).isEqualByComparingTo("0.00");
        assertThat(money(finA, "available")).isEqualByComparingTo("0.00");
        JsonNode finB = Balances.source(balance, "Fin_b");
        assertThat(money(finB, "movedIn")).isEqualByComparingTo("1100.00");
        assertThat(money(finB, "available")).isEqualByComparingTo("1600.00");
    }

    @Test
    void aReportMissingAtTheDeadlineSendsTheAvailableFinAToTheHousingAgencies() {
        String region = system.token("regione");
        String bisceglie = system.token("op-bisceglie");
        String fund = "DUE-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        LocalDateTime deadline = system.now().plusDays(30).withNano(0);
        Http.expect(201, "POST", system.url("allocation") + "/funds", region, """
                {"code": "%s", "title": "deadline", "legalAct": "DGR 1724/2020", "year": 2020, "amount": 2000.00, "bonusReserve": 0.00,
                 "minimumShare": 0.00, "reportDeadline": "%s"}""".formatted(fund, deadline));
        Http.expect(201, "POST", system.url("allocation") + "/funds/" + fund + "/publication/import?source=test", region,
                "istat_code,share\n110003,2000.00\n", "text/csv");
        Http.expect(200, "PUT", system.url("allocation") + "/funds/" + fund + "/municipalities/110003/quota", bisceglie,
                "{\"finA\": 1200.00, \"finB\": 500.00, \"finC\": 300.00}");
        String reports = system.url("reporting") + "/funds/" + fund + "/reports";
        await().atMost(Duration.ofSeconds(60)).until(() -> Http.send("GET", reports, region, null).body().contains("\"DUE\""));
        // the clock passes the deadline with no report from Bisceglie
        system.advanceClockTo(deadline.plusSeconds(1));
        assertThat(Http.expect(200, "POST", reports + "/missing", region, null)).contains("\"MISSING\"");

        // no call holds any of it: all of Fin_a (1200) leaves for the housing agencies, nothing for Fin_b
        await().atMost(Duration.ofSeconds(60)).until(() -> Balances.movedOut(Balances.balance(system, fund, "110003", bisceglie),
                "Fin_a", "HOUSING_AGENCIES").compareTo(new BigDecimal("1200.00")) == 0);
        JsonNode balance = Balances.balance(system, fund, "110003", bisceglie);
        Balances.assertHolds(balance);
        JsonNode finA = Balances.source(balance, "Fin_a");
        assertThat(finA.get("forfeited").asBoolean()).isTrue();
        assertThat(money(finA.get("movedOut"), "FIN_B")).isEqualByComparingTo("0.00");
        assertThat(money(finA, "available")).isEqualByComparingTo("0.00");
        assertThat(money(Balances.source(balance, "Fin_b"), "movedIn")).isEqualByComparingTo("0.00");
    }
}
