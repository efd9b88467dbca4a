package org.fondicasa.application.application;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.fondicasa.application.call.CallKind;
import org.fondicasa.application.fixtures.ApplicationFormBuilder;
import org.fondicasa.testing.KafkaTestClient;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fondicasa.application.fixtures.ApplicationFormBuilder.anEmergencyApplication;
import static org.fondicasa.application.fixtures.HouseholdBuilder.aHousehold;

/**
 * Group commit (issue #14, item 1): applications filed at the same moment are written together, and each is still
 * stored exactly once with its household's places and its two events, numbered in the order of the receipt times,
 * with a conflict inside one batch decided as it would be one by one. Over the real database, through the API.
 */
@QuarkusTest
class GroupCommitTest {

    static final String CASARANO = "075016";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URI base;

    @Inject
    DataSource db;

    private final Fixtures f = new Fixtures();
    private final KafkaTestClient kafka = KafkaTestClient.fromConfig();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void twoHundredApplicationsAtOnceAreEachStoredOnceInOrderOfTheirReceiptTimesAndSomeShareACommit() throws Exception {
        UUID call = f.create(f.tokens.operator(CASARANO), Fixtures.call(CallKind.RENT_EMERGENCY, CASARANO, -60, 3600, "5000.00", b -> { }));
        List<String> people = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            people.add(Fixtures.fiscalCode(90_000 + i));
        }
        List<HttpResponse<String>> answers = all(call, people.stream().map(p -> new Filing(f.tokens.citizen(p), anEmergencyApplication().by(p))).toList());

        assertThat(answers).allSatisfy(a -> assertThat(a.statusCode()).as(a.body()).isEqualTo(201));
        List<JsonNode> receipts = new ArrayList<>();
        for (HttpResponse<String> a : answers) {
            receipts.add(JSON.readTree(a.body()));
        }
        receipts.sort(Comparator.comparingLong(r -> r.get("placeInLine").asLong()));
        assertThat(receipts.stream().map(r -> r.get("placeInLine").asLong()).distinct()).hasSize(200);
        for (int i = 1; i < receipts.size(); i++) {
            OffsetDateTime before = OffsetDateTime.parse(receipts.get(i - 1).get("receivedAt").asText());
            OffsetDateTime after = OffsetDateTime.parse(receipts.get(i).get("receivedAt").asText());
            assertThat(after).as("place %s after %s", receipts.get(i).get("placeInLine"), receipts.get(i - 1).get("placeInLine"))
                    .isAfterOrEqualTo(before);
            assertThat(receipts.get(i).get("protocolNumber").asText()).isGreaterThan(receipts.get(i - 1).get("protocolNumber").asText());
        }
        List<String> protocols = receipts.stream().map(r -> r.get("protocolNumber").asText()).toList();

        try (Connection c = db.getConnection()) {
            Array array = c.createArrayOf("text", protocols.toArray());
            assertThat(count(c, "select count(*) from application where protocol_number = any(?)", array)).isEqualTo(200);
            assertThat(count(c, "select count(*) from household_claim where protocol_number = any(?) and kind = 'OWN'", array)).isEqualTo(200);
            long commits = count(c, "select count(distinct received_at) from application where protocol_number = any(?)", array);
            System.out.println("group commit: 200 applications in " + commits + " transactions");
            assertThat(commits).as("transactions that stored the 200").isLessThan(200);
        }
        // and each its two events, published once each
        for (String type : List.of("ApplicationReceived", "ApplicationAssessed")) {
            List<String> published = kafka.published("application.events", type, value -> true, () -> inOutbox(type, protocols),
                    Duration.ofSeconds(30)).stream().map(r -> protocolNumber(r.value())).filter(protocols::contains).toList();
            assertThat(published).as(type).hasSize(200).doesNotHaveDuplicates();
        }
    }

    @Test
    void householdsThatShareAMemberInOneBatchAreDecidedAsOneByOne() throws Exception {
        UUID call = f.create(f.tokens.operator(CASARANO), Fixtures.call(CallKind.RENT_EMERGENCY, CASARANO, -60, 3600, "5000.00", b -> { }));
        String desk = f.tokens.deskOperator(CASARANO);
        List<Filing> filings = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String child = Fixtures.fiscalCode(92_000 + i);
            // two desks file two different applicants listing the same child, at the same moment
            for (int j = 0; j < 2; j++) {
                String applicant = Fixtures.fiscalCode(93_000 + 2 * i + j);
                filings.add(new Filing(desk, anEmergencyApplication().filedAtTheDeskFor(applicant)
                        .withHousehold(aHousehold().withApplicant(applicant).withChild(child))));
            }
        }
        List<HttpResponse<String>> answers = all(call, filings);

        for (int i = 0; i < 30; i++) {
            List<Integer> pair = List.of(answers.get(2 * i).statusCode(), answers.get(2 * i + 1).statusCode());
            assertThat(pair).as("the two households listing child %d", i).containsExactlyInAnyOrder(201, 409);
        }
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("select count(*), count(distinct protocol_number) from household_claim where call_id = ?")) {
            s.setObject(1, call);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                assertThat(r.getLong(1)).as("places: 30 applicants and their 30 children").isEqualTo(60);
                assertThat(r.getLong(2)).as("applications holding them").isEqualTo(30);
            }
        }
    }

    record Filing(String token, ApplicationFormBuilder form) {
    }

    private List<HttpResponse<String>> all(UUID call, List<Filing> filings) throws Exception {
        return atOnce(http, base, call, filings);
    }

    /** Every filing released at once; the answers in the order of the filings. */
    static List<HttpResponse<String>> atOnce(HttpClient http, URI base, UUID call, List<Filing> filings) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(48);
        try {
            List<Future<HttpResponse<String>>> sent = new ArrayList<>();
            for (Filing filing : filings) {
                HttpRequest request = HttpRequest.newBuilder(base.resolve("calls/" + call + "/applications"))
                        .header("Authorization", "Bearer " + filing.token()).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(filing.form().json())).build();
                sent.add(pool.submit(() -> {
                    start.await();
                    return http.send(request, HttpResponse.BodyHandlers.ofString());
                }));
            }
            start.countDown();
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> a : sent) {
                answers.add(a.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private long inOutbox(String type, List<String> protocols) {
        try (Connection c = db.getConnection()) {
            return count(c, "select count(*) from outbox_event where event_type = '" + type
                    + "' and cast(payload as jsonb) -> 'data' ->> 'protocolNumber' = any(?)", c.createArrayOf("text", protocols.toArray()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String protocolNumber(String envelope) {
        try {
            return JSON.readTree(envelope).path("data").path("protocolNumber").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long count(Connection c, String sql, Array array) throws Exception {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setArray(1, array);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
