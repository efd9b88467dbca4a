package org.fondicasa.application.ranking;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.fondicasa.application.application.Application;
import org.fondicasa.application.application.ApplicationStatus;
import org.fondicasa.application.application.ContestedClaim;
import org.fondicasa.application.award.AwardService;
import org.fondicasa.application.award.TaxArrears;
import org.fondicasa.application.call.Call;
import org.fondicasa.application.call.CallKind;
import org.fondicasa.application.call.CallMoney;
import org.fondicasa.application.call.CallRules;
import org.fondicasa.application.call.CallService;
import org.fondicasa.application.eligibility.Band;
import org.fondicasa.events.application.RankingPublished;
import org.fondicasa.platform.events.Outbox;
import org.fondicasa.platform.money.Euro;
import org.fondicasa.platform.security.Caller;
import org.fondicasa.platform.time.RomeTime;
import org.fondicasa.platform.web.ProblemException;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Ranks a closed ranked call (graduatoria): simulations any number of times, then one immutable publication. */
@ApplicationScoped
public class RankingService {

    private final CallService calls;
    private final CallMoney money;
    private final AwardService awards;
    private final Outbox outbox;
    private final ObjectMapper mapper;

    private final Clock clock;

    public RankingService(CallService calls, CallMoney money, AwardService awards, Outbox outbox, ObjectMapper mapper, Clock clock) {
        this.clock = clock;
        this.calls = calls;
        this.money = money;
        this.awards = awards;
        this.outbox = outbox;
        this.mapper = mapper;
    }

    @Transactional
    public RankingView simulate(UUID callId, Caller caller) {
        Call call = rankedCall(callId, caller);
        return view(save(call, compute(call), false, caller));
    }

    @Transactional
    public RankingView publish(UUID callId, Caller caller) {
        Call call = rankedCall(callId, caller);
        money.lock(callId);
        if (OffsetDateTime.now(clock).isBefore(call.closesAt)) {
            throw ProblemException.conflict("The call takes applications until " + call.closesAt.atZoneSameInstant(RomeTime.ZONE)
                    + " (Europe/Rome); the ranking is published after that");
        }
        if (RankingRun.count("callId = ?1 and published = true", callId) > 0) {
            throw ProblemException.conflict("The ranking of this call is already published; it does not change");
        }
        long contested = ContestedClaim.unresolved(callId);
        if (contested > 0) {
            throw ProblemException.conflict(contested + " household contest(s) of this call wait for your decision (GET /calls/"
                    + callId + "/contested-claims): the ranking is published once every one is resolved");
        }
        Computed computed = compute(call);
        RankingRun run = save(call, computed, true, caller);
        Map<String, Application> byProtocol = computed.applications.stream()
                .collect(Collectors.toMap(a -> a.protocolNumber, Function.identity()));
        int funded = 0;
        for (Ranking.Entry entry : computed.result.entries()) {
            Application application = byProtocol.get(entry.candidate().protocolNumber());
            if (entry.contributionCents() > 0) {
                awards.grant(application, entry.contributionCents(), entry.explanation(), caller.name());
                funded++;
            } else {
                application.moveTo(ApplicationStatus.NOT_FUNDED, OffsetDateTime.now(clock));
            }
        }
        outbox.publish(new RankingPublished(call.id.toString(), call.kind.name(), call.istatCode, call.fundCode, call.legalAct,
                run.id.toString(), run.strategy, run.budget.toPlainString(), run.committed.toPlainString(),
                computed.result.entries().size(), funded, count(computed, Band.A), count(computed, Band.B),
                computed.excluded.size()));
        return view(run);
    }

