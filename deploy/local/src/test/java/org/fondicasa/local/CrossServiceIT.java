package org.fondicasa.local;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.fondicasa.testing.KafkaTestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The three packaged services as separate processes on one PostgreSQL, one Kafka broker and a real Keycloak,
 * driven only through their public REST APIs with the demo users' tokens.
 */
class CrossServiceIT {

    static LocalSystem system;

    @BeforeAll
    static void start() {
        system = LocalSystem.start(LocalSystem.Options.freePorts(Path.of(System.getProperty("fondicasa.root"))));
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void theDemoLoadsThroughThePublicApisAndReachesEveryService() {
        new DemoData(system).load();
        String ledger = Http.expect(200, "GET", system.url("reporting") + "/funds/" + DemoData.ORDINARY + "/ledger",
                system.token("regione"), null);
        assertThat(ledger).contains("072006", "110003", "073022", "075016");
        String bari = Http.expect(200, "GET", system.url("application") + "/municipalities/072006/budget-sources",
                system.token("op-bari"), null);
        assertThat(bari).contains("\"kind\":\"COFIN\"", "250000", "\"kind\":\"Fin_base\"");
        String fincovid = Http.expect(200, "GET", system.url("allocation") + "/funds/" + DemoData.FINCOVID,
                system.token("regione"), null);
        assertThat(fincovid).contains("\"allocated\":8354688.31", "\"residual\":2462.89");
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
        assertThat(entries.split("\"eventId\"").length - 1).as(entries).isEqualTo(2);
    }
}
