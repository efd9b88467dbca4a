package org.fondicasa.application.ranking;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.fondicasa.application.application.Application;
import org.fondicasa.application.application.ContestedClaim;
import org.fondicasa.application.award.AwardService;
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
import org.hibernate.Session;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.Set;
import java.util.UUID;

/**
 * Ranks a closed ranked call (graduatoria): simulations any number of times, then one immutable publication.
 * <p>
 * At national scale (hundreds of thousands of applications in one call) nothing here is read or written per
 * application through entities: the candidates come from one projection query (the incomes and incidence taken out
 * of the assessment by the database), streamed; the call's held protocols and tax arrears come in one query each;
 * the entries of the answer and of the stored run are made from the domain core's result while they are written,
 * never kept as a second list; the publication grants and marks NOT_FUNDED a few thousand at a time.
 */
@ApplicationScoped
public class RankingService {

    /** Rows the database sends per round trip while the candidates are read. */
    private static final int FETCH = 10_000;
    /** Applications per statement when the publication marks them NOT_FUNDED. */
    private static final int STATUS_BATCH = 20_000;

    private final CallService calls;
    private final CallMoney money;
    private final AwardService awards;
    private final Outbox outbox;
    private final ObjectMapper mapper;
    private final EntityManager em;

    private final Clock clock;

    public RankingService(CallService calls, CallMoney money, AwardService awards, Outbox outbox, ObjectMapper mapper,
                          EntityManager em, Clock clock) {
        this.clock = clock;
        this.calls = calls;
        this.money = money;
        this.awards = awards;
        this.outbox = outbox;
        this.mapper = mapper;
        this.em = em;
    }

    /** The transaction's limit: a national call (400.505 applications) takes about half a minute, the default is 60 s. */
    private static final int TIMEOUT_SECONDS = 600;

    @Transactional
    @TransactionConfiguration(timeout = TIMEOUT_SECONDS)
    public RankingView simulate(UUID callId, Caller caller) {
        Call call = rankedCall(callId, caller);
        // nothing is stored: at national scale writing the run was 11 of the simulation's 26 s (ranking-2026-12-05-b.md)
        return view(null, call, compute(call), false, OffsetDateTime.now(clock));
    }

    @Transactional
    @TransactionConfiguration(timeout = TIMEOUT_SECONDS)
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
        RankingView run = publish(call, computed, caller);
        List<AwardService.FirstGrant> grants = new ArrayList<>();
        List<String> notFunded = new ArrayList<>();
        int bandA = 0;
        int bandB = 0;
        for (Ranking.Entry entry : computed.result.entries()) {
            Ranking.Candidate c = entry.candidate();
            if (entry.contributionCents() > 0) {
                grants.add(new AwardService.FirstGrant(c.protocolNumber(), c.needCents(), entry.contributionCents(), entry.explanation()));
            } else {
                notFunded.add(c.protocolNumber());
            }
            if (c.band() == Band.A) {
                bandA++;
            } else if (c.band() == Band.B) {
                bandB++;
            }
        }
        // in ranking order, as one grant after another did: the awards, their statuses and ContributionGranted events
        awards.grantAll(call.id, grants, caller.name());
        markNotFunded(notFunded, OffsetDateTime.now(clock));
        outbox.publish(new RankingPublished(call.id.toString(), call.kind.name(), call.istatCode, call.fundCode, call.legalAct,
                run.runId().toString(), run.strategy(), run.budget().toPlainString(), run.committed().toPlainString(),
                computed.result.entries().size(), grants.size(), bandA, bandB, computed.excluded.size()));
        return run;
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

    /** Arrears of municipal taxes recorded for an application of the call (see {@code TaxArrears}). */
    private record Arrears(BigDecimal amount, String reference) {
    }

    /**
     * The domain core's result with what the entries show besides it: each candidate's incidence (by identity: the
     * result holds the very candidates read) and the call's tax arrears by protocol.
     */
    private record Computed(Ranking.Result result, Map<Ranking.Candidate, BigDecimal> incidence, Map<String, Arrears> arrears,
                            List<RankingView.Excluded> excluded, CallRules.PaymentStrategy strategy) {
    }

    private Computed compute(Call call) {
        CallRules.PaymentStrategy strategy = calls.rules(call).rentSupport().payment();
        // a held application (a contest on its household) is not ranked until the operator resolves it
        Set<String> heldProtocols = ContestedClaim.heldIn(call.id);
        long budget = Euro.toCents(money.budget(call.id).subtract(money.committed(call.id)));
        List<Ranking.Candidate> candidates = new ArrayList<>();
        Map<Ranking.Candidate, BigDecimal> incidence = new IdentityHashMap<>();
        List<RankingView.Excluded> held = new ArrayList<>();
        List<RankingView.Excluded> excluded = new ArrayList<>();
        Map<String, Arrears> arrears = new HashMap<>();
        em.unwrap(Session.class).doWork(c -> {
            readCandidates(c, call.id, heldProtocols, candidates, incidence, held);
            readNotEligible(c, call.id, excluded);
            readArrears(c, call.id, arrears);
        });
        excluded.addAll(held);
        return new Computed(Ranking.rank(budget, candidates, strategy), incidence, arrears, excluded, strategy);
    }

