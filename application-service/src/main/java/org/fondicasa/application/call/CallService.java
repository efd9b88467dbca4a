package org.fondicasa.application.call;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.fondicasa.application.budget.AllocationClient;
import org.fondicasa.events.application.CallBudgetIncreased;
import org.fondicasa.events.application.CallClosed;
import org.fondicasa.events.application.CallOpened;
import org.fondicasa.platform.events.Outbox;
import org.fondicasa.platform.security.Caller;
import org.fondicasa.platform.security.Roles;
import org.fondicasa.platform.time.RomeTime;
import org.fondicasa.platform.web.Problem.Violation;
import org.fondicasa.platform.web.ProblemException;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Creates calls, tops up their budget and closes them, each change with its event in the same transaction. */
@ApplicationScoped
public class CallService {

    private final ObjectMapper mapper;
    private final Validator validator;
    private final Outbox outbox;
    private final CallMoney money;
    private final EntityManager em;
    private final Clock clock;
    private final AllocationClient allocation;
    private final TransactionSynchronizationRegistry transactions;

    public CallService(ObjectMapper mapper, Validator validator, Outbox outbox, CallMoney money, EntityManager em, Clock clock,
                       AllocationClient allocation, TransactionSynchronizationRegistry transactions) {
        this.allocation = allocation;
        this.transactions = transactions;
        this.clock = clock;
        this.mapper = mapper;
        this.validator = validator;
        this.outbox = outbox;
        this.money = money;
        this.em = em;
    }

    /** The rules of a stored call (they were validated when it was created). */
    public CallRules rules(Call call) {
        try {
            return mapper.readValue(call.rules, CallRules.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored rules of call " + call.id + " do not parse", e);
        }
    }

    public Call require(UUID id) {
        Call call = Call.findById(id);
        if (call == null) {
            throw ProblemException.notFound("No call " + id);
        }
        return call;
    }

    /** Whether the caller manages the call (see {@link #requireManager}). */
    public boolean manages(Caller caller, Call call) {
        if (caller.has(Roles.REGION_OFFICER)) {
            return true;
        }
        return call.istatCode != null && caller.has(Roles.MUNICIPALITY_OPERATOR) && caller.istatCode().filter(call.istatCode::equals).isPresent();
    }

    /** A municipality's call is managed by its operators (and the region); a regional call by the region only. */
    public void requireManager(Caller caller, Call call) {
        if (call.istatCode == null) {
            if (!caller.has(Roles.REGION_OFFICER)) {
                throw ProblemException.forbidden("Only the region manages a regional call");
            }
        } else {
            caller.requireMunicipality(call.istatCode);
        }
    }

    @Transactional
    public Call create(CallRequest request, Caller caller) {
        if (request.istatCode() == null) {
            if (!caller.has(Roles.REGION_OFFICER)) {
                throw ProblemException.forbidden("Only the region opens a regional call (istatCode null)");
            }
        } else {
            caller.requireMunicipality(request.istatCode());
        }
        List<Violation> violations = new ArrayList<>();
        CallRules rules = parseRules(request.rules(), violations);
        if (rules != null) {
            validator.validate(rules).forEach(v -> violations.add(new Violation("rules." + v.getPropertyPath(), v.getMessage())));
            violations.addAll(rules.inconsistencies(request.kind()).stream().map(Violation::of).toList());
        }
        OffsetDateTime opensAt = request.opensAt().atZone(RomeTime.ZONE).toOffsetDateTime();
        OffsetDateTime closesAt = request.closesAt().atZone(RomeTime.ZONE).toOffsetDateTime();
        if (!closesAt.isAfter(opensAt)) {
            violations.add(new Violation("closesAt", "must be after opensAt"));
        }
        List<CallBudgetEntry> entries = ownMoney(request, violations);
        List<CallRequest.BudgetLine> fundLines = fundLines(request, violations);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid("The call cannot be created as sent", violations);
        }
        Call call = new Call();
        call.id = UUID.randomUUID();
        call.kind = request.kind();
        call.title = request.title().strip();
        call.legalAct = request.legalAct().strip();
        call.istatCode = request.istatCode();
        call.fundCode = request.fundCode();
        call.opensAt = opensAt;
        call.closesAt = closesAt;
        call.rules = request.rules().toString();
        call.createdBy = caller.name();
        call.createdAt = OffsetDateTime.now(clock);
        call.persist();
        if (!fundLines.isEmpty()) {
            entries.addAll(0, reserve(call, fundLines, caller));
        }
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        for (CallBudgetEntry entry : entries) {
            entry.callId = call.id;
            entry.recordedBy = caller.name();
            entry.recordedAt = call.createdAt;
            entry.persist();
            total = total.add(entry.amount);
        }
        outbox.publish(new CallOpened(call.id.toString(), call.kind.name(), call.istatCode, call.fundCode, call.legalAct, call.title,
                call.opensAt.atZoneSameInstant(RomeTime.ZONE).toOffsetDateTime().toString(),
                call.closesAt.atZoneSameInstant(RomeTime.ZONE).toOffsetDateTime().toString(), total.toPlainString()));
        return call;
    }

