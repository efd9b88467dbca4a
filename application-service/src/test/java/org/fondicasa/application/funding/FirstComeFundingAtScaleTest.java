package org.fondicasa.application.funding;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.fondicasa.application.application.Fixtures;
import org.fondicasa.application.call.CallKind;
import org.fondicasa.testing.Money;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.fondicasa.application.fixtures.ApplicationFormBuilder.anEmergencyApplication;
import static org.fondicasa.application.fixtures.CallBuilder.aCall;
import static org.fondicasa.testing.Money.euro;

/**
 * First come at the size of an opening day (issue #12): more applications than one funding pass reads
 * ({@link FundingStep#BATCH}), and none of them left PENDING once funding has run over them, whether the money is
 * spent exactly or some is left after a full batch. Applications are filed through the API, as Bari's desk would file
 * them (a plain HTTP client: thousands of requests through REST Assured would take most of a minute); the test waits
 * only for the funding worker, which decides an application once it is older than the settle window
 * ({@link FundingStep#SETTLE_SECONDS}, measured by the database clock).
 */
@QuarkusTest
class FirstComeFundingAtScaleTest {

    static {
        Money.exactJsonNumbers();
    }

    static final String BARI = "072006";
    private static final ObjectMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES).build();

    @TestHTTPResource("/")
    URI base;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Fixtures f = new Fixtures();
    private final String desk = f.tokens.deskOperator(BARI);
    private final String operator = f.tokens.operator(BARI);

    /** Applications by status, as the call's funding dashboard counts them. */
    record Counts(long applications, long pending, long granted, long partiallyGranted, long waiting) {
    }

    @Test
    void aFirstComeCallWithItsBudgetSpentExactlyLeavesNoneOfTwoThousandPending() throws Exception {
        int funded = 300;
        BigDecimal budget = needs(0, funded);
        String closesAt = Fixtures.romeIn(3600);
        UUID call = openCall(budget, closesAt);
        List<Long> line = new ArrayList<>();

        // the budget runs out exactly on the 300th: 1.200 wait behind it, more than one pass reads ...
        line.addAll(file(call, 200_000, 0, 1500));
        awaitDecided(call, new Counts(1500, 0, funded, 0, 1200));
        // ... and the 600 filed after them wait too, though a pass reading the head of the line never sees them
        line.addAll(file(call, 200_000, 1500, 2100));
        awaitDecided(call, new Counts(2100, 0, funded, 0, 1800));

        money(call).body("budget", euro(budget.toPlainString())).body("committed", euro(budget.toPlainString()))
                .body("available", euro("0.00"));
        List<JsonNode> granted = applications(call, "GRANTED");
        assertThat(granted).extracting(a -> a.path("placeInLine").asLong()).containsExactlyElementsOf(line.subList(0, funded));
        assertThat(sumOfAwards(granted)).isEqualTo(budget);
        assertThat(granted).allSatisfy(a -> assertThat(a.path("award").path("amount").decimalValue()).isEqualTo(a.path("need").decimalValue()));
        assertThat(applications(call, "WAITING")).extracting(a -> a.path("placeInLine").asLong())
                .containsExactlyElementsOf(line.subList(funded, 2100));

        // the service agrees that nothing is left to decide: after its deadline the call closes, nothing unspent
        Fixtures.moveClockPast(closesAt);
        given().auth().oauth2(operator).post("/calls/" + call + "/closure").then().statusCode(200).body("unspent", euro("0.00"));
    }

    @Test
    void moneyLeftAfterAFullBatchGoesOnDownTheLineAndMoneyReturningMovesMoreThanABatchUp() throws Exception {
        // 1.200 whole grants, more than one pass decides, then the last € 0,37 to the 1.201st
        BigDecimal budget = needs(0, 1200).add(new BigDecimal("0.37"));
        String closesAt = Fixtures.romeIn(3600);
        UUID call = openCall(budget, closesAt);
        List<Long> line = file(call, 300_000, 0, 2300);
        awaitDecided(call, new Counts(2300, 0, 1200, 1, 1099));
        money(call).body("committed", euro(budget.toPlainString())).body("available", euro("0.00"));
        List<JsonNode> partial = applications(call, "PARTIALLY_GRANTED");
        assertThat(partial).extracting(a -> a.path("placeInLine").asLong()).containsExactly(line.get(1200));
        assertThat(partial.get(0).path("award").path("amount").decimalValue()).isEqualTo(new BigDecimal("0.37"));

        // money returns while more than a batch waits at the head of the line: the partial grant is completed, the
        // next 1.049 are funded whole in order, and the 2.251st gets the last € 0,50
        BigDecimal topUp = need(1200).subtract(new BigDecimal("0.37")).add(needs(1201, 2250)).add(new BigDecimal("0.50"));
        given().auth().oauth2(operator).contentType(ContentType.JSON)
                .body("{\"source\": \"MUNICIPAL\", \"amount\": \"" + topUp.toPlainString() + "\", \"legalRef\": \"DD integrazione 2026\"}")
                .post("/calls/" + call + "/budget/top-ups").then().statusCode(200);
        awaitDecided(call, new Counts(2300, 0, 2250, 1, 49));

        BigDecimal total = budget.add(topUp);
        money(call).body("budget", euro(total.toPlainString())).body("committed", euro(total.toPlainString()))
                .body("available", euro("0.00"));
        List<JsonNode> granted = applications(call, "GRANTED");
        assertThat(granted).extracting(a -> a.path("placeInLine").asLong()).containsExactlyElementsOf(line.subList(0, 2250));
        assertThat(sumOfAwards(granted)).isEqualTo(needs(0, 2250));
        partial = applications(call, "PARTIALLY_GRANTED");
        assertThat(partial).extracting(a -> a.path("placeInLine").asLong()).containsExactly(line.get(2250));
        assertThat(partial.get(0).path("award").path("amount").decimalValue()).isEqualTo(new BigDecimal("0.50"));
        assertThat(applications(call, "WAITING")).extracting(a -> a.path("placeInLine").asLong())
                .containsExactlyElementsOf(line.subList(2251, 2300));

        Fixtures.moveClockPast(closesAt);
        given().auth().oauth2(operator).post("/calls/" + call + "/closure").then().statusCode(200).body("unspent", euro("0.00"));
    }

    /** The need of the i-th applicant: three months of a rent varied to the cent, € 300,03 to € 899,97, under the cap. */
    private static BigDecimal monthlyRent(int i) {
        return new BigDecimal("100.01").add(BigDecimal.valueOf((i * 7919L) % 19999, 2));
    }

    private static BigDecimal need(int i) {
        return monthlyRent(i).multiply(BigDecimal.valueOf(3));
    }

    /** The needs of applicants [from, to), summed. */
    private static BigDecimal needs(int from, int to) {
        return IntStream.range(from, to).mapToObj(FirstComeFundingAtScaleTest::need).reduce(new BigDecimal("0.00"), BigDecimal::add);
    }

    private UUID openCall(BigDecimal budget, String closesAt) {
        ObjectNode body = aCall(CallKind.RENT_EMERGENCY).inMunicipality(BARI).openBetween(Fixtures.romeIn(-60), closesAt)
                .withBudget(budget.toPlainString()).build();
        return f.create(operator, body);
    }

    /** Files applicants [from, to) at Bari's desk, one after the other; each is eligible, PENDING at receipt. */
    private List<Long> file(UUID call, int firstCitizen, int from, int to) throws IOException, InterruptedException {
        long started = System.nanoTime();
        List<Long> places = new ArrayList<>();
        URI uri = base.resolve("/calls/" + call + "/applications");
        for (int i = from; i < to; i++) {
            String rent = monthlyRent(i).toPlainString();
            String form = anEmergencyApplication().filedAtTheDeskFor(Fixtures.fiscalCode(firstCitizen + i))
                    .withMonthsOfRent(rent, rent, rent).json();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + desk)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            JsonNode receipt = JSON.readTree(response.body());
            assertThat(receipt.path("status").asText()).as(response.body()).isEqualTo("PENDING");
            places.add(receipt.path("placeInLine").asLong());
        }
        System.out.printf("%s: filed %d applications in %d ms%n", getClass().getSimpleName(), to - from,
                (System.nanoTime() - started) / 1_000_000);
        return places;
    }

    /** Waits for the funding worker, and only for it, until the call's applications stand as expected. */
    private void awaitDecided(UUID call, Counts expected) {
        long started = System.nanoTime();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            JsonPath funding = money(call).extract().jsonPath();
            assertThat(new Counts(funding.getLong("applications"), funding.getLong("pending"), funding.getLong("granted"),
                    funding.getLong("partiallyGranted"), funding.getLong("waiting"))).isEqualTo(expected);
        });
        System.out.printf("%s: %s after %d ms%n", getClass().getSimpleName(), expected, (System.nanoTime() - started) / 1_000_000);
    }

    private io.restassured.response.ValidatableResponse money(UUID call) {
        return given().auth().oauth2(operator).get("/calls/" + call + "/funding").then().statusCode(200);
    }

    /** The call's applications in one status, in receipt order, every page of them. */
    private List<JsonNode> applications(UUID call, String status) throws IOException, InterruptedException {
        List<JsonNode> all = new ArrayList<>();
        long after = 0;
        while (true) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            base.resolve("/calls/" + call + "/applications?status=" + status + "&after=" + after))
                    .header("Authorization", "Bearer " + operator).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode page = JSON.readTree(response.body());
            if (page.isEmpty()) {
                return all;
            }
            page.forEach(all::add);
            after = page.get(page.size() - 1).path("placeInLine").asLong();
        }
    }

    private static BigDecimal sumOfAwards(List<JsonNode> applications) {
        return applications.stream().map(a -> a.path("award").path("amount").decimalValue()).reduce(new BigDecimal("0.00"), BigDecimal::add);
    }
}
