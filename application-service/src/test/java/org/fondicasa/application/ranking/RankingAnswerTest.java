package org.fondicasa.application.ranking;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.fondicasa.application.application.Application;
import org.fondicasa.application.application.ApplicationStatus;
import org.fondicasa.application.application.ContestedClaim;
import org.fondicasa.application.application.Fixtures;
import org.fondicasa.application.award.TaxArrears;
import org.fondicasa.application.call.Call;
import org.fondicasa.application.call.CallKind;
import org.fondicasa.application.call.CallMoney;
import org.fondicasa.application.call.CallService;
import org.fondicasa.application.eligibility.Band;
import org.fondicasa.application.fixtures.ApplicationFormBuilder;
import org.fondicasa.platform.money.Euro;
import org.fondicasa.testing.KafkaTestClient;
import org.fondicasa.testing.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.fondicasa.application.fixtures.ApplicationFormBuilder.aRentSupportApplication;
import static org.fondicasa.application.fixtures.CallBuilder.aCall;
import static org.fondicasa.application.fixtures.HouseholdBuilder.aHousehold;

/**
 * The ranking's answers, stored runs, grants and events are what the service gave when it read every application as an
 * entity and parsed its assessment (the reference below, kept here as it was): same entries, explanations, incidence,
 * withholdings and exclusions, same awards, statuses and ContributionGranted events per grant.
 */
@QuarkusTest
class RankingAnswerTest {

    static {
        Money.exactJsonNumbers();
    }

