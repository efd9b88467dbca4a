package org.fondicasa.application.application;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.http.ContentType;
import org.fondicasa.application.call.CallKind;
import org.fondicasa.application.call.Templates;
import org.fondicasa.platform.time.RomeTime;
import org.fondicasa.platform.validation.FiscalCode;
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

    public static final String IBAN = "IT60X0542811101000000123456";
    public static final ZoneId ROME = RomeTime.ZONE;

    public final TokenFactory tokens = TokenFactory.fromConfig();

    /** A distinct, valid fiscal code per number (check character computed). */
    public static String fiscalCode(int n) {
        StringBuilder letters = new StringBuilder();
        int rest = n;
        for (int i = 0; i < 6; i++) {
            letters.append((char) ('A' + rest % 26));
            rest /= 26;
        }
        String first15 = letters + "80A01A662";
        return first15 + FiscalCode.checkCharacter(first15);
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
        ObjectNode template = Templates.json(kind);
        ObjectNode body = Templates.MAPPER.createObjectNode();
        body.put("kind", kind.name());
        body.put("title", template.get("title").asText());
        body.put("legalAct", template.get("legalAct").asText());
        body.put("istatCode", istatCode);
        body.put("opensAt", romeIn(opensInSeconds));
        body.put("closesAt", romeIn(closesInSeconds));
        body.putArray("budget").addObject().put("source", "MUNICIPAL").put("amount", budget).put("legalRef", "budget act of the test");
        body.set("rules", template.get("rules"));
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
