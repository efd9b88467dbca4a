package org.fondicasa.reporting.export;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.fondicasa.testing.KafkaTestClient;
import org.fondicasa.testing.Money;
import org.fondicasa.testing.TokenFactory;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.fondicasa.reporting.fixtures.FundCreatedBuilder.aFundCreated;
import static org.fondicasa.testing.Money.euro;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * The Pulsano: its ordinary call draws on Fin_base, the Fin_c of its FINCOVID quota (€ 15.000,00), COFIN and the
 * bonus, € 56.785,26 in all, and grants € 53.612,85. The annexes' summary once left Fin_c out and showed more granted
 * than available; now every figure it shows is the ledger's, summed source by source, and the test opens the xlsx and
 * compares them exactly. The open data show the same sums.
 */
@QuarkusTest
class ExportAgreesWithLedgerTest {

    static {
        Money.exactJsonNumbers();
    }

    static final String PULSANO = "073022";

    private final KafkaTestClient kafka = KafkaTestClient.fromConfig();
    private final TokenFactory tokens = TokenFactory.fromConfig();

    private void send(String topic, String type, String key, String data) {
        String subject = key.matches("[0-9]{6}") ? key : null;
        kafka.send(topic, key, KafkaTestClient.envelope(UUID.randomUUID().toString(), type,
                topic.startsWith("allocation") ? "/allocation-service" : "/application-service", subject, data));
    }

    private void reserve(String sourceFund, String source, String call, String callFund, int position, String amount) {
        send("allocation.events", "BudgetReserved", PULSANO, """
                {"fundCode": "%s", "istatCode": "%s", "source": "%s", "callId": "%s", "callFundCode": "%s", "position": %d,
                 "amount": "%s", "availableAfter": "0.00", "legalRef": "DD 45/2021"}"""
                .formatted(sourceFund, PULSANO, source, call, callFund, position, amount));
    }

    private void beneficiary(String fund, String call, int n, String amount) {
        String head = "\"callId\": \"%s\", \"kind\": \"RENT_SUPPORT\", \"istatCode\": \"%s\", \"fundCode\": \"%s\", \"protocolNumber\": \"2021-%010d\""
                .formatted(call, PULSANO, fund, n);
        send("application.events", "ApplicationAssessed", PULSANO, """
                {%s, "eligible": true, "status": "PENDING", "band": "A", "householdSize": 3, "dependentChildren": 1, "isee": "7000.00",
                 "referenceIncome": "%d.00", "conventionalIncome": "4800.00", "annualRent": "6000.00", "months": 12, "incidence": "60.00",
                 "need": "3098.74", "failedRules": []}""".formatted(head, 5000 + n));
        send("application.events", "ContributionGranted", PULSANO, """
                {%s, "amount": "%s", "total": "%s", "need": "3098.74", "partial": false, "explanation": "ranking"}"""
                .formatted(head, amount, amount));
        send("application.events", "ContributionPaid", PULSANO, """
                {%s, "amount": "%s", "withheld": "0.00", "paid": "%s", "paidAt": "2021-06-01T09:00:00Z"}""".formatted(head, amount, amount));
    }

