package org.fondicasa.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.fondicasa.platform.validation.FiscalCode;
import org.fondicasa.testing.KafkaTestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.fondicasa.local.Balances.money;

/**
 * Issue #12: every euro of a money source moves once. Each sequence runs on its own fresh fund, through the public
 * REST APIs of the packaged services only, with the demo users' tokens: Bari ({@code op-bari}, its desk
 * {@code sportello-bari}) holds a share of € 3.000,00 split into Fin_a € 1.000,00, Fin_b € 1.500,00 and Fin_c € 500,00;
 * its Fin_a call commits € 600,00 to beneficiaries. After every step allocation-service's balance of each source
 * (allocated, moved in, reserved, committed, free in calls, moved out by destination, available) must be what the money
 * rules give, to the cent, and {@code balanced}; reporting-service's ledger must show the same figures per source and
 * its check must be {@code balanced} for the municipality and for the whole fund.
 * <p>
 * Time is moved, not waited for: the report deadline is 30 days after a fund is created; a call closes 14 days after
 * (before the deadline) or 44 days after (after it). Where an event moves nothing, the test waits until
 * allocation-service's consumer has read it (its committed offset), so that the next step really comes after it.
 */
@ExtendWith(SharedSystem.class)
class MoneySourcesIT {

    private static final String ISTAT = Round2019.BARI;
    private static final String OPERATOR = "op-bari";
    private static final String DESK = "sportello-bari";
    private static final String ALLOCATION_GROUP = "allocation-service";
    private static final Duration PROPAGATION = Duration.ofSeconds(60);
    private static final Duration REPORT_WINDOW = Duration.ofDays(30);
    private static final Duration BEFORE_DEADLINE = Duration.ofDays(14);
    private static final Duration AFTER_DEADLINE = Duration.ofDays(44);
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final AtomicInteger APPLICANTS = new AtomicInteger();
    private static final long SEED = new Random().nextLong();

    static LocalSystem system;
    static KafkaTestClient kafka;
    static Admin kafkaAdmin;

