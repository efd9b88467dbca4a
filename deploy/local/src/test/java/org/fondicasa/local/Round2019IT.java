package org.fondicasa.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.fondicasa.testing.KafkaTestClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.fondicasa.local.Round2019.BARI;
import static org.fondicasa.local.Round2019.BISCEGLIE;
import static org.fondicasa.local.Round2019.CASARANO;
import static org.fondicasa.local.Round2019.FINCOVID;
import static org.fondicasa.local.Round2019.ORDINARY;
import static org.fondicasa.local.Round2019.PULSANO;

/**
 * The demo's 2019 round, step by step, across the three services over real Kafka and a real Keycloak, through the
 * public REST APIs only. After each step the money must balance where everybody can see it: the allocation equals the
 * declared quotas and the calls' budgets, nothing is granted beyond a budget, reporting-service's ledger equals the sum
 * of the events on the topics, and a missing report puts the money at the housing agencies.
 */
@ExtendWith(SharedSystem.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Round2019IT {

    private static final BigDecimal FINCOVID_AMOUNT = new BigDecimal("8357151.20");
    private static final BigDecimal ANNEX_A_TOTAL = new BigDecimal("8354688.31");
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final Map<String, Duration> STEPS = new LinkedHashMap<>();

    static LocalSystem system;
    static Round2019 round;
    static String region;

    @BeforeAll
    static void start(LocalSystem shared) {
        system = shared;
        round = new Round2019(system, Round2019.Timeline.demo(), line -> System.out.println("[round] " + line));
        region = system.token("regione");
    }

    private static void step(String name, Runnable step) {
        Instant start = Instant.now();
        step.run();
        STEPS.put(name, Duration.between(start, Instant.now()));
        System.out.println("[round] step durations so far: " + STEPS);
    }

    @Test
    @Order(1)
    void theAllocationOfAnnexAIsPublishedAndTheLedgerHoldsEveryShare() {
        step("allocate", round::allocate);
        JsonNode fund = get("allocation", "/funds/" + FINCOVID, region);
        assertThat(money(fund, "allocated")).isEqualByComparingTo(ANNEX_A_TOTAL);
        assertThat(money(fund, "allocated").add(money(fund, "residual"))).isEqualByComparingTo(FINCOVID_AMOUNT);
        JsonNode shares = get("allocation", "/funds/" + FINCOVID + "/shares", region).get("shares");
        assertThat(shares).hasSize(176);
        assertThat(sum(shares, "share")).isEqualByComparingTo(ANNEX_A_TOTAL);
        JsonNode ledger = ledger(FINCOVID);
        assertThat(ledger).hasSize(176);
        assertThat(sum(ledger, "share")).isEqualByComparingTo(ANNEX_A_TOTAL);
        assertThat(money(get("allocation", "/funds/" + ORDINARY, region), "allocated"))
                .isEqualByComparingTo(sum(Round2019.MUNICIPALITIES.stream().map(Round2019.Municipality::finBase).toList()));
        everyBalanceHolds();
    }

    @Test
    @Order(2)
    void theDeclaredQuotasAddUpToEachShareInAllocationAndInTheLedger() {
        step("quotas", round::declareQuotas);
        for (Round2019.Municipality m : Round2019.MUNICIPALITIES) {
            JsonNode quota = get("allocation", "/funds/" + FINCOVID + "/municipalities/" + m.istatCode() + "/quota", region);
            BigDecimal share = money(ledgerLine(FINCOVID, m.istatCode()), "share");
            assertThat(money(quota, "finA").add(money(quota, "finB")).add(money(quota, "finC"))).isEqualByComparingTo(share);
            assertThat(money(quota, "finA")).isEqualByComparingTo(m.finA());
            awaitLedger(FINCOVID, m.istatCode(), line -> money(line, "finB").compareTo(money(quota, "finB")) == 0);
            JsonNode line = ledgerLine(FINCOVID, m.istatCode());
            assertThat(money(line, "finA")).isEqualByComparingTo(m.finA());
            assertThat(money(line, "finC")).isEqualByComparingTo(m.finC());
            assertThat(line.get("balanced").asBoolean()).as(line.toString()).isTrue();
        }
        assertThat(budgetSource(BARI, "op-bari", FINCOVID, "Fin_a")).isEqualByComparingTo("25000.00");
        everyBalanceHolds();
    }

    @Test
    @Order(3)
    void theBonusGoesToWhoCoFinancesAtLeastTwentyPercentProRataOnCofin() {
        step("cofinancing and bonus", round::cofinanceAndPublishBonus);
        JsonNode bonus = get("allocation", "/funds/" + ORDINARY + "/bonus", region);
        assertThat(money(bonus, "allocated").add(money(bonus, "residual"))).isEqualByComparingTo("60000.00");
        BigDecimal entitledBonus = BigDecimal.ZERO;
        for (JsonNode line : bonus.get("shares")) {
            boolean twentyPercent = money(line, "cofin").multiply(BigDecimal.valueOf(5)).compareTo(money(line, "finBase")) >= 0;
            assertThat(line.get("entitled").asBoolean()).as(line.toString()).isEqualTo(twentyPercent);
            entitledBonus = entitledBonus.add(line.get("entitled").asBoolean() ? money(line, "bonus") : BigDecimal.ZERO);
        }
        assertThat(entitledBonus).isEqualByComparingTo(money(bonus, "allocated"));
        assertThat(bonusOf(bonus, CASARANO)).isEqualByComparingTo("0.00");
        awaitLedger(ORDINARY, PULSANO, line -> line.hasNonNull("bonus"));
        assertThat(money(ledgerLine(ORDINARY, PULSANO), "bonus")).isEqualByComparingTo(bonusOf(bonus, PULSANO));
        assertThat(budgetSource(PULSANO, "op-pulsano", ORDINARY, "bonus")).isEqualByComparingTo(bonusOf(bonus, PULSANO));
        everyBalanceHolds();
    }

    @Test
    @Order(4)
    void eachCallsBudgetIsWhatTheMunicipalityDeclared() {
        step("calls", round::openCalls);
        JsonNode bari = get("application", "/calls/" + round.call("bari"), region);
        assertThat(money(bari, "budget")).isEqualByComparingTo(money(ledgerLine(FINCOVID, BARI), "finA"));
        JsonNode pulsano = get("application", "/calls/" + round.call("pulsano"), region);
        JsonNode line = ledgerLine(ORDINARY, PULSANO);
        // Fin_c is the part of Pulsano's FINCOVID share it declared for the ordinary call
        BigDecimal declared = money(ledgerLine(FINCOVID, PULSANO), "finC");
        for (String figure : List.of("finBase", "qEmi", "qSmine", "cofin", "bonus")) {
            declared = declared.add(money(line, figure));
        }
        assertThat(money(pulsano, "budget")).isEqualByComparingTo(declared);
        assertThat(budgetSource(PULSANO, "op-pulsano", ORDINARY, "Fin_c")).isEqualByComparingTo(money(ledgerLine(FINCOVID, PULSANO), "finC"));
        // each call reserved its sources whole: Bari's Fin_a, and Pulsano's Fin_c in the FINCOVID quota it was declared in
        assertThat(money(Balances.source(Balances.balance(system, FINCOVID, BARI, region), "Fin_a"), "reserved"))
                .isEqualByComparingTo(money(bari, "budget"));
        JsonNode pulsanoFinC = Balances.source(Balances.balance(system, FINCOVID, PULSANO, region), "Fin_c");
        assertThat(money(pulsanoFinC, "reserved")).isEqualByComparingTo(money(ledgerLine(FINCOVID, PULSANO), "finC"));
        assertThat(money(pulsanoFinC, "available")).isEqualByComparingTo("0.00");
        everyBalanceHolds();
    }

    @Test
    @Order(5)
    void firstComeFundingNeverGrantsBeyondTheBudget() {
        step("applications", round::fileApplications);
        String funding = "/calls/" + round.call("bari") + "/funding";
        JsonNode bari = get("application", funding, system.token("op-bari"));
        assertThat(bari.get("applications").asLong()).isEqualTo(round.applications(BARI).size());
        assertThat(money(bari, "committed")).isLessThanOrEqualTo(money(bari, "budget"));
        // a citizen sees their own application, not the call's others
        assertThat(Http.send("GET", system.url("application") + "/applications/" + round.applications(BARI).get(0), system.token("anna.bianchi"), null)
                .statusCode()).isEqualTo(404);
        assertThat(get("application", "/me/applications", system.token("anna.bianchi"))).hasSize(1);
        everyBalanceHolds();
    }

    @Test
    @Order(6)
    void closedCallsGrantedAtMostTheirBudgetAndBariUnspentFinAReturnsToFinB() {
        step("closings", round::closeCalls);
        String bariToken = system.token("op-bari");
        JsonNode bari = get("application", "/calls/" + round.call("bari"), bariToken);
        assertThat(money(bari, "committed")).isLessThanOrEqualTo(money(bari, "budget"));
        assertThat(money(bari, "committed").add(money(bari, "unspent"))).isEqualByComparingTo(money(bari, "budget"));
        assertThat(awards(BARI, bariToken)).isEqualByComparingTo(money(bari, "committed"));
        // what Bari's call did not spend leaves its Fin_a for its Fin_b, once; the closure has reached allocation when its
        // Fin_a shows the call's committed (with the whole budget committed nothing moves, so that alone would not tell)
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonNode seen = Balances.balance(system, FINCOVID, BARI, bariToken);
            return Balances.movedOut(seen, "Fin_a", "FIN_B").compareTo(money(bari, "unspent")) == 0
                    && money(Balances.source(seen, "Fin_a"), "committed").compareTo(money(bari, "committed")) == 0;
        });
        JsonNode balance = Balances.balance(system, FINCOVID, BARI, bariToken);
        Balances.assertHolds(balance);
        JsonNode finA = Balances.source(balance, "Fin_a");
        assertThat(money(finA, "committed")).isEqualByComparingTo(money(bari, "committed"));
        assertThat(money(finA, "reserved")).isEqualByComparingTo(money(bari, "committed"));
        assertThat(money(finA, "available")).isEqualByComparingTo("0.00");
        assertThat(money(Balances.source(balance, "Fin_b"), "movedIn")).isEqualByComparingTo(money(bari, "unspent"));

        String pulsanoToken = system.token("op-pulsano");
        JsonNode ranking = get("application", "/calls/" + round.call("pulsano") + "/ranking", pulsanoToken);
        BigDecimal contributions = sum(ranking.get("entries"), "contribution");
        assertThat(contributions).isEqualByComparingTo(money(ranking, "committed"));
        assertThat(contributions).isLessThanOrEqualTo(money(ranking, "budget"));
        for (JsonNode entry : ranking.get("entries")) {
            assertThat(money(entry, "payable").add(money(entry, "withheld"))).isEqualByComparingTo(money(entry, "contribution"));
        }
        assertThat(sum(ranking.get("entries"), "withheld")).isEqualByComparingTo("150.00");
        awaitLedger(ORDINARY, PULSANO, line -> money(line, "paid").add(money(line, "withheld")).compareTo(contributions) == 0);
        JsonNode line = ledgerLine(ORDINARY, PULSANO);
        assertThat(money(line, "granted")).isEqualByComparingTo(contributions);
        assertThat(money(line, "withheld")).isEqualByComparingTo("150.00");
        everyBalanceHolds();
    }

    @Test
    @Order(7)
    void reportsOnTimeAreSubmittedAndBisceglieUnspentFinAReturnsToFinB() {
        step("reports", round::report);
        JsonNode reports = get("reporting", "/funds/" + FINCOVID + "/reports", region).get("municipalities");
        assertThat(state(reports, BARI)).isEqualTo("SUBMITTED");
        assertThat(state(reports, BISCEGLIE)).isEqualTo("SUBMITTED");
        assertThat(state(reports, CASARANO)).isEqualTo("DUE");
        assertThat(state(reports, PULSANO)).as("Fin_a 0: no report owed").isNull();
        JsonNode bariReport = get("reporting", "/funds/" + FINCOVID + "/municipalities/" + BARI + "/report", system.token("op-bari"));
        assertThat(money(bariReport, "used")).isEqualByComparingTo(money(ledgerLine(FINCOVID, BARI), "committed"));
        assertThat(sum(bariReport.get("beneficiaries"), "contributionPaid")).isEqualByComparingTo(money(bariReport, "used"));
        String bisceglie = system.token("op-bisceglie");
        // Bisceglie ran no Fin_a call: the 3000 it reports unspent leave its Fin_a for its Fin_b
        await().atMost(Duration.ofSeconds(60)).until(() -> Balances.movedOut(Balances.balance(system, FINCOVID, BISCEGLIE, bisceglie),
                "Fin_a", "FIN_B").compareTo(new BigDecimal("3000.00")) == 0);
        JsonNode balance = Balances.balance(system, FINCOVID, BISCEGLIE, bisceglie);
        assertThat(money(Balances.source(balance, "Fin_a"), "available")).isEqualByComparingTo("0.00");
        assertThat(money(Balances.source(balance, "Fin_b"), "movedIn")).isEqualByComparingTo("3000.00");
        everyBalanceHolds();
    }

    @Test
    @Order(8)
    void aReportMissingAtTheDeadlinePutsCasaranoFinAAtTheHousingAgencies() {
        step("report deadline", round::passReportDeadline);
        JsonNode reports = get("reporting", "/funds/" + FINCOVID + "/reports", region).get("municipalities");
        assertThat(state(reports, CASARANO)).isEqualTo("MISSING");
        assertThat(state(reports, BARI)).isEqualTo("SUBMITTED");
        JsonNode balance = Balances.balance(system, FINCOVID, CASARANO, region);
        JsonNode finA = Balances.source(balance, "Fin_a");
        assertThat(money(finA.get("movedOut"), "HOUSING_AGENCIES")).isEqualByComparingTo("1000.00");
        assertThat(money(finA.get("movedOut"), "FIN_B")).isEqualByComparingTo("0.00");
        assertThat(money(finA, "available")).isEqualByComparingTo("0.00");
        assertThat(finA.get("forfeited").asBoolean()).isTrue();
        awaitLedger(FINCOVID, CASARANO, line -> money(line, "movedToHousingAgencies").compareTo(new BigDecimal("1000.00")) == 0);
        everyBalanceHolds();
    }

    @Test
    @Order(9)
    void theLedgerOfBothFundsIsTheSumOfTheEventsAndBalances() {
        KafkaTestClient kafka = new KafkaTestClient(system.kafkaBootstrapServers());
        // the topics are read again on every try: an event may still be in an outbox, on its way to both
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            Map<String, Map<String, BigDecimal>> expected = EventSums.of(kafka, List.of(FINCOVID, ORDINARY));
            for (String fund : List.of(FINCOVID, ORDINARY)) {
                for (JsonNode line : ledger(fund)) {
                    Map<String, BigDecimal> figures = expected.getOrDefault(fund + "/" + line.get("istatCode").asText(), Map.of());
                    for (String figure : EventSums.FIGURES) {
                        BigDecimal inLedger = line.hasNonNull(figure) ? money(line, figure) : BigDecimal.ZERO;
                        assertThat(inLedger).as(fund + " " + line.get("istatCode").asText() + " " + figure)
                                .isEqualByComparingTo(figures.getOrDefault(figure, BigDecimal.ZERO));
                    }
                }
            }
        });
        for (String fund : List.of(FINCOVID, ORDINARY)) {
            JsonNode check = get("reporting", "/funds/" + fund + "/ledger/check", region);
            assertThat(check.get("balanced").asBoolean()).as(check.toString()).isTrue();
        }
        // every municipality of both funds, not only the four that play: allocation-service's balance holds per source
        for (String fund : List.of(FINCOVID, ORDINARY)) {
            for (JsonNode line : ledger(fund)) {
                Balances.assertHolds(Balances.balance(system, fund, line.get("istatCode").asText(), region));
            }
        }
        everyBalanceHolds();
        System.out.println("[round] step durations: " + STEPS);
    }

    @Test
    @Order(10)
    void pulsanoDownloadsItsAnnexesAndSeesOnlyItsOwn() {
        String pulsano = system.token("op-pulsano");
        String annexes = system.url("reporting") + "/funds/" + ORDINARY + "/exports/annexes";
        var xlsx = Http.download(annexes + ".xlsx?istatCode=" + PULSANO, pulsano, XLSX);
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(new String(xlsx.body(), 0, 2, java.nio.charset.StandardCharsets.US_ASCII)).as("a zip (OOXML) file").isEqualTo("PK");
        var csvResponse = Http.download(annexes + ".csv?istatCode=" + PULSANO, pulsano, "text/csv");
        assertThat(csvResponse.statusCode()).isEqualTo(200);
        String csv = new String(csvResponse.body(), java.nio.charset.StandardCharsets.UTF_8);
        JsonNode ranking = get("application", "/calls/" + round.call("pulsano") + "/ranking", pulsano);
        for (JsonNode entry : ranking.get("entries")) {
            assertThat(csv).contains(entry.get("protocolNumber").asText());
        }
        assertThat(Http.download(annexes + ".xlsx?istatCode=" + BARI, pulsano, XLSX).statusCode()).isEqualTo(403);
    }

    /** The ledger figures recomputed from the topics, independently of reporting-service. */
    static final class EventSums {

        static final List<String> FIGURES = List.of("share", "finA", "finB", "finC", "finBase", "qEmi", "qSmine", "cofin", "bonus",
                "granted", "revoked", "paid", "withheld", "unspent", "movedToFinB", "movedToHousingAgencies");

        private final Map<String, Map<String, BigDecimal>> figures = new TreeMap<>();
        private final Map<String, Long> revisions = new HashMap<>();

        static Map<String, Map<String, BigDecimal>> of(KafkaTestClient kafka, List<String> funds) {
            EventSums sums = new EventSums();
            List<ConsumerRecord<String, String>> records = new ArrayList<>(kafka.readAll("allocation.events", Duration.ofSeconds(60)));
            records.addAll(kafka.readAll("application.events", Duration.ofSeconds(60)));
            Set<String> seen = new HashSet<>();
            for (ConsumerRecord<String, String> record : records) {
                JsonNode event = Http.parse(record.value());
                JsonNode data = event.get("data");
                if (!seen.add(event.get("id").asText()) || !data.hasNonNull("fundCode") || !funds.contains(data.get("fundCode").asText())
                        || !data.hasNonNull("istatCode")) {
                    continue;
                }
                sums.add(event.get("type").asText(), data);
            }
            return sums.figures;
        }

        private void add(String type, JsonNode data) {
            switch (type) {
                case "SplitPublished" -> declare(data, "share", "share", 0);
                case "QuotaDeclared" -> List.of("finA", "finB", "finC").forEach(f -> declare(data, f, f, data.get("revision").asLong()));
                case "CofinancingDeclared" -> List.of("finBase", "qEmi", "qSmine", "cofin")
                        .forEach(f -> declare(data, f, f, data.get("revision").asLong()));
                case "BonusPublished" -> declare(data, "bonus", "bonus", 0);
                case "ContributionGranted" -> flow(data, "granted", "amount");
                case "ContributionRevoked" -> flow(data, "revoked", "amount");
                case "ContributionPaid" -> {
                    flow(data, "paid", "paid");
                    flow(data, "withheld", "withheld");
                }
                case "CallClosed" -> flow(data, "unspent", "unspent");
                case "SavingsMoved" -> flow(data, "FIN_B".equals(data.get("destination").asText()) ? "movedToFinB" : "movedToHousingAgencies",
                        "amount");
                default -> {
                }
            }
        }

        private void declare(JsonNode data, String figure, String field, long revision) {
            String key = key(data);
            long latest = revisions.getOrDefault(key + "/" + figure, -1L);
            if (revision >= latest) {
                revisions.put(key + "/" + figure, revision);
                figures.computeIfAbsent(key, k -> new HashMap<>()).put(figure, new BigDecimal(data.get(field).asText()));
            }
        }

        private void flow(JsonNode data, String figure, String field) {
            figures.computeIfAbsent(key(data), k -> new HashMap<>()).merge(figure, new BigDecimal(data.get(field).asText()), BigDecimal::add);
        }

        private static String key(JsonNode data) {
            return data.get("fundCode").asText() + "/" + data.get("istatCode").asText();
        }
    }

    /**
     * The stronger check, after every step: each demo municipality's balance in allocation-service is balanced in both
     * funds with no source below zero, reporting-service's ledger shows the same figures per source, and the ledger
     * check of both funds (per source and per fund) is balanced. Events cross Kafka meanwhile: awaited.
     */
    private static void everyBalanceHolds() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            for (String fund : List.of(FINCOVID, ORDINARY)) {
                for (Round2019.Municipality m : Round2019.MUNICIPALITIES) {
                    JsonNode balance = Balances.balance(system, fund, m.istatCode(), region);
                    Balances.assertHolds(balance);
                    JsonNode lines = get("reporting", "/funds/" + fund + "/ledger?istatCode=" + m.istatCode(), region);
                    if (!balance.get("sources").isEmpty()) {
                        assertThat(lines).as(fund + " " + m.istatCode() + " in the ledger").hasSize(1);
                        Balances.assertSameInLedger(balance, lines.get(0));
                    }
                }
                JsonNode check = get("reporting", "/funds/" + fund + "/ledger/check", region);
                assertThat(check.get("balanced").asBoolean()).as(fund + " ledger check " + check).isTrue();
            }
        });
    }

    private static BigDecimal awards(String istat, String token) {
        BigDecimal total = BigDecimal.ZERO;
        for (String protocol : round.applications(istat)) {
            JsonNode award = get("application", "/applications/" + protocol, token).get("award");
            if (award != null && !award.isNull()) {
                total = total.add(money(award, "amount"));
            }
        }
        return total;
    }

    private static String state(JsonNode reports, String istat) {
        for (JsonNode line : reports) {
            if (line.get("istatCode").asText().equals(istat)) {
                return line.get("state").asText();
            }
        }
        return null;
    }

    private static BigDecimal bonusOf(JsonNode bonus, String istat) {
        for (JsonNode line : bonus.get("shares")) {
            if (line.get("istatCode").asText().equals(istat)) {
                return line.get("entitled").asBoolean() ? money(line, "bonus") : BigDecimal.ZERO.setScale(2);
            }
        }
        throw new AssertionError("no bonus line for " + istat);
    }

    private static BigDecimal budgetSource(String istat, String operator, String fund, String kind) {
        for (JsonNode source : get("application", "/municipalities/" + istat + "/budget-sources", system.token(operator))) {
            if (source.get("fundCode").asText().equals(fund) && source.get("kind").asText().equals(kind)) {
                return money(source, "amount");
            }
        }
        throw new AssertionError("application-service has no " + kind + " of " + fund + " for " + istat);
    }

    private static JsonNode ledger(String fund) {
        return get("reporting", "/funds/" + fund + "/ledger", region);
    }

    private static JsonNode ledgerLine(String fund, String istat) {
        return get("reporting", "/funds/" + fund + "/ledger?istatCode=" + istat, region).get(0);
    }

    private static void awaitLedger(String fund, String istat, Predicate<JsonNode> condition) {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonNode lines = get("reporting", "/funds/" + fund + "/ledger?istatCode=" + istat, region);
            return lines.size() == 1 && condition.test(lines.get(0));
        });
    }

    private static JsonNode get(String service, String path, String token) {
        return Http.json(200, "GET", system.url(service) + path, token, null);
    }

    private static BigDecimal money(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new AssertionError("no " + field + " in " + node);
        }
        BigDecimal euro = value.decimalValue();
        if (!value.isBigDecimal() || euro.scale() != 2) {
            throw new AssertionError(field + " is not euro with two decimals: " + value);
        }
        return euro;
    }

    private static BigDecimal sum(JsonNode array, String field) {
        BigDecimal total = BigDecimal.ZERO;
        for (JsonNode node : array) {
            total = total.add(node.hasNonNull(field) ? money(node, field) : BigDecimal.ZERO);
        }
        return total;
    }

    private static BigDecimal sum(List<String> amounts) {
        return amounts.stream().map(BigDecimal::new).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
