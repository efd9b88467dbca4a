package org.fondicasa.platform.clock;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fondicasa.platform.security.Roles;
import org.fondicasa.platform.time.RomeTime;
import org.fondicasa.platform.web.Problem;
import org.fondicasa.platform.web.ProblemException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/** The service's time, readable by everyone signed in; movable forward only where {@link ClockProducer} allows it. */
@Path("/clock")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Clock", description = "The service's time: what its deadlines and windows are measured against")
public class ClockResource {

    private static final ZoneId ROME = RomeTime.ZONE;
    private static final Duration FARTHEST = Duration.ofDays(3660);

    private final Clock clock;

    public ClockResource(Clock clock) {
        this.clock = clock;
    }

    public record Now(Instant instant, OffsetDateTime rome, boolean movable, Duration offset) {
    }

    /** Forward to the instant {@code to}, or by {@code by} (ISO-8601 duration, e.g. PT30M): exactly one of them. */
    public record Advance(Instant to, Duration by) {
    }

    @GET
    @RolesAllowed({Roles.REGION_OFFICER, Roles.MUNICIPALITY_OPERATOR, Roles.DESK_OPERATOR, Roles.CITIZEN, Roles.DASHBOARD})
    @Operation(operationId = "readClock", summary = "The service's current time",
            description = "The instant every deadline and call window of this service is measured against. Roles: any.")
    public Now now() {
        return now(clock.instant());
    }

    @POST
    @Path("/advance")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.REGION_OFFICER)
    @Operation(operationId = "advanceClock", summary = "Move the service's time forward (tests and the local run only)",
            description = "Answers 404 where time cannot be moved (every production deployment). Roles: region-officer.")
    public Now advance(@Valid @NotNull Advance advance) {
        if (!(clock instanceof MovableClock movable)) {
            throw ProblemException.notFound("This deployment's clock is the system clock; it cannot be moved");
        }
        if ((advance.to() == null) == (advance.by() == null)) {
            throw ProblemException.invalid("Give exactly one of to and by",
                    List.of(new Problem.Violation("to", "exactly one of to (an instant) and by (a duration) is required")));
        }
        if (advance.by() != null && advance.by().isNegative()) {
            throw ProblemException.invalid("Time moves forward only",
                    List.of(new Problem.Violation("by", "must not be negative")));
        }
        // a test or a demo moves time by days or months; anything past this is a mistake, not a date to compute with
        Instant target = advance.to() != null ? advance.to() : null;
        if ((target != null && target.isAfter(clock.instant().plus(FARTHEST)))
                || (advance.by() != null && advance.by().compareTo(FARTHEST) > 0)) {
            throw ProblemException.invalid("Time moves forward at most " + FARTHEST.toDays() + " days at once",
                    List.of(new Problem.Violation(target != null ? "to" : "by", "at most " + FARTHEST.toDays() + " days ahead")));
        }
        return now(target != null ? movable.advanceTo(target) : movable.advanceBy(advance.by()));
    }

    private Now now(Instant instant) {
        return new Now(instant, instant.atZone(ROME).toOffsetDateTime(), clock instanceof MovableClock,
                clock instanceof MovableClock m ? m.offset() : Duration.ZERO);
    }
}
