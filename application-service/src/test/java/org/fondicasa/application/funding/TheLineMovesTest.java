package org.fondicasa.application.funding;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.fondicasa.application.application.Fixtures;
import org.fondicasa.application.call.CallKind;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.fondicasa.application.fixtures.ApplicationFormBuilder.aMicrocreditApplication;
import static org.fondicasa.application.fixtures.CallBuilder.aCall;

/**
 * A funding pass skips a call whose line cannot have moved. Here the worker is off and the test runs each pass itself,
 * so what a pass remembers is known exactly: a revocation handing back exactly what the last pass granted, and a
 * waiting application withdrawn with no money changing hands, both move the waiting list at the very next pass; and
 * while the line stays stopped, newcomers wait behind it without the waiting list being read again.
 */
@QuarkusTest
@TestProfile(TheLineMovesTest.WorkerOff.class)
class TheLineMovesTest {

    public static class WorkerOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("fondicasa.application.funding-interval", "off");
        }
    }

    @Inject
    FundingStep step;

    @Inject
    DataSource db;

    private final Fixtures f = new Fixtures();

    @Test
    void moneyHandedBackOrAPlaceLeftMovesTheWaitingListAtTheNextPass() {
        UUID call = f.create(f.tokens.regionOfficer(), aCall(CallKind.SOCIAL_MICROCREDIT)
                .openBetween(Fixtures.romeIn(-60), Fixtures.romeIn(3600)).withBudget("25000.00").build());

        String anna = apply(call, 96_101, "10000.00");
        onePassOnceSettled(call, anna);
        assertThat(status(anna)).isEqualTo("GRANTED");            // 15.000 left
        String bruno = apply(call, 96_102, "10000.00");
        String carla = apply(call, 96_103, "8000.00");
        onePassOnceSettled(call, bruno, carla);
        assertThat(status(bruno)).isEqualTo("GRANTED");           // the same pass: 5.000 left, Carla's loan waits
        assertThat(status(carla)).isEqualTo("WAITING");

        // 10.000 back: what that pass found before granting Bruno, so it must not look like nothing changed
        given().auth().oauth2(f.tokens.regionOfficer()).contentType(ContentType.JSON)
                .body("{\"reason\": \"false declaration found by the checks (DPR 445/2000 art. 75)\"}")
                .post("/applications/" + bruno + "/revocation").then().statusCode(200);
        step.fund(call);
        assertThat(status(carla)).as("the pass after the revocation").isEqualTo("GRANTED");   // 7.000 left

        String dario = apply(call, 96_104, "8000.00");
        String elena = apply(call, 96_105, "3000.00");
        onePassOnceSettled(call, dario, elena);
        assertThat(status(dario)).isEqualTo("WAITING");
        assertThat(status(elena)).isEqualTo("WAITING");           // strictly in order: hers fits, but waits behind Dario's
        step.fund(call);                                          // a pass that finds nothing to do, and remembers it

        // Dario leaves: no money moves, and Elena is next in line
        given().auth().oauth2(f.tokens.citizen(Fixtures.fiscalCode(96_104))).post("/applications/" + dario + "/withdrawal")
                .then().statusCode(200);
        step.fund(call);
        assertThat(status(elena)).as("the pass after the withdrawal").isEqualTo("GRANTED");
    }

    @Test
    void newcomersBehindSomeoneWaitingWaitWithoutTheLineReadAgainUntilMoneyComes() {
        UUID call = f.create(f.tokens.regionOfficer(), aCall(CallKind.SOCIAL_MICROCREDIT)
                .openBetween(Fixtures.romeIn(-60), Fixtures.romeIn(3600)).withBudget("12000.00").build());

        String gino = apply(call, 96_201, "10000.00");
        String ilaria = apply(call, 96_202, "5000.00");
        onePassOnceSettled(call, gino, ilaria);
        assertThat(status(gino)).isEqualTo("GRANTED");            // 2.000 left
        assertThat(status(ilaria)).isEqualTo("WAITING");          // the line stops at her

        // newcomers whose loans fit in what is left still wait behind her: the pass that decides it reads no claims
        String luca = apply(call, 96_203, "1000.00");
        String marta = apply(call, 96_204, "2000.00");
        onePassOnceSettled(call, luca, marta);
        assertThat(status(luca)).isEqualTo("WAITING");
        assertThat(status(marta)).isEqualTo("WAITING");

        // 3.000 more: 5.000, exactly what Ilaria needs
        topUp(call, "3000.00");
        step.fund(call);
        assertThat(status(ilaria)).as("the pass after the top-up").isEqualTo("GRANTED");
        assertThat(status(luca)).isEqualTo("WAITING");            // 0 left: the line stops at Luca now
        // 2.000 more: Luca's loan fits, Marta's does not, and Nadia, who came after her, waits behind her
        topUp(call, "2000.00");
        String nadia = apply(call, 96_205, "500.00");
        onePassOnceSettled(call, nadia);
        assertThat(status(luca)).isEqualTo("GRANTED");
        assertThat(status(marta)).isEqualTo("WAITING");           // 1.000 left, she needs 2.000
        assertThat(status(nadia)).isEqualTo("WAITING");
    }

    private void topUp(UUID call, String amount) {
        given().auth().oauth2(f.tokens.regionOfficer()).contentType(ContentType.JSON)
                .body("{\"source\": \"REGIONAL\", \"amount\": \"" + amount + "\", \"legalRef\": \"DGR integrazione risorse 2026\"}")
                .post("/calls/" + call + "/budget/top-ups").then().statusCode(200);
    }

    private String apply(UUID call, int citizen, String amount) {
        String code = Fixtures.fiscalCode(citizen);
        return given().auth().oauth2(f.tokens.citizen(code)).contentType(ContentType.JSON)
                .body(aMicrocreditApplication().by(code).withIsee("12000.00").residentInPugliaSince("2015-01-01").requesting(amount).json())
                .post("/calls/" + call + "/applications").then().statusCode(201).extract().path("protocolNumber");
    }

    /**
     * Waits, without deciding anything, until the applications are older than the settle window by the database clock,
     * then runs one pass: it decides them all at once.
     */
    private void onePassOnceSettled(UUID call, String... protocols) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() -> {
            try (Connection c = db.getConnection(); PreparedStatement q = c.prepareStatement("""
                    select count(*) from application
                    where protocol_number = any(?) and received_at < clock_timestamp() - make_interval(secs => ?)""")) {
                q.setArray(1, c.createArrayOf("text", protocols));
                q.setInt(2, FundingStep.SETTLE_SECONDS);
                try (ResultSet r = q.executeQuery()) {
                    return r.next() && r.getInt(1) == protocols.length;
                }
            }
        });
        step.fund(call);
    }

    private String status(String protocol) {
        return given().auth().oauth2(f.tokens.regionOfficer()).get("/applications/" + protocol).then().statusCode(200)
                .extract().path("status");
    }
}