    @Transactional
    public void topUp(UUID callId, CallRequest.TopUp topUp, Caller caller) {
        Call call = require(callId);
        requireManager(caller, call);
        if (call.closedAt != null) {
            throw ProblemException.conflict("The call was closed at " + call.closedAt.atZoneSameInstant(RomeTime.ZONE) + "; its budget no longer changes");
        }
        money.lock(callId);
        CallBudgetEntry entry = new CallBudgetEntry();
        entry.callId = callId;
        entry.source = topUp.source().strip();
        entry.amount = topUp.amount();
        entry.legalRef = topUp.legalRef().strip();
        if (FUND_SOURCES.contains(entry.source)) {
            if (call.fundCode == null || call.istatCode == null) {
                throw ProblemException.invalid("The top-up cannot be recorded", List.of(new Violation("source", entry.source
                        + " is money of a fund; this call names no fund and municipality")));
            }
            // a top-up that is not stored here stays held by the call in allocation-service and goes back when it closes
            AllocationClient.Reserved reserved = allocation.topUp(caller, call.fundCode, call.istatCode, callId, UUID.randomUUID(),
                    entry.source, entry.amount, entry.legalRef);
            entry.legalRef = reserved.legalRef();
        }
        entry.recordedBy = caller.name();
        entry.recordedAt = OffsetDateTime.now(clock);
        entry.persist();
        outbox.publish(new CallBudgetIncreased(call.id.toString(), call.kind.name(), call.istatCode, call.fundCode, call.legalAct,
                entry.source, entry.amount.toPlainString(), money.budget(callId).toPlainString(), entry.legalRef));
    }

    /**
     * Closes a call for good once its applications are decided, and reports the money it did not spend (CallClosed);
     * allocation-service moves unspent Fin_a to the municipality's Fin_b.
     */
    @Transactional
    public Call close(UUID callId, Caller caller) {
        Call call = require(callId);
        requireManager(caller, call);
        money.lock(callId);
        em.refresh(call);
        Instant now = clock.instant();
        if (call.closedAt != null) {
            throw ProblemException.conflict("The call was already closed at " + call.closedAt.atZoneSameInstant(RomeTime.ZONE));
        }
        if (now.isBefore(call.closesAt.toInstant())) {
            throw ProblemException.conflict("The call takes applications until " + call.closesAt.atZoneSameInstant(RomeTime.ZONE)
                    + " (Europe/Rome); it can be closed after that");
        }
        long pending = ((Number) em.createNativeQuery("select count(*) from application where call_id = ?1 and status = 'PENDING'")
                .setParameter(1, callId).getSingleResult()).longValue();
        if (pending > 0) {
            throw ProblemException.conflict(pending + " applications are still waiting for their decision ("
                    + (call.kind.funding() == CallKind.Funding.RANKED ? "publish the ranking first"
                    : call.kind.funding() == CallKind.Funding.ASSESSED ? "the social worker's assessment" : "funding in receipt order")
                    + ")");
        }
        BigDecimal budget = money.budget(callId);
        BigDecimal committed = money.committed(callId);
        call.closedAt = OffsetDateTime.now(clock);
        call.unspent = budget.subtract(committed);
        @SuppressWarnings("unchecked")
        List<String> sources = em.createNativeQuery("select distinct source from call_budget_entry where call_id = ?1 order by source")
                .setParameter(1, callId).getResultList();
        outbox.publish(new CallClosed(call.id.toString(), call.kind.name(), call.istatCode, call.fundCode, call.legalAct,
                String.join("+", sources), budget.toPlainString(), committed.toPlainString(), call.unspent.toPlainString()));
        return call;
    }

