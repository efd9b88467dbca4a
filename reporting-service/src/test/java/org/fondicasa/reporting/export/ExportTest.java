package org.fondicasa.reporting.export;

import io.quarkus.test.junit.QuarkusTest;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.fondicasa.testing.KafkaTestClient;
import org.fondicasa.testing.Money;
import org.fondicasa.testing.TokenFactory;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.fondicasa.testing.Money.euro;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.fondicasa.reporting.fixtures.FundCreatedBuilder.aFundCreated;

/** The region's exports of an ordinary call: the annexes B and C as Excel and CSV, and open data without personal data. */
@QuarkusTest
class ExportTest {

    static {
        Money.exactJsonNumbers();
    }

    static final String PULSANO = "073022";

    private final KafkaTestClient kafka = KafkaTestClient.fromConfig();
    private final TokenFactory tokens = TokenFactory.fromConfig();

    private void send(String topic, String type, String key, String subject, String data) {
        kafka.send(topic, key, KafkaTestClient.envelope(UUID.randomUUID().toString(), type,
                topic.startsWith("allocation") ? "/allocation-service" : "/application-service", subject, data));
    }

    private void applicant(String fund, String call, String protocol, String band, String income, String conventional, String need,
                           String granted, String paid) {
        String head = "\"callId\": \"%s\", \"kind\": \"RENT_SUPPORT\", \"istatCode\": \"%s\", \"fundCode\": \"%s\", \"protocolNumber\": \"%s\""
                .formatted(call, PULSANO, fund, protocol);
        send("application.events", "ApplicationAssessed", PULSANO, PULSANO, """
                {%s, "eligible": true, "status": "PENDING", "band": "%s", "householdSize": 4, "dependentChildren": 2, "isee": "9000.00",
                 "referenceIncome": "%s", "conventionalIncome": "%s", "annualRent": "4800.00", "months": 12, "incidence": "40.00",
                 "need": "%s", "failedRules": []}""".formatted(head, band, income, conventional, need));
        send("application.events", "ContributionGranted", PULSANO, PULSANO, """
                {%s, "amount": "%s", "total": "%s", "need": "%s", "partial": false, "explanation": "ranking"}"""
                .formatted(head, granted, granted, need));
        send("application.events", "ContributionPaid", PULSANO, PULSANO, """
                {%s, "amount": "%s", "withheld": "0.00", "paid": "%s", "paidAt": "2023-05-02T09:00:00Z"}""".formatted(head, granted, paid));
    }

    @Test
    void annexesOpenInExcelWithASheetPerBandAndTotalsAndOpenDataHasNoPersonalData() throws Exception {
        String fund = "EXP-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String call = UUID.randomUUID().toString();
        send("allocation.events", "FundCreated", fund, null, aFundCreated(fund).titled("Affitti 2019").underAct("DD 131/2020").forYear(2019)
                .withAmount("10581636.23").data());
        send("allocation.events", "CofinancingDeclared", PULSANO, PULSANO, """
                {"fundCode": "%s", "istatCode": "%s", "revision": 1, "finBase": "33408.21", "finC": "0.00", "qEmi": "0.00",
                 "qSmine": "0.00", "cofin": "6500.00", "deliberationNumber": "GC 12", "deliberationDate": "2020-11-10", "budgetChapter": "Cap. 1"}"""
                .formatted(fund, PULSANO));
        applicant(fund, call, "2023-0000000011", "A", "8000.00", "4800.00", "3098.74", "3098.74", "3098.74");
        applicant(fund, call, "2023-0000000010", "A", "6000.00", "3600.00", "3098.74", "3098.74", "3098.74");
        applicant(fund, call, "2023-0000000012", "B", "20000.00", "11380.25", "1268.74", "1268.74", "1268.74");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(tokens.operator(PULSANO))
                .get("/funds/" + fund + "/ledger").then().statusCode(200).body("[0].paid", euro("7466.22")));

        byte[] xlsx = given().auth().oauth2(tokens.operator(PULSANO)).get("/funds/" + fund + "/exports/annexes.xlsx?istatCode=" + PULSANO)
                .then().statusCode(200).header("Cache-Control", "no-store").extract().asByteArray();
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(workbook.getSheetAt(0).getSheetName()).isEqualTo("Riepilogo");
            Sheet summary = workbook.getSheet("Riepilogo");
            assertThat(summary.getRow(2).getCell(1).getStringCellValue()).isEqualTo("Pulsano");
            assertThat(summary.getRow(2).getCell(5).getNumericCellValue()).isEqualTo(39908.21);
            Sheet bandA = workbook.getSheet(PULSANO + " fascia A");
            assertThat(bandA.getRow(1).getCell(4).getStringCellValue()).isEqualTo("Reddito imponibile");
            // ranking order: the lower income first, numbered progressively
            assertThat(bandA.getRow(2).getCell(1).getStringCellValue()).isEqualTo("2023-0000000010");
            assertThat(bandA.getRow(3).getCell(0).getNumericCellValue()).isEqualTo(2);
            assertThat(bandA.getRow(4).getCell(1).getStringCellValue()).isEqualTo("Totale");
            assertThat(bandA.getRow(4).getCell(11).getNumericCellValue()).isEqualTo(6197.48);
            assertThat(bandA.getRow(2).getCell(11).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            Sheet bandB = workbook.getSheet(PULSANO + " fascia B");
            assertThat(bandB.getRow(2).getCell(5).getNumericCellValue()).isEqualTo(11380.25);
            assertThat(bandB.getRow(3).getCell(10).getNumericCellValue()).isEqualTo(1268.74);
        }
        given().auth().oauth2(tokens.operator(PULSANO)).get("/funds/" + fund + "/exports/annexes.csv?istatCode=" + PULSANO)
                .then().statusCode(200).body(containsString("073022;Pulsano;B;1;2023-0000000012;4;2;20.000,00;11.380,25;4.800,00;12;40,00;1.268,74"));
        // beneficiaries stay with the region and the municipality concerned
        given().auth().oauth2(tokens.operator("072006")).get("/funds/" + fund + "/exports/annexes.xlsx?istatCode=" + PULSANO).then().statusCode(403);
        given().auth().oauth2(tokens.operator(PULSANO)).get("/funds/" + fund + "/exports/annexes.xlsx").then().statusCode(403);
        given().auth().oauth2(tokens.dashboard()).get("/funds/" + fund + "/exports/annexes.csv?istatCode=" + PULSANO).then().statusCode(403);

        String openCsv = given().auth().oauth2(tokens.dashboard()).get("/funds/" + fund + "/exports/open-data.csv")
                .then().statusCode(200).extract().asString();
        String openJson = given().auth().oauth2(tokens.citizen("RSSMRA80A01A662A")).get("/funds/" + fund + "/exports/open-data.json")
                .then().statusCode(200).body("[0].beneficiaries", equalTo(3)).body("[0].paid", euro("7466.22")).extract().asString();
        for (String open : new String[]{openCsv, openJson}) {
            assertThat(open).contains("Pulsano")
                    .doesNotContainPattern("[A-Z]{6}[0-9]{2}[A-Z][0-9]{2}[A-Z][0-9]{3}[A-Z]") // fiscal codes
                    .doesNotContainPattern("IT[0-9]{2}[A-Z][0-9]{10}") // IBANs
                    .doesNotContain("2023-00000000"); // protocol numbers
        }
        assertThat(openCsv).contains("073022;Pulsano;Taranto;");
    }
}
