package org.fondicasa.reporting.clock;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.fondicasa.testing.TokenFactory;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** The service's clock as tests and the local run move it: forward only, by the region, never by anyone else. */
@QuarkusTest
class ClockResourceTest {

    private final TokenFactory tokens = TokenFactory.fromConfig();

    private Instant now() {
        return Instant.parse(given().auth().oauth2(tokens.dashboard()).get("/clock").then().statusCode(200)
                .body("movable", equalTo(true)).extract().path("instant"));
    }

    @Test
    void theRegionMovesItForwardByADurationOrToAnInstant() {
        Instant before = now();
        Instant moved = Instant.parse(given().auth().oauth2(tokens.regionOfficer()).contentType(ContentType.JSON)
                .body("{\"by\": \"PT2H\"}").post("/clock/advance").then().statusCode(200).extract().path("instant"));
        assertThat(moved).isAfterOrEqualTo(before.plus(Duration.ofHours(2)));
        Instant target = moved.plus(Duration.ofDays(1));
        given().auth().oauth2(tokens.regionOfficer()).contentType(ContentType.JSON).body("{\"to\": \"" + target + "\"}")
                .post("/clock/advance").then().statusCode(200);
        assertThat(now()).isAfterOrEqualTo(target);
    }

    @Test
    void itNeverGoesBackAndTakesExactlyOneOfToAndBy() {
        for (String body : new String[]{"{}", "{\"by\": \"-PT1S\"}", "{\"by\": \"PT1S\", \"to\": \"2030-01-01T00:00:00Z\"}",
                "{\"to\": \"+300000-01-01T00:00:00Z\"}", "{\"by\": \"PT999999999H\"}", "{\"by\": \"soon\"}"}) {
            given().auth().oauth2(tokens.regionOfficer()).contentType(ContentType.JSON).body(body).post("/clock/advance")
                    .then().statusCode(400).contentType("application/problem+json");
        }
        Instant before = now();
        given().auth().oauth2(tokens.regionOfficer()).contentType(ContentType.JSON).body("{\"to\": \"2020-01-01T00:00:00Z\"}")
                .post("/clock/advance").then().statusCode(200);
        assertThat(now()).isAfterOrEqualTo(before);
    }

    @Test
    void onlyTheRegionMovesIt() {
        given().auth().oauth2(tokens.operator("072006")).contentType(ContentType.JSON).body("{\"by\": \"PT1H\"}")
                .post("/clock/advance").then().statusCode(403);
        given().contentType(ContentType.JSON).body("{\"by\": \"PT1H\"}").post("/clock/advance").then().statusCode(401);
        given().get("/clock").then().statusCode(401);
    }
}