    /**
     * The pending applications as the domain core's candidates: only the columns it ranks by, the incomes and the
     * incidence taken out of the assessment in the database ({@code asLong()} of a missing income was 0: so is a null
     * here), streamed {@value #FETCH} rows at a time. One {@code jsonb_to_record} per row, so that the assessment
     * (compressed, often out of line) is read once and not once per field.
     */
    private void readCandidates(Connection c, UUID callId, Set<String> heldProtocols, List<Ranking.Candidate> candidates,
                                Map<Ranking.Candidate, BigDecimal> incidence, List<RankingView.Excluded> held) throws SQLException {
        Map<String, BigDecimal> incidences = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("""
                select a.protocol_number, a.receipt_seq, a.band, a.need, r."referenceIncomeCents", r."conventionalIncomeCents",
                       r."incidencePercent"
                from application a, jsonb_to_record(a.assessment)
                    as r("referenceIncomeCents" bigint, "conventionalIncomeCents" bigint, "incidencePercent" text)
                where a.call_id = ? and a.status = 'PENDING'""")) {
            s.setFetchSize(FETCH);
            s.setObject(1, callId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String protocol = r.getString(1);
                    if (heldProtocols.contains(protocol)) {
                        held.add(new RankingView.Excluded(protocol, List.of("held: a person it lists as a household member applied "
                                + "themselves; ranked once the operator resolves the contest")));
                        continue;
                    }
                    Ranking.Candidate candidate = new Ranking.Candidate(protocol, r.getLong(2), Band.valueOf(r.getString(3).strip()),
                            r.getLong(5), r.getLong(6), Euro.toCents(r.getBigDecimal(4)));
                    candidates.add(candidate);
                    String percent = r.getString(7);
                    if (percent != null) {
                        // read as the assessment's tree reads it, so the answer shows the same number as before
                        incidence.put(candidate, incidences.computeIfAbsent(percent, p -> tree(p).decimalValue()));
                    }
                }
            }
        }
    }

    /**
     * The applications not eligible, in receipt order, with the checks they failed as before: "explanation (legalRef)"
     * of each check whose {@code passed} is not true, in the assessment's order (a missing text reads "", a null one
     * "null", as Jackson's {@code asText()} read them). The database writes them: no assessment comes here ({@code ??} is
     * the jsonb key operator, escaped for the driver).
     */
    private static void readNotEligible(Connection c, UUID callId, List<RankingView.Excluded> excluded) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                select a.protocol_number, array(
                    select coalesce(k.c ->> 'explanation', case when k.c ?? 'explanation' then 'null' else '' end) || ' ('
                           || coalesce(k.c ->> 'legalRef', case when k.c ?? 'legalRef' then 'null' else '' end) || ')'
                    from jsonb_array_elements(a.assessment -> 'checks') with ordinality as k(c, i)
                    where (k.c -> 'passed') is distinct from 'true'::jsonb order by k.i)
                from application a where a.call_id = ? and a.status = 'NOT_ELIGIBLE' order by a.receipt_seq""")) {
            s.setFetchSize(FETCH);
            s.setObject(1, callId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    excluded.add(new RankingView.Excluded(r.getString(1), Arrays.asList((String[]) r.getArray(2).getArray())));
                }
            }
        }
    }

    private static void readArrears(Connection c, UUID callId, Map<String, Arrears> arrears) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                select t.protocol_number, t.amount, t.reference from tax_arrears t
                join application a on a.protocol_number = t.protocol_number where a.call_id = ?""")) {
            s.setObject(1, callId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    arrears.put(r.getString(1), new Arrears(r.getBigDecimal(2), r.getString(3)));
                }
            }
        }
    }

    /** The applications ranked without money: NOT_FUNDED, as their entities' {@code moveTo} set them one by one. */
    private void markNotFunded(List<String> protocols, OffsetDateTime at) {
        em.flush();
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "update application set status = 'NOT_FUNDED', status_changed_at = ? where protocol_number = any(?) and status = 'PENDING'")) {
                for (int from = 0; from < protocols.size(); from += STATUS_BATCH) {
                    List<String> batch = protocols.subList(from, Math.min(protocols.size(), from + STATUS_BATCH));
                    s.setObject(1, at);
                    s.setArray(2, c.createArrayOf("text", batch.toArray()));
                    // as for the grants: an application decided by someone else meanwhile undoes the publication
                    if (s.executeUpdate() != batch.size()) {
                        throw new IllegalStateException("an unfunded application of the ranking is no longer pending");
                    }
                }
            }
        });
    }

    /**
     * Stores the published run and answers it: the entries are written as JSON straight from the domain core's result,
     * into the database and into the answer, without a list of them or the whole document as one string.
     */
    private RankingView publish(Call call, Computed computed, Caller caller) {
        RankingView run = view(UUID.randomUUID(), call, computed, true, OffsetDateTime.now(clock));
        Chunks entriesJson = new Chunks();
        Chunks excludedJson = new Chunks();
        try {
            mapper.writeValue(entriesJson, run.entries());
            mapper.writeValue(excludedJson, run.excluded());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        em.flush();
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    insert into ranking_run (id, call_id, published, budget, committed, strategy, entries, excluded, created_by, created_at)
                    values (?, ?, true, ?, ?, ?, convert_from(?, 'UTF8'), convert_from(?, 'UTF8'), ?, ?)""")) {
                s.setObject(1, run.runId());
                s.setObject(2, call.id);
                s.setBigDecimal(3, run.budget());
                s.setBigDecimal(4, run.committed());
                s.setString(5, run.strategy());
                s.setBinaryStream(6, entriesJson.input(), entriesJson.size());
                s.setBinaryStream(7, excludedJson.input(), excludedJson.size());
                s.setString(8, caller.name());
                s.setObject(9, run.createdAt());
                s.executeUpdate();
            }
        });
        return run;
    }

    /** The answer for a run ({@code runId} null for a simulation, which is not stored). */
    private static RankingView view(UUID runId, Call call, Computed computed, boolean published, OffsetDateTime at) {
        return new RankingView(runId, call.id, published, computed.strategy.type().name(), Euro.ofCents(computed.result.budgetCents()),
                Euro.ofCents(computed.result.committedCents()), at.atZoneSameInstant(RomeTime.ZONE).toOffsetDateTime(),
                new Entries(computed), Collections.unmodifiableList(computed.excluded));
    }

    /** The entries of the answer, each made from the domain core's entry when it is read (by the JSON writer). */
    private static final class Entries extends AbstractList<RankingView.Entry> implements RandomAccess {
        private final Computed computed;

        Entries(Computed computed) {
            this.computed = computed;
        }

        @Override
        public RankingView.Entry get(int index) {
            Ranking.Entry e = computed.result.entries().get(index);
            Ranking.Candidate c = e.candidate();
            Arrears arrears = computed.arrears.get(c.protocolNumber());
            BigDecimal contribution = Euro.ofCents(e.contributionCents());
            BigDecimal withheld = arrears == null ? BigDecimal.ZERO.setScale(2) : arrears.amount().min(contribution);
            return new RankingView.Entry(e.position(), c.protocolNumber(), c.band().name(),
                    Euro.ofCents(c.referenceIncomeCents()), Euro.ofCents(c.conventionalIncomeCents()), computed.incidence.get(c),
                    Euro.ofCents(c.needCents()), contribution, withheld, contribution.subtract(withheld),
                    withheld.signum() > 0 ? e.explanation() + "; " + Euro.format(withheld) + " withheld for municipal tax arrears ("
                            + arrears.reference() + ")" : e.explanation());
        }

        @Override
        public int size() {
            return computed.result.entries().size();
        }
    }

    /** Bytes written in blocks of 1 MB: a large document without the copies of a growing array. */
    private static final class Chunks extends OutputStream {
        private static final int BLOCK = 1 << 20;
        private final List<byte[]> blocks = new ArrayList<>();
        private byte[] current = new byte[BLOCK];
        private int used;
        private int size;

        @Override
        public void write(int b) {
            if (used == BLOCK) {
                next();
            }
            current[used++] = (byte) b;
            size++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            while (length > 0) {
                if (used == BLOCK) {
                    next();
                }
                int n = Math.min(length, BLOCK - used);
                System.arraycopy(bytes, offset, current, used, n);
                used += n;
                offset += n;
                length -= n;
                size = Math.addExact(size, n);
            }
        }

        private void next() {
            blocks.add(current);
            current = new byte[BLOCK];
            used = 0;
        }

        int size() {
            return size;
        }

        InputStream input() {
            List<InputStream> parts = new ArrayList<>();
            blocks.forEach(b -> parts.add(new ByteArrayInputStream(b)));
            parts.add(new ByteArrayInputStream(current, 0, used));
            return new SequenceInputStream(Collections.enumeration(parts));
        }
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

    private JsonNode tree(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