    static final String BARI = "072006";
    /** Decimals as written, so that 12.5 and 12.50 differ. */
    static final ObjectMapper EXACT = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES).build();

    private final Fixtures f = new Fixtures();
    private final KafkaTestClient kafka = KafkaTestClient.fromConfig();

    @Inject
    ObjectMapper mapper;
    @Inject
    CallService calls;
    @Inject
    CallMoney money;
    @Inject
    EntityManager em;

    private ValidatableResponse apply(UUID call, String applicant, ApplicationFormBuilder form) {
        return given().auth().oauth2(f.tokens.citizen(applicant)).contentType(ContentType.JSON).body(form.json())
                .post("/calls/" + call + "/applications").then();
    }

    private String applied(UUID call, String applicant, ApplicationFormBuilder form) {
        return apply(call, applicant, form).statusCode(201).extract().path("protocolNumber");
    }

    @Test
    void simulationAndPublicationAnswerAndRecordWhatTheEntitiesGave() throws Exception {
        ObjectNode body = aCall(CallKind.RENT_SUPPORT).inMunicipality(BARI).openBetween(Fixtures.romeIn(-60), Fixtures.romeIn(20))
                .withBudget("4000.00").withRules(rules -> ((ObjectNode) rules.get("rentSupport")).putObject("payment")
                        .put("type", "PROPORTIONAL_BAND_A").put("legalRef", "DGR 1724/2020: band A cut in proportion").putArray("cuts"))
                .build();
        UUID call = f.create(f.tokens.operator(BARI), body);
        int n = 9400;
        applied(call, Fixtures.fiscalCode(n), aRentSupportApplication().by(Fixtures.fiscalCode(n++)).withIncome("0.00").withRent("3600.00")
                .withFloorArea("60").declaring("THIRD_PARTY_SUPPORT"));
        applied(call, Fixtures.fiscalCode(n), aRentSupportApplication().by(Fixtures.fiscalCode(n++)).withIncome("8000.00").withRent("4800.00"));
        String arrears = applied(call, Fixtures.fiscalCode(n), aRentSupportApplication().by(Fixtures.fiscalCode(n++))
                .withIncome("12000.00").withRent("2400.00").inCadastralCategory("A2"));
        applied(call, Fixtures.fiscalCode(n), aRentSupportApplication().by(Fixtures.fiscalCode(n++)).withIncome("9000.00").withRent("3100.00"));
        applied(call, Fixtures.fiscalCode(n), aRentSupportApplication().by(Fixtures.fiscalCode(n++)).withIncome("20000.00")
                .withChildren(2).withRent("4000.00").withFloorArea("80"));
        apply(call, Fixtures.fiscalCode(n), aRentSupportApplication().by(Fixtures.fiscalCode(n++)).declaring("PRESTIGE_ZONE"))
                .statusCode(201).extract().path("protocolNumber");
        apply(call, Fixtures.fiscalCode(n), aRentSupportApplication().by(Fixtures.fiscalCode(n++)).withFloorArea("120").inCadastralCategory("A1"))
                .statusCode(201).extract().path("protocolNumber");
        // Mallory lists Anna as her spouse, then Anna applies herself: Mallory's application is held
        String mallory = Fixtures.fiscalCode(n++);
        String anna = Fixtures.fiscalCode(n++);
        String pMallory = applied(call, mallory, aRentSupportApplication().by(mallory).withIncome("7000.00")
                .withHousehold(aHousehold().withApplicant(mallory).withSpouse(anna)));
        applied(call, anna, aRentSupportApplication().by(anna).withIncome("7500.00"));
        given().auth().oauth2(f.tokens.operator(BARI)).contentType(ContentType.JSON)
                .body("{\"amount\": \"150.00\", \"reference\": \"TARI 2020, accertamento 7/2021\"}")
                .put("/applications/" + arrears + "/tax-arrears").then().statusCode(200);

        // a simulation with the held application among the excluded
        RankingView expected = reference(call);
        assertThat(expected.excluded()).extracting(RankingView.Excluded::protocolNumber).contains(pMallory);
        assertThat(expected.entries()).anyMatch(e -> e.withheld().signum() > 0);
        String simulated = given().auth().oauth2(f.tokens.operator(BARI)).post("/calls/" + call + "/ranking/simulations").then()
                .statusCode(200).extract().asString();
        assertSameAnswer(simulated, expected, false);
        // a simulation is an answer, not a record: no run stored, no run id
        assertThat(EXACT.readTree(simulated).get("runId").isNull()).isTrue();
        assertThat(QuarkusTransaction.requiringNew().call(() -> RankingRun.count("callId", call))).isZero();

        // the contest released, the call closed: the publication
        String contest = given().auth().oauth2(f.tokens.operator(BARI)).get("/calls/" + call + "/contested-claims").then()
                .statusCode(200).extract().path("find { it.fiscalCode == '" + anna + "' }.id");
        given().auth().oauth2(f.tokens.operator(BARI)).contentType(ContentType.JSON)
                .body("{\"outcome\": \"RELEASED\", \"note\": \"moved out\"}").post("/contested-claims/" + contest + "/resolution")
                .then().statusCode(200);
        Fixtures.moveClockPast(body.get("closesAt").asText());
        expected = reference(call);
        Ranking.Result core = core(call);
        String published = given().auth().oauth2(f.tokens.operator(BARI)).post("/calls/" + call + "/ranking/publication").then()
                .statusCode(200).extract().asString();
        assertSameAnswer(published, expected, true);
        // the stored run answers the same
        String stored = given().auth().oauth2(f.tokens.operator(BARI)).get("/calls/" + call + "/ranking").then()
                .statusCode(200).extract().asString();
        // (to the microsecond the database keeps, rounded: the answer of the publication shows the service's clock, as it did)
        ObjectNode storedRun = (ObjectNode) EXACT.readTree(stored);
        ObjectNode publishedRun = (ObjectNode) EXACT.readTree(published);
        assertThat(Duration.between(OffsetDateTime.parse(storedRun.remove("createdAt").asText()),
                OffsetDateTime.parse(publishedRun.remove("createdAt").asText())).abs()).isLessThanOrEqualTo(Duration.ofNanos(1_000));
        assertThat(storedRun).isEqualTo(publishedRun);

        // what grant() recorded per funded entry, and NOT_FUNDED for the rest
        Map<String, Ranking.Entry> byProtocol = core.entries().stream()
                .collect(Collectors.toMap(e -> e.candidate().protocolNumber(), Function.identity()));
        Map<String, String> statuses = new TreeMap<>();
        Map<String, String> expectedStatuses = new TreeMap<>();
        List<String> events = new ArrayList<>();
        List<String> expectedEvents = new ArrayList<>();
        QuarkusTransaction.requiringNew().run(() -> {
            for (Application a : Application.<Application>list("callId = ?1 and eligible = true", call)) {
                statuses.put(a.protocolNumber, a.status.name());
            }
            @SuppressWarnings("unchecked")
            List<Object[]> awards = em.createNativeQuery("select protocol_number, amount, need, status, explanation, granted_by "
                    + "from award where call_id = ?1").setParameter(1, call).getResultList();
            assertThat(awards).hasSize((int) core.entries().stream().filter(e -> e.contributionCents() > 0).count());
            for (Object[] award : awards) {
                Ranking.Entry e = byProtocol.get((String) award[0]);
                assertThat(e.contributionCents()).isPositive();
                assertThat(award[1]).isEqualTo(Euro.ofCents(e.contributionCents()));
                assertThat(award[2]).isEqualTo(Euro.ofCents(e.candidate().needCents()));
                assertThat(award[3]).isEqualTo("GRANTED");
                assertThat(award[4]).isEqualTo(e.explanation());
            }
        });
        kafka.published("application.events", "ContributionGranted", value -> value.contains(call.toString()),
                () -> QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select count(*) from outbox_event where event_type = 'ContributionGranted' and payload like ?1")
                        .setParameter(1, "%" + call + "%").getSingleResult()).longValue()), Duration.ofSeconds(30))
                .forEach(r -> events.add(data(r.value())));
        int funded = 0;
        for (Ranking.Entry e : core.entries()) {
            Ranking.Candidate c = e.candidate();
            if (e.contributionCents() > 0) {
                funded++;
                boolean complete = e.contributionCents() >= c.needCents();
                expectedStatuses.put(c.protocolNumber(), complete ? "GRANTED" : "PARTIALLY_GRANTED");
                ObjectNode data = EXACT.createObjectNode().put("callId", call.toString()).put("kind", "RENT_SUPPORT")
                        .put("istatCode", BARI).putNull("fundCode").put("protocolNumber", c.protocolNumber())
                        .put("amount", Euro.ofCents(e.contributionCents()).toPlainString())
                        .put("total", Euro.ofCents(e.contributionCents()).toPlainString())
                        .put("need", Euro.ofCents(c.needCents()).toPlainString()).put("partial", !complete)
                        .put("explanation", e.explanation());
                expectedEvents.add(withoutNulls(data));
            } else {
                expectedStatuses.put(c.protocolNumber(), "NOT_FUNDED");
            }
        }
        assertThat(funded).isGreaterThan(1);
        assertThat(expectedStatuses.values()).contains("NOT_FUNDED", "PARTIALLY_GRANTED");
        assertThat(statuses).isEqualTo(expectedStatuses);
        assertThat(events).containsExactlyElementsOf(expectedEvents);
    }

    private void assertSameAnswer(String answer, RankingView expected, boolean published) throws Exception {
        ObjectNode actual = (ObjectNode) EXACT.readTree(answer);
        ObjectNode wanted = (ObjectNode) EXACT.readTree(mapper.writeValueAsString(expected));
        assertThat(actual.get("published").asBoolean()).isEqualTo(published);
        for (ObjectNode node : List.of(actual, wanted)) {
            node.remove(List.of("runId", "createdAt", "published"));
        }
        assertThat(actual.get("entries")).hasSizeGreaterThan(3);
        assertThat(actual.get("excluded")).hasSizeGreaterThan(1);
        assertThat(actual).isEqualTo(wanted);
    }

    private String data(String envelope) {
        try {
            return withoutNulls((ObjectNode) EXACT.readTree(envelope).get("data"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String withoutNulls(ObjectNode data) {
        ObjectNode copy = data.deepCopy();
        for (Iterator<Map.Entry<String, JsonNode>> it = copy.fields(); it.hasNext(); ) {
            if (it.next().getValue().isNull()) {
                it.remove();
            }
        }
        return new TreeMap<>(EXACT.convertValue(copy, Map.class)).toString();
    }

    private Ranking.Result core(UUID callId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Call call = calls.require(callId);
            return Ranking.rank(Euro.toCents(money.budget(callId).subtract(money.committed(callId))), candidates(callId),
                    calls.rules(call).rentSupport().payment());
        });
    }

    private List<Ranking.Candidate> candidates(UUID callId) {
        Set<String> held = ContestedClaim.heldIn(callId);
        List<Ranking.Candidate> candidates = new ArrayList<>();
        for (Application a : Application.<Application>list("callId = ?1 and status = ?2", callId, ApplicationStatus.PENDING)) {
            if (!held.contains(a.protocolNumber)) {
                JsonNode assessment = tree(a.assessment);
                candidates.add(new Ranking.Candidate(a.protocolNumber, a.receiptSeq, Band.valueOf(a.band),
                        assessment.path("referenceIncomeCents").asLong(), assessment.path("conventionalIncomeCents").asLong(),
                        Euro.toCents(a.need)));
            }
        }
        return candidates;
    }

    /** The answer as RankingService made it from entities before it read projections (its compute and save, unchanged). */
    private RankingView reference(UUID callId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Call call = calls.require(callId);
            List<Application> pending = new ArrayList<>(Application.list("callId = ?1 and status = ?2", call.id, ApplicationStatus.PENDING));
            Set<String> heldProtocols = ContestedClaim.heldIn(call.id);
            List<RankingView.Excluded> held = new ArrayList<>();
            pending.removeIf(a -> {
                if (!heldProtocols.contains(a.protocolNumber)) {
                    return false;
                }
                held.add(new RankingView.Excluded(a.protocolNumber, List.of("held: a person it lists as a household member applied "
                        + "themselves; ranked once the operator resolves the contest")));
                return true;
            });
            Ranking.Result result = Ranking.rank(Euro.toCents(money.budget(call.id).subtract(money.committed(call.id))),
                    candidates(callId), calls.rules(call).rentSupport().payment());
            List<RankingView.Excluded> excluded = new ArrayList<>(Application.<Application>list(
                            "callId = ?1 and status = ?2 order by receiptSeq", call.id, ApplicationStatus.NOT_ELIGIBLE).stream()
                    .map(a -> new RankingView.Excluded(a.protocolNumber, failed(a))).toList());
            excluded.addAll(held);
            Map<String, Application> byProtocol = pending.stream().collect(Collectors.toMap(a -> a.protocolNumber, Function.identity()));
            List<RankingView.Entry> entries = result.entries().stream().map(e -> {
                Application a = byProtocol.get(e.candidate().protocolNumber());
                JsonNode assessment = tree(a.assessment);
                TaxArrears arrears = TaxArrears.findById(a.protocolNumber);
                BigDecimal contribution = Euro.ofCents(e.contributionCents());
                BigDecimal withheld = arrears == null ? BigDecimal.ZERO.setScale(2) : arrears.amount.min(contribution);
                return new RankingView.Entry(e.position(), a.protocolNumber, a.band,
                        Euro.ofCents(e.candidate().referenceIncomeCents()), Euro.ofCents(e.candidate().conventionalIncomeCents()),
                        assessment.path("incidencePercent").isNull() || assessment.path("incidencePercent").isMissingNode() ? null
                                : assessment.path("incidencePercent").decimalValue(),
                        a.need, contribution, withheld, contribution.subtract(withheld),
                        e.explanation() + (withheld.signum() > 0 ? "; " + Euro.format(withheld) + " withheld for municipal tax arrears ("
                                + arrears.reference + ")" : ""));
            }).toList();
            return new RankingView(null, call.id, false, calls.rules(call).rentSupport().payment().type().name(),
                    Euro.ofCents(result.budgetCents()), Euro.ofCents(result.committedCents()), null, entries, excluded);
        });
    }

    private List<String> failed(Application a) {
        List<String> reasons = new ArrayList<>();
        tree(a.assessment).path("checks").forEach(c -> {
            if (!c.path("passed").asBoolean()) {
                reasons.add(c.path("explanation").asText() + " (" + c.path("legalRef").asText() + ")");
            }
        });
        return reasons;
    }

    private JsonNode tree(String json) {
        try {
            return mapper.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
