package org.fondicasa.application.award;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.fondicasa.application.application.Fixtures;
import org.fondicasa.application.call.CallKind;
import org.fondicasa.testing.Money;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.fondicasa.application.fixtures.ApplicationFormBuilder.aHardshipApplication;
import static org.fondicasa.application.fixtures.ApplicationFormBuilder.aRentSupportApplication;
import static org.fondicasa.application.fixtures.CallBuilder.aCall;
import static org.fondicasa.testing.Money.euro;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.oneOf;

/**
 * Two decisions on one application's money, at the same moment: each is made on what is true under the call's lock.
 * The test holds that lock itself, lets the requests queue behind it in a known order, then lets them go: without the
 * lock and a fresh read, the second one decided on what it had read before waiting (a second grant, a payment revoked,
 * a withdrawal overwritten by a publication).
 */
@QuarkusTest
class DecisionsUnderTheCallLockTest {

    static {
        Money.exactJsonNumbers();
    }

    static final String BISCEGLIE = "110003";
    static final String BARI = "072006";

    @TestHTTPResource("/")
    URI base;

    @Inject
    DataSource db;

    private final Fixtures f = new Fixtures();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void twoAssessmentsOfOneApplicationAtOnceGrantItOnce() throws Exception {
        String protocol = pendingHardshipApplication(Fixtures.fiscalCode(96_001));
        String assessment = """
                {"amount": "400.00", "socialWorker": "A.S. Maria De Pinto", "report": "relazione sociale n. 21/2026"}""";
        List<HttpResponse<String>> answers;
        try (CallLock lock = CallLock.hold(db, callOf(protocol))) {
            CompletableFuture<HttpResponse<String>> first = post(f.tokens.operator(BISCEGLIE), "/applications/" + protocol + "/social-assessment", assessment);
            lock.awaitWaiting(1);
            CompletableFuture<HttpResponse<String>> second = post(f.tokens.operator(BISCEGLIE), "/applications/" + protocol + "/social-assessment", assessment);
            lock.awaitWaiting(2);
            lock.release();
            answers = List.of(first.get(), second.get());
        }
        assertThat(answers.get(0).statusCode()).as(answers.get(0).body()).isEqualTo(200);
        assertThat(answers.get(1).statusCode()).as(answers.get(1).body()).isEqualTo(409);
        assertThat(answers.get(1).body()).contains("GRANTED");
        given().auth().oauth2(f.tokens.operator(BISCEGLIE)).get("/applications/" + protocol).then().statusCode(200)
                .body("status", equalTo("GRANTED")).body("award.amount", euro("400.00"));
        given().auth().oauth2(f.tokens.operator(BISCEGLIE)).get("/calls/" + callOf(protocol)).then().body("committed", euro("400.00"));
    }

    @Test
    void aWithdrawalQueuedBehindThePaymentFindsItPaidAndReturnsNoMoney() throws Exception {
        String applicant = Fixtures.fiscalCode(96_002);
        String protocol = pendingHardshipApplication(applicant);
        given().auth().oauth2(f.tokens.operator(BISCEGLIE)).contentType(ContentType.JSON).body("""
                {"amount": "300.00", "socialWorker": "A.S. Maria De Pinto", "report": "relazione sociale n. 22/2026"}""")
                .post("/applications/" + protocol + "/social-assessment").then().statusCode(200);
        HttpResponse<String> payment;
        HttpResponse<String> withdrawal;
        try (CallLock lock = CallLock.hold(db, callOf(protocol))) {
            CompletableFuture<HttpResponse<String>> paying = post(f.tokens.operator(BISCEGLIE), "/applications/" + protocol + "/payment",
                    "{\"paymentReference\": \"DD 377/2026\"}");
            lock.awaitWaiting(1);
            CompletableFuture<HttpResponse<String>> withdrawing = post(f.tokens.citizen(applicant), "/applications/" + protocol + "/withdrawal", "");
            lock.awaitWaiting(2);
            lock.release();
            payment = paying.get();
            withdrawal = withdrawing.get();
        }
        assertThat(payment.statusCode()).as(payment.body()).isEqualTo(200);
        assertThat(withdrawal.statusCode()).as(withdrawal.body()).isEqualTo(409);
        assertThat(withdrawal.body()).contains("PAID");
        given().auth().oauth2(f.tokens.operator(BISCEGLIE)).get("/applications/" + protocol).then()
                .body("status", equalTo("PAID")).body("award.paid", euro("300.00"));
        // the paid money stays committed: it did not go back to the call to be granted again
        given().auth().oauth2(f.tokens.operator(BISCEGLIE)).get("/calls/" + callOf(protocol)).then().body("committed", euro("300.00"));
    }

