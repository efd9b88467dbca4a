package org.fondicasa.application.application;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.fondicasa.application.call.CallKind;
import org.fondicasa.application.AllocationStandIn;
import org.fondicasa.application.fixtures.ApplicationFormBuilder;
import org.fondicasa.testing.KafkaTestClient;
import org.fondicasa.testing.Money;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.fondicasa.testing.Money.euro;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.fondicasa.application.fixtures.ApplicationFormBuilder.aRentSupportApplication;
import static org.fondicasa.application.fixtures.CallBuilder.aCall;

/** The ordinary rent call of DM 7/6/1999 (DOMAIN §1.5) and Pulsano's 2021 call (seed 003), from opening to payment. */
@QuarkusTest
class RentSupportCallTest {

    static {
        Money.exactJsonNumbers();
    }

    static final String BARI = "072006";
    static final String PULSANO = "073022";

    private final Fixtures f = new Fixtures();
    private final KafkaTestClient kafka = KafkaTestClient.fromConfig();

    private ValidatableResponse apply(UUID call, String applicant, ApplicationFormBuilder form) {
        return given().auth().oauth2(f.tokens.citizen(applicant)).contentType(ContentType.JSON).body(form.json())
                .post("/calls/" + call + "/applications").then();
    }

    @Test
    void ordinaryCallFromAllocationBudgetToRankingAndPaymentWithEveryExclusionRefused() {
        String fund = "AFF-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        // what allocation-service holds for Bari's ordinary call: Fin_base 5.000, Fin_c 1.000, COFIN 1.000, bonus 500
        AllocationStandIn.holds(fund, BARI, "Fin_base", "5000.00");
        AllocationStandIn.holds(fund, BARI, "Fin_c", "1000.00");
        AllocationStandIn.holds(fund, BARI, "QEmi", "0.00");
        AllocationStandIn.holds(fund, BARI, "QSmine", "0.00");
        AllocationStandIn.holds(fund, BARI, "COFIN", "1000.00");
        AllocationStandIn.holds(fund, BARI, "bonus", "500.00");
        ObjectNode body = aCall(CallKind.RENT_SUPPORT).inMunicipality(BARI).openBetween(Fixtures.romeIn(-60), Fixtures.romeIn(20))
                .fundedBy(fund, "Fin_base", "Fin_c", "QEmi", "QSmine", "COFIN", "bonus").build();
        // another municipality's operator may not open Bari's call
        given().auth().oauth2(f.tokens.operator(PULSANO)).contentType(ContentType.JSON).body(body.toString()).post("/calls")
                .then().statusCode(403);
        UUID call = f.create(f.tokens.operator(BARI), body);
        given().auth().oauth2(f.tokens.citizen(Fixtures.fiscalCode(1))).get("/calls/" + call).then().statusCode(200)
                .body("budget", euro("7500.00")).body("budgetEntries", hasSize(4)).body("status", equalTo("OPEN"));

        String zeroIncome = Fixtures.fiscalCode(11);
        String poorer = Fixtures.fiscalCode(12);
        String richer = Fixtures.fiscalCode(13);
        String bandB = Fixtures.fiscalCode(14);
        String pZero = apply(call, zeroIncome, aRentSupportApplication().by(zeroIncome).withIncome("0.00").withRent("3600.00")
                .withFloorArea("60").declaring("THIRD_PARTY_SUPPORT")).statusCode(201).extract().path("protocolNumber");
        String pPoorer = apply(call, poorer, aRentSupportApplication().by(poorer).withIncome("8000.00").withRent("4800.00"))
                .statusCode(201).extract().path("protocolNumber");
        String pRicher = apply(call, richer, aRentSupportApplication().by(richer).withIncome("12000.00").withRent("2400.00")
                .inCadastralCategory("A2"))
                .statusCode(201).extract().path("protocolNumber");
        String pB = apply(call, bandB, aRentSupportApplication().by(bandB).withIncome("20000.00").withChildren(2)
                .withRent("4000.00").withFloorArea("80"))
                .statusCode(201).body("status", equalTo("PENDING")).extract().path("protocolNumber");

        // every exclusion of DOMAIN §1.5, each refused with its reason
        Map<String, String> excluded = new LinkedHashMap<>();
        int n = 20;
        for (String fact : new String[]{"TENANT_RELATED_TO_LANDLORD", "OWNS_PUBLIC_FUNDED_HOUSING", "OWNS_ADEQUATE_HOUSING",
                "TENANT_TAX_DEDUCTION_CLAIMED", "PRESTIGE_ZONE"}) {
            String who = Fixtures.fiscalCode(n++);
            ApplicationFormBuilder form = aRentSupportApplication().by(who).declaring(fact);
            excluded.put(fact, apply(call, who, form).statusCode(201).body("status", equalTo("NOT_ELIGIBLE")).extract().path("protocolNumber"));
        }
        String who = Fixtures.fiscalCode(n++);
        excluded.put("citizenIncomeRent", apply(call, who, aRentSupportApplication().by(who).withCitizenIncomeRentMonths(4))
                .statusCode(201).extract().path("protocolNumber"));
        for (String category : new String[]{"A1", "A8", "A9"}) {
            who = Fixtures.fiscalCode(n++);
            excluded.put("cadastralCategory " + category, apply(call, who, aRentSupportApplication().by(who).inCadastralCategory(category))
                    .statusCode(201).extract().path("protocolNumber"));
        }
        who = Fixtures.fiscalCode(n++);
        excluded.put("floorArea", apply(call, who, aRentSupportApplication().by(who).withFloorArea("120"))
                .statusCode(201).extract().path("protocolNumber"));
        who = Fixtures.fiscalCode(n++);
        excluded.put("lowIncomeDeclaration", apply(call, who, aRentSupportApplication().by(who).withIncome("0.00"))
                .statusCode(201).extract().path("protocolNumber"));
        who = Fixtures.fiscalCode(n++);
        excluded.put("bandA", apply(call, who, aRentSupportApplication().by(who).withIncome("40000.00"))
                .statusCode(201).extract().path("protocolNumber"));
        excluded.forEach((rule, protocol) -> given().auth().oauth2(f.tokens.operator(BARI)).get("/applications/" + protocol).then()
                .statusCode(200).body("status", equalTo("NOT_ELIGIBLE"))
                .body("assessment.checks.findAll { !it.passed }.rule", org.hamcrest.Matchers.hasItem(rule.split(" ")[0]))
                .body("assessment.checks.findAll { !it.passed }.legalRef", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.not(org.hamcrest.Matchers.emptyString()))));

