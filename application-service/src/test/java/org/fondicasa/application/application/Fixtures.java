package org.fondicasa.application.application;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.http.ContentType;
import org.fondicasa.application.call.CallKind;
import org.fondicasa.application.fixtures.ApplicationFormBuilder;
import org.fondicasa.application.fixtures.CallBuilder;
import org.fondicasa.application.fixtures.People;
import org.fondicasa.platform.time.RomeTime;
import org.fondicasa.testing.TokenFactory;

import jakarta.enterprise.inject.spi.CDI;
import org.fondicasa.platform.clock.MovableClock;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.Consumer;

import static io.restassured.RestAssured.given;

/** Calls and applications for the end-to-end tests, built the way clients send them. */
public final class Fixtures {

    public static final String IBAN = ApplicationFormBuilder.IBAN;
    public static final ZoneId ROME = RomeTime.ZONE;

    public final TokenFactory tokens = TokenFactory.fromConfig();

    /** A distinct, valid fiscal code per number (check character computed). */
    public static String fiscalCode(int n) {
        return People.fiscalCode(n);
    }

    /** The service's clock: windows and deadlines are measured against it, and tests move it rather than wait. */
    public static MovableClock clock() {
        return (MovableClock) CDI.current().select(Clock.class).get();
    }

    /** The service's now in Europe/Rome, shifted by seconds, as the local date-time a call's act would write. */
    public static String romeIn(long seconds) {
        return LocalDateTime.now(clock().withZone(ROME)).plusSeconds(seconds).truncatedTo(ChronoUnit.MILLIS).toString();
    }

    /** A call body from the kind's template; {@code change} edits it (rules included) before it is sent. */
    public static ObjectNode call(CallKind kind, String istatCode, long opensInSeconds, long closesInSeconds, String budget,
                                  Consumer<ObjectNode> change) {
        ObjectNode body = CallBuilder.aCall(kind).inMunicipality(istatCode).openBetween(romeIn(opensInSeconds), romeIn(closesInSeconds))
                .withBudget(budget).build();
        change.accept(body);
        return body;
    }

    public UUID create(String token, ObjectNode body) {
        return UUID.fromString(given().auth().oauth2(token).contentType(ContentType.JSON).body(body.toString())
                .post("/calls").then().statusCode(201).extract().path("id"));
    }

    /** Moves the service's clock just past a local date-time in Europe/Rome (a call's closing, for instance). */
    public static void moveClockPast(String romeLocal) {
        clock().advanceTo(LocalDateTime.parse(romeLocal).atZone(ROME).toInstant().plusMillis(1));
    }
}