    @BeforeAll
    static void start(LocalSystem shared) {
        system = shared;
        kafka = new KafkaTestClient(system.kafkaBootstrapServers());
        kafkaAdmin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, system.kafkaBootstrapServers()));
    }

    @AfterAll
    static void stop() {
        if (kafkaAdmin != null) {
            kafkaAdmin.close();
        }
    }

    // 1. missing report, then call closure

    @Test
    void aReportMissingWhileTheCallHoldsFinAMovesNothingAndTheClosureThenSendsThe400ToTheHousingAgencies() {
        Fund fund = Fund.create("MC");
        Call call = fund.emergencyCall(AFTER_DEADLINE, "[{\"source\": \"Fin_a\"}]", "1000.00");
        fund.check("call open", finA().reserved("1000.00").available("0.00"), finB());
        call.grant600();
        fund.check("600 granted", finA().reserved("1000.00").committed("600.00").available("0.00"), finB());

        fund.reportGoesMissing();
        fund.check("report missing: the call holds all of Fin_a, nothing is available to move",
                finA().reserved("1000.00").committed("600.00").available("0.00").forfeited(), finB());

        call.close("600.00", "400.00");
        fund.settle("call closed after the missing report: the 400 released go ex officio to the housing agencies",
                finA().reserved("600.00").committed("600.00").toAgencies("400.00").available("0.00").forfeited(), finB());
    }

    // 2. call closure, then missing report

    @Test
    void theClosureSendsThe400ToFinBAndTheMissingReportThenHasNothingLeftToMove() {
        Fund fund = Fund.create("CM");
        Call call = fund.emergencyCall(BEFORE_DEADLINE, "[{\"source\": \"Fin_a\"}]", "1000.00");
        call.grant600();
        fund.check("600 granted", finA().reserved("1000.00").committed("600.00").available("0.00"), finB());

        call.close("600.00", "400.00");
        fund.check("call closed: the 400 unspent go to Fin_b",
                finA().reserved("600.00").committed("600.00").toFinB("400.00").available("0.00"),
                finB().movedIn("400.00").available("1900.00"));

        fund.reportGoesMissing();
        fund.settle("report missing after the closure: Fin_a has nothing available, nothing more moves",
                finA().reserved("600.00").committed("600.00").toFinB("400.00").available("0.00").forfeited(),
                finB().movedIn("400.00").available("1900.00"));
    }

    // 3. late report after a missing report

    @Test
    void aLateReportAfterTheMissingReportAndTheClosureMovesNothingMore() {
        Fund fund = Fund.create("MCL");
        Call call = fund.emergencyCall(AFTER_DEADLINE, "[{\"source\": \"Fin_a\"}]", "1000.00");
        String beneficiary = call.grant600();
        call.pay(beneficiary);
        fund.reportGoesMissing();
        fund.check("report missing", finA().reserved("1000.00").committed("600.00").available("0.00").forfeited(), finB());
        call.close("600.00", "400.00");
        fund.check("call closed", finA().reserved("600.00").committed("600.00").toAgencies("400.00").available("0.00").forfeited(),
                finB());

        JsonNode report = fund.report("600.00", "400.00");
        assertThat(report.get("late").asBoolean()).as(report.toString()).isTrue();
        fund.settle("late report declaring 400 unspent: the housing agencies already have them",
                finA().reserved("600.00").committed("600.00").toAgencies("400.00").available("0.00").forfeited(), finB());
    }

    @Test
    void aLateReportWhileTheCallIsStillOpenMovesNothingAndTheClosureSendsThe400ToTheHousingAgencies() {
        Fund fund = Fund.create("MLC");
        Call call = fund.emergencyCall(AFTER_DEADLINE, "[{\"source\": \"Fin_a\"}]", "1000.00");
        String beneficiary = call.grant600();
        call.pay(beneficiary);
        fund.reportGoesMissing();
        fund.check("report missing", finA().reserved("1000.00").committed("600.00").available("0.00").forfeited(), finB());

        fund.report("600.00", "400.00");
        fund.check("late report declaring 400 unspent while the call holds them: nothing moves",
                finA().reserved("1000.00").committed("600.00").available("0.00").forfeited(), finB());

        call.close("600.00", "400.00");
        fund.settle("call closed: the 400 go to the housing agencies once, the report does not move them again",
                finA().reserved("600.00").committed("600.00").toAgencies("400.00").available("0.00").forfeited(), finB());
    }

    @Test
    void withoutACallTheMissingReportSendsAllOfFinAToTheHousingAgenciesAndALateReportOfItUnspentMovesNothing() {
        Fund fund = Fund.create("ML");
        fund.reportGoesMissing();
        fund.check("report missing: all of Fin_a goes to the housing agencies",
                finA().toAgencies("1000.00").available("0.00").forfeited(), finB());

        fund.report("0.00", "1000.00");
        fund.settle("late report declaring all 1000 unspent: they went to the housing agencies already",
                finA().toAgencies("1000.00").available("0.00").forfeited(), finB());
    }

    // 4. report declaring unspent money, and the call closure, in both orders

    @Test
    void aReportDeclaringThe400UnspentWhileTheCallHoldsThemMovesNothingAndTheClosureMovesThemToFinBOnce() {
        Fund fund = Fund.create("RC");
        Call call = fund.emergencyCall(BEFORE_DEADLINE, "[{\"source\": \"Fin_a\"}]", "1000.00");
        String beneficiary = call.grant600();
        call.pay(beneficiary);
        fund.check("600 granted and paid", finA().reserved("1000.00").committed("600.00").available("0.00"), finB());

        JsonNode report = fund.report("600.00", "400.00");
        assertThat(report.get("late").asBoolean()).as(report.toString()).isFalse();
        fund.check("report on time declaring 400 unspent while the call holds them: nothing moves",
                finA().reserved("1000.00").committed("600.00").available("0.00"), finB());

        call.close("600.00", "400.00");
        fund.check("call closed: the 400 go to Fin_b once",
                finA().reserved("600.00").committed("600.00").toFinB("400.00").available("0.00"),
                finB().movedIn("400.00").available("1900.00"));

        fund.passDeadlineReported();
        fund.settle("deadline passed with the report in: nothing more moves",
                finA().reserved("600.00").committed("600.00").toFinB("400.00").available("0.00"),
                finB().movedIn("400.00").available("1900.00"));
    }

    @Test
    void theClosureMovesThe400ToFinBAndAReportDeclaringThemUnspentAfterwardsMovesNothingMore() {
        Fund fund = Fund.create("CR");
        Call call = fund.emergencyCall(BEFORE_DEADLINE, "[{\"source\": \"Fin_a\"}]", "1000.00");
        String beneficiary = call.grant600();
        call.pay(beneficiary);
        call.close("600.00", "400.00");
        fund.check("call closed: the 400 go to Fin_b",
                finA().reserved("600.00").committed("600.00").toFinB("400.00").available("0.00"),
                finB().movedIn("400.00").available("1900.00"));

        fund.report("600.00", "400.00");
        fund.settle("report on time declaring the same 400 unspent: they already moved",
                finA().reserved("600.00").committed("600.00").toFinB("400.00").available("0.00"),
                finB().movedIn("400.00").available("1900.00"));
    }

    // 5. two calls on one Fin_a

    @Test
    void aSecondCallOnAFinAThatTheFirstTookWholeIsRefusedNamingTheSourceAndTheZeroAvailable() {
        Fund fund = Fund.create("TW");
        fund.emergencyCall(BEFORE_DEADLINE, "[{\"source\": \"Fin_a\"}]", "1000.00");
        fund.check("first call took all of Fin_a", finA().reserved("1000.00").available("0.00"), finB());

        fund.refusedCall("[{\"source\": \"Fin_a\"}]", "€ 0,00");
        fund.refusedCall("[{\"source\": \"Fin_a\", \"amount\": \"100.00\"}]", "€ 0,00");
        fund.settle("the refused calls reserved nothing", finA().reserved("1000.00").available("0.00"), finB());
    }

    @Test
    void aSecondCallAskingMoreThanTheFirstLeftIsRefusedAndOneAskingNoAmountGetsWhatIsLeft() {
        Fund fund = Fund.create("TP");
        Call first = fund.emergencyCall(BEFORE_DEADLINE, "[{\"source\": \"Fin_a\", \"amount\": \"600.00\"}]", "600.00");
        fund.check("first call reserved 600", finA().reserved("600.00").available("400.00"), finB());

        fund.refusedCall("[{\"source\": \"Fin_a\", \"amount\": \"500.00\"}]", "€ 400,00");
        fund.check("the refused call reserved nothing", finA().reserved("600.00").available("400.00"), finB());

        Call second = fund.emergencyCall(BEFORE_DEADLINE, "[{\"source\": \"Fin_a\"}]", "400.00");
        fund.check("second call took what was left", finA().reserved("1000.00").available("0.00"), finB());
        fund.refusedCall("[{\"source\": \"Fin_a\"}]", "€ 0,00");

        // neither granted anything: each closes with 0.00 committed and gives back what it held, to Fin_b
        first.close("0.00", "600.00");
        second.close("0.00", "400.00");
        fund.settle("both calls closed with nothing committed: all 1000 go to Fin_b, once",
                finA().toFinB("1000.00").available("0.00"), finB().movedIn("1000.00").available("2500.00"));
    }

    // 6. a call opened after the money was moved

    @Test
    void aCallOnFinAOpenedAfterTheMissingReportMovedItToTheHousingAgenciesIsRefused() {
        Fund fund = Fund.create("AM");
        fund.reportGoesMissing();
        fund.check("report missing: all of Fin_a goes to the housing agencies",
                finA().toAgencies("1000.00").available("0.00").forfeited(), finB());

        fund.refusedCall("[{\"source\": \"Fin_a\"}]", "€ 0,00");
        fund.settle("the refused call reserved nothing", finA().toAgencies("1000.00").available("0.00").forfeited(), finB());
    }

    @Test
    void aCallOnFinAOpenedAfterAReportMovedItUnspentToFinBIsRefused() {
        Fund fund = Fund.create("AR");
        fund.report("0.00", "1000.00");
        fund.check("report declaring all of Fin_a unspent: it goes to Fin_b",
                finA().toFinB("1000.00").available("0.00"), finB().movedIn("1000.00").available("2500.00"));

        fund.refusedCall("[{\"source\": \"Fin_a\"}]", "€ 0,00");
        fund.refusedCall("[{\"source\": \"Fin_a\", \"amount\": \"1.00\"}]", "€ 0,00");
        fund.settle("the refused calls reserved nothing",
                finA().toFinB("1000.00").available("0.00"), finB().movedIn("1000.00").available("2500.00"));
    }

    // 7. a top-up beyond what is available

    @Test
    void aTopUpBeyondWhatFinAHasAvailableIsRefusedAndOneWithinItIsReserved() {
        Fund fund = Fund.create("TU");
        Call call = fund.emergencyCall(BEFORE_DEADLINE, "[{\"source\": \"Fin_a\", \"amount\": \"600.00\"}]", "600.00");
        fund.check("call reserved 600", finA().reserved("600.00").available("400.00"), finB());

        call.refusedTopUp("500.00", "€ 400,00");
        fund.check("the refused top-up reserved nothing", finA().reserved("600.00").available("400.00"), finB());

        JsonNode topped = call.topUp("400.00");
        assertThat(money(topped, "budget")).isEqualByComparingTo("1000.00");
        fund.check("top-up of what was left", finA().reserved("1000.00").available("0.00"), finB());
        call.refusedTopUp("0.01", "€ 0,00");

        call.grant600();
        call.close("600.00", "400.00");
        fund.settle("call closed: the 400 unspent go to Fin_b",
                finA().reserved("600.00").committed("600.00").toFinB("400.00").available("0.00"),
                finB().movedIn("400.00").available("1900.00"));
    }

    // 8. revocation after closure

    @Test
    void aGrantRevokedAfterTheClosureGoesBackToFinAAndOnToFinB() {
        Fund fund = Fund.create("RV");
        Call call = fund.emergencyCall(BEFORE_DEADLINE, "[{\"source\": \"Fin_a\"}]", "1000.00");
        List<String> beneficiaries = call.grantTwice300();
        call.close("600.00", "400.00");
        fund.check("call closed: the 400 unspent go to Fin_b",
                finA().reserved("600.00").committed("600.00").toFinB("400.00").available("0.00"),
                finB().movedIn("400.00").available("1900.00"));

        call.revoke(beneficiaries.get(1));
        fund.settle("a 300 grant revoked after the closure: back from the call to Fin_a, then to Fin_b",
                finA().reserved("300.00").committed("300.00").toFinB("700.00").available("0.00"),
                finB().movedIn("700.00").available("2200.00"));
    }

    @Test
    void aGrantRevokedAfterTheClosureOfAForfeitedFinAGoesToTheHousingAgencies() {
        Fund fund = Fund.create("RVM");
        Call call = fund.emergencyCall(AFTER_DEADLINE, "[{\"source\": \"Fin_a\"}]", "1000.00");
        List<String> beneficiaries = call.grantTwice300();
        fund.reportGoesMissing();
        fund.check("report missing", finA().reserved("1000.00").committed("600.00").available("0.00").forfeited(), finB());
        call.close("600.00", "400.00");
        fund.check("report missing, then call closed: the 400 go to the housing agencies",
                finA().reserved("600.00").committed("600.00").toAgencies("400.00").available("0.00").forfeited(), finB());

        call.revoke(beneficiaries.get(0));
        fund.settle("a 300 grant revoked after the closure: the report is missing, so it follows to the housing agencies",
                finA().reserved("300.00").committed("300.00").toAgencies("700.00").available("0.00").forfeited(), finB());
    }

    /** A fresh fund of its own, where Bari holds € 3.000,00: Fin_a 1.000, Fin_b 1.500, Fin_c 500. */
    static final class Fund {

        final String code;
        final LocalDateTime start;
        final LocalDateTime deadline;
        final String region = system.token("regione");
        final String operator = system.token(OPERATOR);
        final String desk = system.token(DESK);

        private Fund(String code, LocalDateTime start) {
            this.code = code;
            this.start = start;
            this.deadline = start.plus(REPORT_WINDOW);
        }

        static Fund create(String prefix) {
            Fund fund = new Fund("MS-" + prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(),
                    system.now().truncatedTo(ChronoUnit.SECONDS));
            Http.expect(201, "POST", system.url("allocation") + "/funds", fund.region, """
                    {"code": "%s", "title": "money sources", "legalAct": "DGR 1724/2020", "year": 2020, "amount": 3000.00,
                     "bonusReserve": 0.00, "minimumShare": 0.00, "reportDeadline": "%s"}""".formatted(fund.code, fund.deadline));
            Http.expect(201, "POST", system.url("allocation") + "/funds/" + fund.code + "/publication/import?source=test", fund.region,
                    "istat_code,share\n" + ISTAT + ",3000.00\n", "text/csv");
            Http.expect(200, "PUT", fund.allocation("/quota"), fund.operator,
                    "{\"finA\": 1000.00, \"finB\": 1500.00, \"finC\": 500.00}");
            // reporting-service knows the fund and Bari's Fin_a: the report is due
            waitFor("Bari's report on " + fund.code + " to be DUE", () -> "DUE".equals(fund.reportState()));
            fund.check("quota declared", finA(), finB());
            return fund;
        }

        String allocation(String path) {
            return system.url("allocation") + "/funds/" + code + "/municipalities/" + ISTAT + path;
        }

        String reportState() {
            HttpResponse<String> response = Http.send("GET", system.url("reporting") + "/funds/" + code + "/reports", region, null);
            if (response.statusCode() != 200) {
                return null;
            }
            for (JsonNode line : Http.parse(response.body()).get("municipalities")) {
                if (line.get("istatCode").asText().equals(ISTAT)) {
                    return line.get("state").asText();
                }
            }
            return null;
        }

        /** Bari's Fin_a emergency call on this fund, open from now until {@code closesIn} after the fund's start. */
        Call emergencyCall(Duration closesIn, String budget, String expectedBudget) {
            LocalDateTime closes = start.plus(closesIn);
            JsonNode call = Http.json(201, "POST", system.url("application") + "/calls", operator, callBody(closes, budget));
            assertThat(money(call, "budget")).isEqualByComparingTo(expectedBudget);
            return new Call(this, call.get("id").asText(), closes);
        }

        /** A call whose budget the source cannot give: 409 problem+json naming Fin_a and what it has available. */
        void refusedCall(String budget, String available) {
            HttpResponse<String> response = Http.send("POST", system.url("application") + "/calls", operator,
                    callBody(system.now().plus(BEFORE_DEADLINE).truncatedTo(ChronoUnit.SECONDS), budget));
            assertInsufficientFunds(response, available);
        }

        private String callBody(LocalDateTime closes, String budget) {
            JsonNode template = Http.json(200, "GET", system.url("application") + "/call-templates/RENT_EMERGENCY", operator, null);
            ObjectNode body = Http.JSON.createObjectNode();
            body.put("kind", "RENT_EMERGENCY");
            body.put("title", "Fin_a call of " + code);
            body.put("legalAct", "DGR 1724/2020");
            body.put("istatCode", ISTAT);
            body.put("fundCode", code);
            body.put("opensAt", system.now().minusMinutes(1).truncatedTo(ChronoUnit.SECONDS).toString());
            body.put("closesAt", closes.toString());
            body.set("budget", Http.parse(budget));
            body.set("rules", template.get("rules"));
            return body.toString();
        }

        /** The clock passes the report deadline without Bari's report: the region runs the check; Bari is MISSING. */
        void reportGoesMissing() {
            system.advanceClockTo(deadline.plusSeconds(1));
            Http.expect(200, "POST", system.url("reporting") + "/funds/" + code + "/reports/missing", region, null);
            assertThat(reportState()).isEqualTo("MISSING");
        }

        /** The clock passes the report deadline; Bari reported, so nothing is missing. */
        void passDeadlineReported() {
            system.advanceClockTo(deadline.plusSeconds(1));
            Http.expect(200, "POST", system.url("reporting") + "/funds/" + code + "/reports/missing", region, null);
            assertThat(reportState()).isEqualTo("SUBMITTED");
        }

        /**
         * Bari reports its Fin_a: {@code used} as paid to the beneficiaries the draft lists, the rest unspent. Waits
         * until allocation-service has read the report's events, whatever they moved.
         */
        JsonNode report(String used, String unspent) {
            String url = system.url("reporting") + "/funds/" + code + "/municipalities/" + ISTAT + "/report";
            waitFor("the report draft of " + code + " to show " + used + " used", () -> {
                JsonNode draft = Http.json(200, "GET", url + "/draft", operator, null);
                return money(draft, "used").compareTo(new BigDecimal(used)) == 0;
            });
            JsonNode draft = Http.json(200, "GET", url + "/draft", operator, null);
            assertThat(money(draft, "unspent")).isEqualByComparingTo(unspent);
            ObjectNode report = Http.JSON.createObjectNode();
            report.set("used", draft.get("used"));
            report.set("unspent", draft.get("unspent"));
            report.set("beneficiaries", draft.get("beneficiaries"));
            JsonNode submitted = Http.json(201, "PUT", url, operator, report.toString());
            awaitAllocationRead("reporting.events", "ReportSubmitted");
            return submitted;
        }

        /**
         * Waits until allocation-service's consumer has read past every event of this fund of that type on the topic
         * (and the others of the fund published before it): its effect, or that it had none, is then in the balance.
         */
        void awaitAllocationRead(String topic, String type) {
            Map<TopicPartition, Long> last = new HashMap<>();
            waitFor(type + " of " + code + " on " + topic, () -> {
                last.clear();
                boolean found = false;
                for (ConsumerRecord<String, String> r : kafka.readAll(topic, PROPAGATION)) {
                    JsonNode event = Http.parse(r.value());
                    if (code.equals(event.path("data").path("fundCode").asText())) {
                        last.merge(new TopicPartition(r.topic(), r.partition()), r.offset(), Math::max);
                        found |= type.equals(event.path("type").asText());
                    }
                }
                return found;
            });
            waitFor("allocation-service to read " + type + " of " + code, () -> {
                Map<TopicPartition, OffsetAndMetadata> read = allocationOffsets();
                return last.entrySet().stream().allMatch(e -> read.containsKey(e.getKey())
                        && read.get(e.getKey()).offset() > e.getValue());
            });
        }

        /** After every step: the balance of every source, to the cent, and both services agree that it balances. */
        void check(String step, Figures finA, Figures finB) {
            await().atMost(PROPAGATION).pollInterval(Duration.ofMillis(250))
                    .untilAsserted(() -> assertFigures(step, finA, finB, FIN_C));
        }

        /** The last step: the same, and it stays so (no late event moves the money again), and no event failed. */
        void settle(String step, Figures finA, Figures finB) {
            check(step, finA, finB);
            await().during(Duration.ofSeconds(2)).atMost(PROPAGATION).pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> assertFigures(step, finA, finB, FIN_C));
            for (String dlq : List.of("allocation.events.dlq", "application.events.dlq", "reporting.events.dlq")) {
                assertThat(kafka.readAll(dlq, PROPAGATION)).as(step + ": dead letters of " + code + " on " + dlq)
                        .noneMatch(r -> r.value().contains("\"" + code + "\""));
            }
        }

        private void assertFigures(String step, Figures... expected) {
            JsonNode balance = Http.json(200, "GET", allocation("/balance"), region, null);
            String at = code + " after \"" + step + "\": ";
            assertThat(balance.get("balanced").asBoolean()).as(at + "allocation balance " + balance.get("differences")).isTrue();
            assertThat(balance.get("differences")).as(at + "allocation differences").isEmpty();
            Set<String> listed = new TreeSet<>();
            for (JsonNode source : balance.get("sources")) {
                listed.add(source.get("source").asText());
                assertThat(source.get("fundCode").asText()).isEqualTo(code);
                assertThat(money(source, "available").signum()).as(at + source.get("source") + " available").isNotNegative();
            }
            assertThat(listed).as(at + "sources in allocation-service").containsExactlyInAnyOrder("Fin_a", "Fin_b", "Fin_c");
            for (Figures figures : expected) {
                JsonNode source = source(balance.get("sources"), figures.source());
                figures.assertMatches(at + "allocation-service " + figures.source(), source);
                assertThat(source.get("forfeited").asBoolean()).as(at + figures.source() + " forfeited").isEqualTo(figures.expectForfeited());
            }

            JsonNode ledger = Http.json(200, "GET", system.url("reporting") + "/funds/" + code + "/ledger?istatCode=" + ISTAT, region, null);
            assertThat(ledger).as(at + "ledger lines").hasSize(1);
            JsonNode line = ledger.get(0);
            assertThat(line.get("balanced").asBoolean()).as(at + "ledger line " + line.get("differences")).isTrue();
            for (Figures figures : expected) {
                figures.assertMatches(at + "reporting-service ledger " + figures.source(), source(line.get("sources"), figures.source()));
            }
            for (String scope : List.of("?istatCode=" + ISTAT, "")) {
                JsonNode check = Http.json(200, "GET", system.url("reporting") + "/funds/" + code + "/ledger/check" + scope, region, null);
                assertThat(check.get("balanced").asBoolean()).as(at + "ledger check" + scope + " " + check).isTrue();
                assertThat(check.get("differences")).as(at + "ledger check differences" + scope).isEmpty();
            }
        }

        private JsonNode source(JsonNode sources, String name) {
            for (JsonNode source : sources) {
                if (source.get("source").asText().equals(name) && source.get("fundCode").asText().equals(code)) {
                    return source;
                }
            }
            throw new AssertionError("no source " + name + " of " + code + " in " + sources);
        }
    }

    /** A Fin_a call of Bari on its fund. */
    static final class Call {

        final Fund fund;
        final String id;
        final LocalDateTime closes;

        Call(Fund fund, String id, LocalDateTime closes) {
            this.fund = fund;
            this.id = id;
            this.closes = closes;
        }

        String url(String path) {
            return system.url("application") + "/calls/" + id + path;
        }

        /** One household asks three months of € 200,00 and is granted € 600,00 in full; its protocol number. */
        String grant600() {
            String protocol = apply("200.00");
            awaitFunding("600.00");
            return protocol;
        }

        /** Two households ask three months of € 100,00 each and are granted € 300,00 each. */
        List<String> grantTwice300() {
            List<String> protocols = List.of(apply("100.00"), apply("100.00"));
            awaitFunding("600.00");
            return protocols;
        }

        /** Bari's desk files a COVID rent emergency application for an eligible household: three months of {@code monthlyRent}. */
        String apply(String monthlyRent) {
            String applicant = fiscalCode();
            ObjectNode form = Http.JSON.createObjectNode();
            form.put("onBehalfOf", applicant);
            form.putArray("household").addObject().put("fiscalCode", applicant).put("role", "APPLICANT");
            form.put("isee", "14000.00");
            form.put("incomeLossPercent", "40");
            ArrayNode months = form.putObject("rent").putArray("emergencyMonths");
            months.add(monthlyRent).add(monthlyRent).add(monthlyRent);
            form.putObject("declarations").put("NOT_ENOUGH_LIQUIDITY", true).put("CITIZEN_INCOME_RENT_QUOTA", false);
            form.put("iban", "IT60X0542811101000000123456");
            form.putArray("documents");
            return Http.json(201, "POST", url("/applications"), fund.desk, form.toString()).get("protocolNumber").asText();
        }

        private void awaitFunding(String committed) {
            waitFor("call " + id + " to commit " + committed, () -> {
                JsonNode funding = Http.json(200, "GET", url("/funding"), fund.operator, null);
                return funding.get("pending").asLong() == 0 && money(funding, "committed").compareTo(new BigDecimal(committed)) == 0;
            });
        }

        void pay(String protocol) {
            Http.expect(200, "POST", system.url("application") + "/applications/" + protocol + "/payment", fund.operator,
                    "{\"paymentReference\": \"MANDATO " + protocol + "\"}");
        }

        void revoke(String protocol) {
            JsonNode revoked = Http.json(200, "POST", system.url("application") + "/applications/" + protocol + "/revocation",
                    fund.operator, "{\"reason\": \"the household did not have the right to it (control after the closure)\"}");
            assertThat(revoked.get("status").asText()).isEqualTo("REVOKED");
        }

        JsonNode topUp(String amount) {
            return Http.json(200, "POST", url("/budget/top-ups"), fund.operator, topUpBody(amount));
        }

        void refusedTopUp(String amount, String available) {
            assertInsufficientFunds(Http.send("POST", url("/budget/top-ups"), fund.operator, topUpBody(amount)), available);
        }

        private static String topUpBody(String amount) {
            return "{\"source\": \"Fin_a\", \"amount\": \"" + amount + "\", \"legalRef\": \"DD 14/2020\"}";
        }

        /** The clock passes the call's closing; the operator closes it: what it committed and what it did not spend. */
        void close(String committed, String unspent) {
            system.advanceClockTo(closes.plusSeconds(1));
            JsonNode closed = Http.json(200, "POST", url("/closure"), fund.operator, null);
            assertThat(money(closed, "committed")).isEqualByComparingTo(committed);
            assertThat(money(closed, "unspent")).isEqualByComparingTo(unspent);
        }
    }

    /** What a source must show: allocated + moved in = reserved + moved out + available; reserved = committed + free in calls. */
    record Figures(String source, String allocated, String movedIn, String reserved, String committed, String toFinB,
                   String toAgencies, String available, boolean expectForfeited) {

        Figures reserved(String v) {
            return new Figures(source, allocated, movedIn, v, committed, toFinB, toAgencies, available, expectForfeited);
        }

        Figures committed(String v) {
            return new Figures(source, allocated, movedIn, reserved, v, toFinB, toAgencies, available, expectForfeited);
        }

        Figures toFinB(String v) {
            return new Figures(source, allocated, movedIn, reserved, committed, v, toAgencies, available, expectForfeited);
        }

        Figures toAgencies(String v) {
            return new Figures(source, allocated, movedIn, reserved, committed, toFinB, v, available, expectForfeited);
        }

        Figures movedIn(String v) {
            return new Figures(source, allocated, v, reserved, committed, toFinB, toAgencies, available, expectForfeited);
        }

        Figures available(String v) {
            return new Figures(source, allocated, movedIn, reserved, committed, toFinB, toAgencies, v, expectForfeited);
        }

        Figures forfeited() {
            return new Figures(source, allocated, movedIn, reserved, committed, toFinB, toAgencies, available, true);
        }

        void assertMatches(String what, JsonNode actual) {
            // the expectation itself conserves money: a typo in the test would not pass for a bug in the services
            assertThat(new BigDecimal(allocated).add(new BigDecimal(movedIn))).as("expected figures of " + what + " conserve money")
                    .isEqualByComparingTo(new BigDecimal(reserved).add(new BigDecimal(toFinB)).add(new BigDecimal(toAgencies))
                            .add(new BigDecimal(available)));
            assertThat(money(actual, "allocated")).as(what + " allocated in " + actual).isEqualByComparingTo(allocated);
            assertThat(money(actual, "movedIn")).as(what + " movedIn in " + actual).isEqualByComparingTo(movedIn);
            assertThat(money(actual, "reserved")).as(what + " reserved in " + actual).isEqualByComparingTo(reserved);
            assertThat(money(actual, "committed")).as(what + " committed in " + actual).isEqualByComparingTo(committed);
            assertThat(money(actual, "freeInCalls")).as(what + " freeInCalls in " + actual)
                    .isEqualByComparingTo(new BigDecimal(reserved).subtract(new BigDecimal(committed)));
            assertThat(money(actual.get("movedOut"), "FIN_B")).as(what + " movedOut.FIN_B in " + actual).isEqualByComparingTo(toFinB);
            assertThat(money(actual.get("movedOut"), "HOUSING_AGENCIES")).as(what + " movedOut.HOUSING_AGENCIES in " + actual)
                    .isEqualByComparingTo(toAgencies);
            assertThat(money(actual, "available")).as(what + " available in " + actual).isEqualByComparingTo(available);
        }
    }

    /** Fin_a as declared: € 1.000,00, nothing reserved or moved. */
    static Figures finA() {
        return new Figures("Fin_a", "1000.00", "0.00", "0.00", "0.00", "0.00", "0.00", "1000.00", false);
    }

    /** Fin_b as declared: € 1.500,00; what Fin_a sends it is its movedIn. */
    static Figures finB() {
        return new Figures("Fin_b", "1500.00", "0.00", "0.00", "0.00", "0.00", "0.00", "1500.00", false);
    }

    /** Fin_c: no sequence touches it. */
    static final Figures FIN_C = new Figures("Fin_c", "500.00", "0.00", "0.00", "0.00", "0.00", "0.00", "500.00", false);

    /** The refusal as the operator gets it: 409 problem+json, insufficient funds, naming Fin_a and what it has available. */
    static void assertInsufficientFunds(HttpResponse<String> response, String available) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith(PROBLEM_JSON);
        JsonNode problem = Http.parse(response.body());
        assertThat(problem.get("type").asText()).endsWith("insufficient-funds");
        assertThat(problem.get("detail").asText()).as(response.body()).contains("Fin_a").contains(available);
    }

    private static Map<TopicPartition, OffsetAndMetadata> allocationOffsets() {
        try {
            return kafkaAdmin.listConsumerGroupOffsets(ALLOCATION_GROUP).partitionsToOffsetAndMetadata().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the offsets of " + ALLOCATION_GROUP, e.getCause());
        }
    }

    /** A valid fiscal code (check character computed), new in this run: born 1980 in Bari (A662). */
    private static String fiscalCode() {
        String letters = "BCDFGLMNPRSTVZ";
        long n = APPLICANTS.getAndIncrement() + Math.floorMod(SEED, 100_000L);
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            code.append(letters.charAt((int) (n % letters.length())));
            n /= letters.length();
        }
        code.append("80A01A662");
        return code.append(FiscalCode.checkCharacter(code.toString())).toString();
    }

    private static void waitFor(String what, java.util.concurrent.Callable<Boolean> condition) {
        await().alias(what).atMost(PROPAGATION).pollInterval(Duration.ofMillis(250)).until(condition);
    }
}