        // the finance office records municipal tax arrears for one applicant (seed 003)
        given().auth().oauth2(f.tokens.operator(BARI)).contentType(ContentType.JSON)
                .body("{\"amount\": \"200.00\", \"reference\": \"TARI 2019, accertamento 44/2020\"}")
                .put("/applications/" + pRicher + "/tax-arrears").then().statusCode(200);

        // a simulation before the deadline; publication only after it
        given().auth().oauth2(f.tokens.operator(BARI)).post("/calls/" + call + "/ranking/simulations").then().statusCode(200)
                .body("published", equalTo(false)).body("entries", hasSize(4));
        given().auth().oauth2(f.tokens.operator(BARI)).post("/calls/" + call + "/ranking/publication").then().statusCode(409);
        Fixtures.moveClockPast(body.get("closesAt").asText());

        var ranking = given().auth().oauth2(f.tokens.operator(BARI)).post("/calls/" + call + "/ranking/publication").then()
                .statusCode(200).body("budget", euro("7500.00")).body("committed", euro("7500.00"))
                .body("entries.protocolNumber", org.hamcrest.Matchers.contains(pZero, pPoorer, pRicher, pB))
                .body("entries.contribution", org.hamcrest.Matchers.contains(euro("3098.74"), euro("3098.74"), euro("720.00"), euro("582.52")))
                .body("entries[2].withheld", euro("200.00")).body("entries[2].payable", euro("520.00"))
                .body("entries[3].explanation", containsString("budget exhausted: € 582,52 of € 1.268,74"))
                .body("excluded", hasSize(excluded.size()));
        ranking.body("entries[1].explanation", containsString("position 2, band A, taxable income € 8.000,00"));
        given().auth().oauth2(f.tokens.operator(BARI)).post("/calls/" + call + "/ranking/publication").then().statusCode(409);

