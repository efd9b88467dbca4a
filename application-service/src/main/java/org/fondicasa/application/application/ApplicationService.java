package org.fondicasa.application.application;

import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import org.fondicasa.application.call.CallSnapshots;
import org.fondicasa.application.eligibility.Assessment;
import org.fondicasa.application.eligibility.Eligibility;
import org.fondicasa.application.metrics.BusinessMetrics;
import org.fondicasa.platform.security.Caller;
import org.fondicasa.platform.security.Roles;
import org.fondicasa.platform.time.RomeTime;
import org.fondicasa.platform.validation.FiscalCode;
import org.fondicasa.platform.validation.Iban;
import org.fondicasa.platform.web.Problem.Violation;
import org.fondicasa.platform.web.ProblemException;

import jakarta.persistence.PersistenceException;
import jakarta.validation.Validator;

import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.IntFunction;

/**
 * Takes an application in: who applies (from the token, or the citizen a desk operator assists), the call's window,
 * every field checked and listed at once, the assessment, then {@link IntakeBatcher#enqueue} (group commit; each answered after its commit). Nothing is stored unless all of
 * it holds. Places in the call that other applications hold are decided by {@link HouseholdPlaces}: the person's own
 * application takes back a place someone listed them in; every other conflict is a 409 that names nothing of the other
 * application.
 */
@ApplicationScoped
public class ApplicationService {

    private static final String IN_ANOTHER_APPLICATION = "already appears in another application of this call";
    private static final int MAX_TAKEOVER_ATTEMPTS = 3;

    private final CallSnapshots snapshots;
    private final Intake intake;
    private final IntakeBatcher batcher;
    private final Validator validator;
    private final BusinessMetrics metrics;
    private final Clock clock;

    public ApplicationService(CallSnapshots snapshots, Intake intake, IntakeBatcher batcher, Validator validator, BusinessMetrics metrics,
                              Clock clock) {
        this.batcher = batcher;
        this.clock = clock;
        this.snapshots = snapshots;
        this.intake = intake;
        this.validator = validator;
        this.metrics = metrics;
    }

    /**
     * The receipt once the commit that holds the application is done. What can be refused from the form, the token
     * and the call is refused at once (thrown); the rest completes the stage: on the intake writer's thread for the
     * common case, and on a worker thread when the application must be stored on its own or take over its places.
     */
    public CompletionStage<Receipt> submit(UUID callId, ApplicationForm form, Caller caller) {
        CallSnapshots.Snapshot call = snapshots.of(callId);
        String kind = call.kind().name();
        metrics.received(kind);
        CompletableFuture<Receipt> answer = new CompletableFuture<>();
        try {
            accept(call, form, caller).whenComplete((receipt, failure) -> {
                if (failure == null) {
                    metrics.accepted(kind, receipt.status().name());
                    answer.complete(receipt);
                    return;
                }
                // the cause itself, not the CompletionException around it
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
                if (cause instanceof ProblemException problem) {
                    metrics.refused(kind, problem.status());
                }
                answer.completeExceptionally(cause);
            });
        } catch (ProblemException e) {
            metrics.refused(kind, e.status());
            throw e;
        }
        return answer;
    }