    private static BigDecimal sum(List<Map<String, Object>> sources, Function<Map<String, Object>, BigDecimal> figure) {
        return sources.stream().map(figure).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    private static BigDecimal money(Object value) {
        return (BigDecimal) value;
    }

    private static BigDecimal cell(Row row, int column) {
        return BigDecimal.valueOf(row.getCell(column).getNumericCellValue()).setScale(2, RoundingMode.UNNECESSARY);
    }

    @Test
    void theAnnexesSummaryShowsTheLedgersFiguresSourceBySource() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String fincovid = "FIN-" + suffix;
        String ordinary = "ORD-" + suffix;
        String call = UUID.randomUUID().toString();
        send("allocation.events", "FundCreated", fincovid, aFundCreated(fincovid).data());
        send("allocation.events", "FundCreated", ordinary, aFundCreated(ordinary).titled("Affitti 2019").underAct("DD 131/2020")
                .forYear(2019).withAmount("10581636.23").withQuotaFund(fincovid).data());
        send("allocation.events", "QuotaDeclared", PULSANO, """
                {"fundCode": "%s", "istatCode": "%s", "revision": 1, "share": "20000.00", "finA": "0.00", "finB": "5000.00", "finC": "15000.00"}"""
                .formatted(fincovid, PULSANO));
        send("allocation.events", "CofinancingDeclared", PULSANO, """
                {"fundCode": "%s", "istatCode": "%s", "revision": 1, "finBase": "33408.21", "finC": "15000.00", "qEmi": "0.00",
                 "qSmine": "0.00", "cofin": "6700.00", "deliberationNumber": "GC 88", "deliberationDate": "2020-11-10", "budgetChapter": "Cap. 1"}"""
                .formatted(ordinary, PULSANO));
        send("allocation.events", "BonusPublished", PULSANO, """
                {"fundCode": "%s", "istatCode": "%s", "bonus": "1677.05", "cofin": "6700.00", "finBase": "33408.21",
                 "legalAct": "DD 200/2020", "runId": "%s"}""".formatted(ordinary, PULSANO, UUID.randomUUID()));
        send("application.events", "CallOpened", PULSANO, """
                {"callId": "%s", "kind": "RENT_SUPPORT", "istatCode": "%s", "fundCode": "%s", "legalAct": "DD 45/2021",
                 "title": "Contributi affitto 2019", "opensAt": "2021-03-01T09:00:00+01:00", "closesAt": "2021-03-31T12:00:00+02:00",
                 "budget": "56785.26"}""".formatted(call, PULSANO, ordinary));
        reserve(ordinary, "Fin_base", call, ordinary, 1, "33408.21");
        reserve(fincovid, "Fin_c", call, ordinary, 2, "15000.00"); // the FINCOVID Fin_c, for the ordinary call
        reserve(ordinary, "COFIN", call, ordinary, 3, "6700.00");
        reserve(ordinary, "bonus", call, ordinary, 4, "1677.05");
        for (int n = 1; n <= 17; n++) {
            beneficiary(ordinary, call, n, "3098.74");
        }
        beneficiary(ordinary, call, 18, "934.27");

        String ledgerUrl = "/funds/" + ordinary + "/ledger?istatCode=" + PULSANO;
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(tokens.operator(PULSANO)).get(ledgerUrl)
                .then().statusCode(200).body("[0].paid", euro("53612.85")).body("[0].sources.size()", equalTo(6))
                .body("[0].balanced", equalTo(true)));
        JsonPath ledger = given().auth().oauth2(tokens.operator(PULSANO)).get(ledgerUrl).then().extract().jsonPath();
        List<Map<String, Object>> sources = ledger.getList("[0].sources");
        // the ordinary fund counts its own sources and the quota fund's Fin_c, once
        assertThat(sources).filteredOn(s -> s.get("source").equals("Fin_c")).singleElement()
                .satisfies(s -> assertThat(s.get("fundCode")).isEqualTo(fincovid));
        BigDecimal resources = sum(sources, s -> money(s.get("reserved")).add(money(s.get("available"))));
        BigDecimal committed = sum(sources, s -> money(s.get("committed")));
        BigDecimal paid = money(ledger.get("[0].paid")).add(money(ledger.get("[0].withheld")));
        assertThat(resources).isEqualTo(new BigDecimal("56785.26"));
        assertThat(committed).isEqualTo(new BigDecimal("53612.85"));

        byte[] xlsx = given().auth().oauth2(tokens.operator(PULSANO)).get("/funds/" + ordinary + "/exports/annexes.xlsx?istatCode=" + PULSANO)
                .then().statusCode(200).extract().asByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Row summary = workbook.getSheet(AnnexWorkbook.SUMMARY).getRow(2);
            assertThat(summary.getCell(0).getStringCellValue()).isEqualTo(PULSANO);
            assertThat(cell(summary, 5)).as("Risorse disponibili").isEqualTo(resources);
            assertThat(cell(summary, 6)).as("Contributi concessi").isEqualTo(committed);
            assertThat(cell(summary, 7)).as("Contributi erogati").isEqualTo(paid);
            assertThat(cell(summary, 6)).isLessThanOrEqualTo(cell(summary, 5));
        }
        given().auth().oauth2(tokens.dashboard()).get("/funds/" + ordinary + "/exports/open-data.json").then().statusCode(200)
                .body("[0].resources", euro("56785.26")).body("[0].committed", euro("53612.85"))
                .body("[0].paid", euro("53612.85")).body("[0].available", euro("0.00"));

        // the FINCOVID ledger shows Pulsano's Fin_c with the same figures
        Map<String, Object> finC = sources.stream().filter(s -> s.get("source").equals("Fin_c")).findFirst().orElseThrow();
        List<Map<String, Object>> fincovidSources = given().auth().oauth2(tokens.operator(PULSANO))
                .get("/funds/" + fincovid + "/ledger?istatCode=" + PULSANO).then().statusCode(200).extract().jsonPath().getList("[0].sources");
        assertThat(fincovidSources).filteredOn(s -> Objects.equals(s.get("source"), "Fin_c")).containsExactly(finC);

        // a Fin_c on the ordinary form other than the quota's is the same money counted twice: named, with both figures
        send("allocation.events", "CofinancingDeclared", PULSANO, """
                {"fundCode": "%s", "istatCode": "%s", "revision": 2, "finBase": "33408.21", "finC": "14000.00", "qEmi": "0.00",
                 "qSmine": "0.00", "cofin": "6700.00", "deliberationNumber": "GC 88", "deliberationDate": "2020-11-10", "budgetChapter": "Cap. 1"}"""
                .formatted(ordinary, PULSANO));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(tokens.regionOfficer())
                .get("/funds/" + ordinary + "/ledger/check").then().statusCode(200)
                .body("balanced", equalTo(false))
                .body("differences", hasItem(PULSANO + ": Fin_c declared for the ordinary call is € 14.000,00, but the Fin_c of fund "
                        + fincovid + "'s quota is € 15.000,00: they are the same money")));
    }
}