    @Test
    void aWithdrawalWaitsForTheRankingsPublicationAndThenReturnsTheGrant() throws Exception {
        ObjectNode body = aCall(CallKind.RENT_SUPPORT).inMunicipality(BARI).openBetween(Fixtures.romeIn(-60), Fixtures.romeIn(20))
                .withBudget("4000.00").build();
        UUID call = f.create(f.tokens.operator(BARI), body);
        String leaving = Fixtures.fiscalCode(96_003);
        String staying = Fixtures.fiscalCode(96_004);
        String pLeaving = file(call, f.tokens.citizen(leaving), aRentSupportApplication().by(leaving).withIncome("8000.00").withRent("4800.00").json());
        String pStaying = file(call, f.tokens.citizen(staying), aRentSupportApplication().by(staying).withIncome("9000.00").withRent("4800.00").json());
        Fixtures.moveClockPast(body.get("closesAt").asText());

        HttpResponse<String> publication;
        HttpResponse<String> withdrawal;
        try (CallLock lock = CallLock.hold(db, call)) {
            CompletableFuture<HttpResponse<String>> publishing = post(f.tokens.operator(BARI), "/calls/" + call + "/ranking/publication", "");
            lock.awaitWaiting(1);
            CompletableFuture<HttpResponse<String>> withdrawing = post(f.tokens.citizen(leaving), "/applications/" + pLeaving + "/withdrawal", "");
            // the withdrawal does not decide on the pending application the publication is about to rank
            lock.awaitWaiting(2);
            lock.release();
            publication = publishing.get();
            withdrawal = withdrawing.get();
        }
        assertThat(publication.statusCode()).as(publication.body()).isEqualTo(200);
        assertThat(publication.body()).contains(pLeaving, pStaying);
        assertThat(withdrawal.statusCode()).as(withdrawal.body()).isEqualTo(200);
        given().auth().oauth2(f.tokens.citizen(leaving)).get("/applications/" + pLeaving).then()
                .body("status", equalTo("WITHDRAWN")).body("award.status", equalTo("REVOKED"));
        String stayingGrant = given().auth().oauth2(f.tokens.citizen(staying)).get("/applications/" + pStaying).then()
                .body("status", oneOf("GRANTED", "PARTIALLY_GRANTED")).extract().path("award.amount").toString();
        // what stays committed is the other applicant's grant, to the cent
        given().auth().oauth2(f.tokens.operator(BARI)).get("/calls/" + call).then().body("committed", euro(stayingGrant));
    }

    private String pendingHardshipApplication(String applicant) {
        ObjectNode call = aCall(CallKind.HARDSHIP_GRANT).inMunicipality(BISCEGLIE).openBetween(Fixtures.romeIn(-60), Fixtures.romeIn(3600))
                .withBudget("1000.00").build();
        UUID id = f.create(f.tokens.operator(BISCEGLIE), call);
        return file(id, f.tokens.citizen(applicant), aHardshipApplication().by(applicant).forUse("RENT_ARREARS_NON_CULPABLE").json());
    }

    private static String file(UUID call, String token, String form) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(form).post("/calls/" + call + "/applications")
                .then().statusCode(201).body("status", equalTo("PENDING")).extract().path("protocolNumber");
    }

    private UUID callOf(String protocol) {
        return UUID.fromString(given().auth().oauth2(f.tokens.operator(BISCEGLIE)).get("/applications/" + protocol).then()
                .statusCode(200).extract().path("callId"));
    }

    private CompletableFuture<HttpResponse<String>> post(String token, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(60));
        request = json.isEmpty() ? request.POST(HttpRequest.BodyPublishers.noBody())
                : request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The call's money lock, held by the test on its own connection, as a funding pass or a publication holds it. */
    private static final class CallLock implements AutoCloseable {

        private final Connection connection;
        private final DataSource db;

        private CallLock(DataSource db, Connection connection) {
            this.db = db;
            this.connection = connection;
        }

        static CallLock hold(DataSource db, UUID callId) throws SQLException {
            Connection c = db.getConnection();
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("select pg_advisory_xact_lock(hashtextextended(?, 0))")) {
                s.setString(1, callId.toString());
                s.execute();
            }
            return new CallLock(db, c);
        }

        /** Until {@code n} transactions wait for an advisory lock (this test is the only one holding one for long). */
        void awaitWaiting(int n) {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                try (Connection c = db.getConnection();
                     ResultSet r = c.createStatement().executeQuery("select count(*) from pg_locks where locktype = 'advisory' and not granted")) {
                    r.next();
                    return r.getInt(1) >= n;
                }
            });
        }

        void release() throws SQLException {
            connection.commit();
        }

        @Override
        public void close() throws SQLException {
            connection.rollback();
            connection.close();
        }
    }
}