    private CompletionStage<Receipt> accept(CallSnapshots.Snapshot call, ApplicationForm form, Caller caller) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        // field rules and the call's own requirements are reported together, every one of them
        List<Violation> violations = new ArrayList<>();
        validator.validate(form).forEach(v -> violations.add(new Violation(v.getPropertyPath().toString(), v.getMessage())));
        boolean assisted = !caller.has(Roles.CITIZEN) && caller.has(Roles.DESK_OPERATOR);
        String applicant;
        String submittedBy;
        if (assisted) {
            if (call.istatCode() != null && caller.istatCode().filter(call.istatCode()::equals).isEmpty()) {
                throw ProblemException.forbidden("A desk operator submits only to their own municipality's calls or to regional calls");
            }
            applicant = Optional.ofNullable(form.onBehalfOf()).flatMap(FiscalCode::normalise).orElse(null);
            if (applicant == null) {
                violations.add(new Violation("onBehalfOf", "a desk operator must give the assisted citizen's valid fiscal code"));
            }
            submittedBy = caller.name();
        } else {
            applicant = caller.requireCitizenFiscalCode();
            if (form.onBehalfOf() != null) {
                violations.add(new Violation("onBehalfOf", "only a desk operator submits on someone's behalf; a citizen applies as themselves"));
            }
            submittedBy = "citizen";
        }
        if (now.isBefore(call.opensAt()) || !now.isBefore(call.closesAt())) {
            throw Intake.notOpen(call, now);
        }
        List<String> household = form.household() == null ? List.of() : household(form, applicant, violations);
        if (form.iban() != null && Iban.normalise(form.iban()).filter(Iban::isValid).isEmpty()) {
            violations.add(new Violation("iban", "not a valid IBAN (its check digits do not match)"));
        }
        if (form.declarations() != null && form.household() != null && form.documents() != null) {
            violations.addAll(Eligibility.missing(call.kind(), call.rules(), form).stream().map(Violation::of).toList());
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid("The application cannot be accepted as sent; nothing was stored", violations);
        }
        var day = now.atZoneSameInstant(RomeTime.ZONE).toLocalDate();
        int grantsThisYear = call.rules().hardship() == null ? 0 : intake.householdGrantsThisYear(call.istatCode(), household, day);
        Assessment assessment = Eligibility.assess(call.kind(), call.rules(), form, new Eligibility.Context(day, grantsThisYear));
        Intake.Accepted accepted = new Intake.Accepted(call, form, applicant, household, submittedBy, assisted, assessment);
        IntFunction<Assessment> reassess = grants -> Eligibility.assess(call.kind(), call.rules(), form, new Eligibility.Context(day, grants));
        return batcher.enqueue(accepted).thenCompose(outcome -> {
            if (outcome instanceof Intake.Stored stored) {
                return CompletableFuture.completedFuture(stored.receipt());
            }
            if (outcome instanceof Intake.Refused refused && !(refused.why() instanceof Intake.PlacesHeld)) {
                return CompletableFuture.failedFuture(refused.why());
            }
            // a place held, or stored on its own: a transaction of its own, on a worker thread (never the writer's)
            return CompletableFuture.supplyAsync(() -> {
                try {
                    if (outcome instanceof Intake.Refused refused) {
                        throw refused.why();
                    }
                    return intake.store(accepted);
                } catch (Intake.PlacesHeld held) {
                    return placesHeld(accepted, held, reassess);
                }
            }, Infrastructure.getDefaultWorkerPool()); // Quarkus's worker pool
        });
    }

    private Receipt placesHeld(Intake.Accepted accepted, Intake.PlacesHeld held, IntFunction<Assessment> reassess) {
        ApplicationForm form = accepted.form();
        if (!HouseholdPlaces.needsHolders(HouseholdPlaces.claims(accepted.household(), accepted.applicant(), !accepted.assisted()),
                held.fiscalCodes())) {
            // a listing (a member, or the person a desk files for) never reads who holds the place
            throw householdConflict(form, accepted.applicant(), accepted.assisted(), held.fiscalCodes());
        }
        return takeOver(accepted, reassess, form);
    }

    /** The person applying themselves found their own place held: {@link Intake#takeOver}, decided again on a race. */
    private Receipt takeOver(Intake.Accepted accepted, IntFunction<Assessment> reassess, ApplicationForm form) {
        for (int attempt = 1; ; attempt++) {
            try {
                return intake.takeOver(accepted, reassess);
            } catch (Intake.AlreadyApplied e) {
                throw new ProblemException(409, "already-applied", "Already applied", "You already applied to this call (protocol "
                        + e.ownProtocol() + "): one application per person and household; nothing was stored", List.of());
            } catch (Intake.PlacesHeld e) {
                throw householdConflict(form, accepted.applicant(), accepted.assisted(), e.fiscalCodes());
            } catch (Intake.PlacesChanged e) {
                if (attempt == MAX_TAKEOVER_ATTEMPTS) {
                    // places keep being taken under this application: they are held, even if not read
                    throw householdConflict(form, accepted.applicant(), accepted.assisted(), List.of());
                }
            } catch (PersistenceException e) {
                if (!lockConflict(e) || attempt == MAX_TAKEOVER_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** A deadlock or serialization failure among concurrent intakes: the transaction rolled back, it may be tried again. */
    private static boolean lockConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && ("40P01".equals(sql.getSQLState()) || "40001".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * 409 for places held by other applications: which of this form's fields, and nothing of the other application (no
     * protocol, no name, not even whether its place is the person's own or a listing).
     */
    private static ProblemException householdConflict(ApplicationForm form, String applicant, boolean assisted, List<String> held) {
        List<Violation> violations = new ArrayList<>();
        if (assisted && held.contains(applicant)) {
            violations.add(new Violation("onBehalfOf", IN_ANOTHER_APPLICATION));
        }
        for (int i = 0; i < form.household().size(); i++) {
            ApplicationForm.Member member = form.household().get(i);
            Optional<String> code = member == null ? Optional.empty() : FiscalCode.normalise(member.fiscalCode());
            if (code.isPresent() && held.contains(code.get()) && !(assisted && code.get().equals(applicant))) {
                violations.add(new Violation("household[" + i + "].fiscalCode", IN_ANOTHER_APPLICATION));
            }
        }
        return new ProblemException(409, "household-conflict", "Household conflict",
                "A member of this household already appears in another application of this call: one application per "
                        + "household; nothing was stored", violations);
    }

    /** The household's normalised fiscal codes, the applicant first; violations for bad or repeated codes. */
    private static List<String> household(ApplicationForm form, String applicant, List<Violation> violations) {
        Set<String> codes = new LinkedHashSet<>();
        if (applicant != null) {
            codes.add(applicant);
        }
        boolean applicantListed = false;
        for (int i = 0; i < form.household().size(); i++) {
            ApplicationForm.Member member = form.household().get(i);
            if (member == null || member.fiscalCode() == null) {
                continue; // reported by the field rules
            }
            Optional<String> code = FiscalCode.normalise(member.fiscalCode());
            if (code.isEmpty()) {
                violations.add(new Violation("household[" + i + "].fiscalCode", "not a valid fiscal code (check character or format)"));
                continue;
            }
            if (member.role() == ApplicationForm.Role.APPLICANT) {
                if (!code.get().equals(applicant)) {
                    violations.add(new Violation("household[" + i + "]", "the APPLICANT must be the person applying ("
                            + (applicant == null ? "unknown" : mask(applicant)) + ")"));
                }
                applicantListed = true;
            } else if (!codes.add(code.get())) {
                violations.add(new Violation("household[" + i + "].fiscalCode", "listed twice"));
            }
        }
        if (!applicantListed) {
            violations.add(new Violation("household", "must list the person applying, with role APPLICANT"));
        }
        return List.copyOf(codes);
    }

    private static String mask(String code) {
        return code.substring(0, 6) + "**********";
    }
}