    private CallRules parseRules(JsonNode json, List<Violation> violations) {
        if (json == null || !json.isObject()) {
            violations.add(new Violation("rules", "must be an object (see GET /call-templates/{kind})"));
            return null;
        }
        try {
            return mapper.treeToValue(json, CallRules.class);
        } catch (UnrecognizedPropertyException e) {
            violations.add(new Violation("rules" + path(e), "unknown field; known: " + e.getKnownPropertyIds()));
        } catch (InvalidFormatException e) {
            violations.add(new Violation("rules" + path(e), "not a valid " + e.getTargetType().getSimpleName() + ": " + e.getValue()));
        } catch (MismatchedInputException e) {
            violations.add(new Violation("rules" + path(e), "expected " + e.getTargetType().getSimpleName()));
        } catch (JsonProcessingException e) {
            violations.add(new Violation("rules", e.getOriginalMessage()));
        }
        return null;
    }

    private static String path(MismatchedInputException e) {
        StringBuilder path = new StringBuilder();
        e.getPath().forEach(ref -> path.append(ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]"));
        return path.toString();
    }

    /** The sources allocation-service holds for a fund: a budget line naming one is reserved there, not stated here. */
    static final java.util.Set<String> FUND_SOURCES = java.util.Set.of("Fin_a", "Fin_b", "Fin_c", "Fin_base", "QEmi", "QSmine", "COFIN", "bonus");

    /** Lines of the municipality's (or region's) own money: an amount and the act that gives it. */
    private static List<CallBudgetEntry> ownMoney(CallRequest request, List<Violation> violations) {
        List<CallBudgetEntry> entries = new ArrayList<>();
        for (int i = 0; i < request.budget().size(); i++) {
            CallRequest.BudgetLine line = request.budget().get(i);
            if (FUND_SOURCES.contains(line.source().strip())) {
                continue;
            }
            if (line.amount() == null) {
                violations.add(new Violation("budget[" + i + "].amount", line.source().strip() + " is not a source of a fund ("
                        + String.join(", ", new java.util.TreeSet<>(FUND_SOURCES)) + "); give the amount and its act"));
                continue;
            }
            if (line.legalRef() == null || line.legalRef().isBlank()) {
                violations.add(new Violation("budget[" + i + "].legalRef", "an amount needs the act that gives it"));
            }
            CallBudgetEntry entry = new CallBudgetEntry();
            entry.source = line.source().strip();
            entry.amount = line.amount();
            entry.legalRef = line.legalRef();
            entries.add(entry);
        }
        return entries;
    }

    /** Lines drawing on a fund's sources, in the order the call spends them; they need the fund and the municipality. */
    private static List<CallRequest.BudgetLine> fundLines(CallRequest request, List<Violation> violations) {
        List<CallRequest.BudgetLine> lines = new ArrayList<>();
        for (int i = 0; i < request.budget().size(); i++) {
            CallRequest.BudgetLine line = request.budget().get(i);
            if (FUND_SOURCES.contains(line.source().strip())) {
                if (request.fundCode() == null || request.istatCode() == null) {
                    violations.add(new Violation("budget[" + i + "].source", line.source().strip()
                            + " is money of a fund: the call needs its fundCode and istatCode"));
                }
                lines.add(line);
            }
        }
        return lines;
    }

    /**
     * Reserves the fund's lines at allocation-service, the money's owner, before this transaction commits; if the
     * call is then not stored, the reservation is given back. A refusal (not enough money) stops the call here.
     */
    private List<CallBudgetEntry> reserve(Call call, List<CallRequest.BudgetLine> lines, Caller caller) {
        String token = AllocationClient.token(caller);
        List<AllocationClient.Reserved> reserved = allocation.reserve(caller, call.fundCode, call.istatCode, call.id, call.legalAct,
                lines.stream().map(l -> l.source().strip()).toList(), lines.stream().map(CallRequest.BudgetLine::amount).toList());
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status != Status.STATUS_COMMITTED) {
                    allocation.withdraw(token, call.fundCode, call.istatCode, call.id);
                }
            }
        });
        List<CallBudgetEntry> entries = new ArrayList<>();
        for (AllocationClient.Reserved r : reserved) {
            CallBudgetEntry entry = new CallBudgetEntry();
            entry.source = r.source();
            entry.amount = r.amount();
            entry.legalRef = r.legalRef();
            entries.add(entry);
        }
        return entries;
    }
}