    /** The published ranking; a citizen sees only their own entries. */
    public RankingView published(UUID callId, Caller caller, String citizenFiscalCode) {
        Call call = calls.require(callId);
        RankingRun run = RankingRun.<RankingRun>find("callId = ?1 and published = true", callId).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("The ranking of call " + callId + " is not published yet"));
        RankingView view = view(run);
        if (citizenFiscalCode == null) {
            calls.requireManager(caller, call);
            return view;
        }
        List<String> own = Application.<Application>list("callId = ?1 and applicantFiscalCode = ?2", callId, citizenFiscalCode)
                .stream().map(a -> a.protocolNumber).toList();
        return new RankingView(view.runId(), view.callId(), view.published(), view.strategy(), view.budget(), view.committed(),
                view.createdAt(), view.entries().stream().filter(e -> own.contains(e.protocolNumber())).toList(),
                view.excluded().stream().filter(e -> own.contains(e.protocolNumber())).toList());
    }

    private static int count(Computed computed, Band band) {
        return (int) computed.result.entries().stream().filter(e -> e.candidate().band() == band).count();
    }

    private record Computed(Ranking.Result result, List<Application> applications, List<RankingView.Excluded> excluded,
                            CallRules.PaymentStrategy strategy) {
    }

    private Computed compute(Call call) {
        CallRules.PaymentStrategy strategy = calls.rules(call).rentSupport().payment();
        List<Application> pending = new ArrayList<>(Application.list("callId = ?1 and status = ?2", call.id, ApplicationStatus.PENDING));
        // a held application (a contest on its household) is not ranked until the operator resolves it
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
        List<Ranking.Candidate> candidates = new ArrayList<>();
        for (Application a : pending) {
            JsonNode assessment = tree(a.assessment);
            candidates.add(new Ranking.Candidate(a.protocolNumber, a.receiptSeq, Band.valueOf(a.band),
                    assessment.path("referenceIncomeCents").asLong(), assessment.path("conventionalIncomeCents").asLong(),
                    Euro.toCents(a.need)));
        }
        long budget = Euro.toCents(money.budget(call.id).subtract(money.committed(call.id)));
        List<RankingView.Excluded> excluded = new ArrayList<>(Application.<Application>list("callId = ?1 and status = ?2 order by receiptSeq",
                        call.id, ApplicationStatus.NOT_ELIGIBLE).stream()
                .map(a -> new RankingView.Excluded(a.protocolNumber, failed(a))).toList());
        excluded.addAll(held);
        return new Computed(Ranking.rank(budget, candidates, strategy), pending, excluded, strategy);
    }

    private RankingRun save(Call call, Computed computed, boolean published, Caller caller) {
        Map<String, Application> byProtocol = computed.applications.stream().collect(Collectors.toMap(a -> a.protocolNumber, Function.identity()));
        List<RankingView.Entry> entries = computed.result.entries().stream().map(e -> {
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
        RankingRun run = new RankingRun();
        run.id = UUID.randomUUID();
        run.callId = call.id;
        run.published = published;
        run.budget = Euro.ofCents(computed.result.budgetCents());
        run.committed = Euro.ofCents(computed.result.committedCents());
        run.strategy = computed.strategy.type().name();
        run.entries = json(entries);
        run.excluded = json(computed.excluded);
        run.createdBy = caller.name();
        run.createdAt = OffsetDateTime.now(clock);
        run.persist();
        return run;
    }

    private Call rankedCall(UUID callId, Caller caller) {
        Call call = calls.require(callId);
        calls.requireManager(caller, call);
        if (call.kind.funding() != CallKind.Funding.RANKED) {
            throw ProblemException.conflict("A " + call.kind + " call is not ranked: it is funded "
                    + (call.kind.funding().firstCome() ? "first come, first served" : "by assessment"));
        }
        return call;
    }

    private RankingView view(RankingRun run) {
        try {
            return new RankingView(run.id, run.callId, run.published, run.strategy, run.budget, run.committed,
                    run.createdAt.atZoneSameInstant(RomeTime.ZONE).toOffsetDateTime(),
                    mapper.readValue(run.entries, new TypeReference<List<RankingView.Entry>>() { }),
                    mapper.readValue(run.excluded, new TypeReference<List<RankingView.Excluded>>() { }));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
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
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