        // the citizen sees only their own place; another municipality sees nothing
        given().auth().oauth2(f.tokens.citizen(poorer)).get("/calls/" + call + "/ranking").then().statusCode(200)
                .body("entries", hasSize(1)).body("entries[0].position", equalTo(2)).body("excluded", hasSize(0));
        given().auth().oauth2(f.tokens.operator(PULSANO)).get("/calls/" + call + "/ranking").then().statusCode(403);
        given().auth().oauth2(f.tokens.operator(PULSANO)).get("/applications/" + pPoorer).then().statusCode(404);
        given().auth().oauth2(f.tokens.citizen(richer)).get("/applications/" + pPoorer).then().statusCode(404);

        given().auth().oauth2(f.tokens.operator(BARI)).contentType(ContentType.JSON).body("{\"paymentReference\": \"MANDATO 77/2021\"}")
                .post("/applications/" + pRicher + "/payment").then().statusCode(200)
                .body("status", equalTo("PAID")).body("award.withheld", euro("200.00")).body("award.paid", euro("520.00"))
                .body("award.withholdingRef", equalTo("TARI 2019, accertamento 44/2020"));
        given().auth().oauth2(f.tokens.citizen(bandB)).get("/applications/" + pB).then().statusCode(200)
                .body("status", equalTo("PARTIALLY_GRANTED")).body("award.amount", euro("582.52"));
        given().auth().oauth2(f.tokens.operator(BARI)).post("/calls/" + call + "/closure").then().statusCode(200)
                .body("unspent", euro("0.00"));
        kafka.await("application.events", r -> r.value().contains("\"RankingPublished\"") && r.value().contains(call.toString()),
                1, Duration.ofSeconds(30));
    }

    @Test
    void pulsanoCountsOnlyMonthsWithoutCitizenIncomeAndItsOwnLimits() {
        ObjectNode body = aCall(CallKind.RENT_SUPPORT).inMunicipality(PULSANO).openBetween(Fixtures.romeIn(-60), Fixtures.romeIn(3600))
                .titled("Bando contributi canoni di locazione anno 2021")
                .underAct("Comune di Pulsano, bando contributi integrativi canoni 2021 (scadenza 10/03/2023)")
                .withBudget("33408.21", "riparto regionale 2021 al Comune di Pulsano")
                .withRules(rules -> {
                    ObjectNode rs = (ObjectNode) rules.get("rentSupport");
                    ((ObjectNode) rs.get("bandA").get("incomeMax")).put("value", "13405.08").put("legalRef", "bando Pulsano 2021: due pensioni minime INPS 2021");
                    rs.put("onlyMonthsWithoutCitizenIncome", true);
                    rs.put("citizenIncomeLegalRef", "bando Pulsano 2021: only months without the rent quota of reddito di cittadinanza count");
                }).build();
        UUID call = f.create(f.tokens.operator(PULSANO), body);
        String applicant = Fixtures.fiscalCode(51);
        String protocol = apply(call, applicant, aRentSupportApplication().by(applicant).withIncome("13400.00").withRent("4800.00")
                .withCitizenIncomeRentMonths(4))
                .statusCode(201).body("status", equalTo("PENDING")).extract().path("protocolNumber");
        // 13.400 ≤ 13.405,08 (2021 limit), 8 months count: (4.800 − 14% × 13.400) × 8/12 = 1.949,33
        given().auth().oauth2(f.tokens.citizen(applicant)).get("/applications/" + protocol).then().statusCode(200)
                .body("band", equalTo("A")).body("need", euro("1949.33"))
                .body("assessment.checks.find { it.rule == 'citizenIncomeMonths' }.explanation",
                        equalTo("12 months rented, 4 with the rent quota of reddito di cittadinanza → 8 months count"))
                .body("assessment.checks.find { it.rule == 'contribution' }.explanation", endsWith("× 8/12"))
                .body("award", nullValue());
    }
}
