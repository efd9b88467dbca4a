package org.fondicasa.application.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import org.fondicasa.application.call.CallKind;
import org.fondicasa.application.call.CallSnapshots;
import org.fondicasa.application.eligibility.Assessment;
import org.fondicasa.application.eligibility.Eligibility;
import org.fondicasa.events.application.ApplicationAssessed;
import org.fondicasa.events.application.ApplicationReceived;
import org.fondicasa.events.DomainEvent;
import org.fondicasa.platform.events.Outbox;
import org.fondicasa.platform.money.Euro;
import org.fondicasa.platform.time.RomeTime;
import org.fondicasa.platform.web.ProblemException;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * The click-day path: one short transaction that appends the application, its household's claims on the call and
 * two outbox rows. No row or table is locked beyond the unique keys it inserts, so applications do not queue
 * behind each other; the place in line is a database sequence taken at acceptance. Funding follows asynchronously
 * ({@code FirstComeFundingWorker}), in strict receipt order. Only a person applying themselves whose own place is
 * held by someone's listing takes a second, locking transaction ({@link #takeOver}).
 */
@ApplicationScoped
public class Intake {

    /** Bounds how long an accepted-but-uncommitted application can exist; the funding worker waits longer. */
    public static final int TRANSACTION_TIMEOUT_SECONDS = 2;

    private final EntityManager em;
    private final Outbox outbox;
    private final ObjectMapper mapper;
    private final Clock clock;

    public Intake(EntityManager em, Outbox outbox, ObjectMapper mapper, Clock clock) {
        this.clock = clock;
        this.em = em;
        this.outbox = outbox;
        this.mapper = mapper;
    }

    /**
     * An application ready to store: who, the normalised household (the applicant first), and its assessment.
     * {@code assisted}: filed by a desk operator; otherwise the applicant is the citizen of the token (SPID/CIE).
     */
    public record Accepted(CallSnapshots.Snapshot call, ApplicationForm form, String applicant, List<String> household,
                           String submittedBy, boolean assisted, Assessment assessment) {

        Accepted withAssessment(Assessment other) {
            return new Accepted(call, form, applicant, household, submittedBy, assisted, other);
        }
    }

    /**
     * The application, its place in line and its household's places, in one statement; refused as a whole (nothing
     * stored) when any of those places is held, with the codes found held ({@link PlacesHeld}).
     */
    @Transactional
    @TransactionConfiguration(timeout = TRANSACTION_TIMEOUT_SECONDS)
    public Receipt store(Accepted a) {
        ApplicationStatus status = status(a.assessment());
        requireOpen(a.call());
        @SuppressWarnings("unchecked")
        List<Object[]> line = bind(em.createNativeQuery(ACCEPT + """
                        claimed as (
                            insert into household_claim (call_id, fiscal_code, protocol_number, kind)
                            select ?1, member, accepted.protocol_number, case when member = ?12 then 'OWN' else 'LISTED' end
                            from accepted, unnest(string_to_array(?11, ',')) as member
                            on conflict do nothing
                            returning 1)
                        select protocol_number, receipt_seq, received_at, (select count(*) from claimed) from accepted"""),
                a, a.assessment(), status)
                .setParameter(11, String.join(",", a.household())) // normalised fiscal codes: letters and digits only
                .getResultList();
        String protocol = (String) line.get(0)[0];
        if (((Number) line.get(0)[3]).intValue() != a.household().size()) {
            // a place is held: the whole application is rolled back, nothing half stored; which codes, for the caller
            @SuppressWarnings("unchecked")
            List<Object> held = em.createNativeQuery("""
                            select fiscal_code from household_claim
                            where call_id = ?1 and fiscal_code = any(cast(string_to_array(?2, ',') as bpchar[])) and protocol_number <> ?3""")
                    .setParameter(1, a.call().id()).setParameter(2, String.join(",", a.household())).setParameter(3, protocol)
                    .getResultList();
            throw new PlacesHeld(held.stream().map(c -> ((String) c).strip()).toList());
        }
        return accepted(a, line.get(0), status);
    }

    /** What became of one application of a batch ({@link #storeAll}). */
    public sealed interface Outcome {
    }

    /** Stored: the receipt, valid once the batch's transaction commits. */
    public record Stored(Receipt receipt) implements Outcome {
    }

    /** Refused as {@link #store} would have refused it (a place held, the call not open). */
    public record Refused(RuntimeException why) implements Outcome {
    }

    /** Shares a place with an earlier application of the same batch: stored on its own afterwards, as {@link #store} does. */
    public record Alone() implements Outcome {
    }

    /**
     * Several applications in one transaction (group commit), each exactly as {@link #store} stores it alone: places
     * in line in the order given (numbers taken together, sorted, handed out in order, then the database clock read
     * after them), the households' claims first, then the applications and all their outbox rows in one statement
     * each. An application whose claims are not all free is taken out of the batch with its claims deleted and
     * refused with the codes held; one that shares a code with an earlier one of the batch is left to be stored
     * alone, so places are decided exactly as one by one. Must run in a transaction (the caller's). {@code numbered}
     * runs once the places in line and the receipt time are taken (the batcher lets the next batch be numbered then).
     */
    public List<Outcome> storeAll(List<Accepted> batch, Runnable numbered) {
        Outcome[] outcomes = new Outcome[batch.size()];
        OffsetDateTime now = OffsetDateTime.now(clock);
        Set<String> places = new HashSet<>();
        List<Integer> go = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Accepted a = batch.get(i);
            if (now.isBefore(a.call().opensAt()) || !now.isBefore(a.call().closesAt())) {
                outcomes[i] = new Refused(notOpen(a.call(), now));
            } else if (a.household().stream().anyMatch(code -> places.contains(a.call().id() + code))) {
                outcomes[i] = new Alone();
            } else {
                a.household().forEach(code -> places.add(a.call().id() + code));
                go.add(i);
            }
        }
        if (go.isEmpty()) {
            numbered.run();
        } else {
            em.unwrap(Session.class).doWork(connection -> write(connection, batch, go, outcomes, numbered));
        }
        return List.of(outcomes);
    }

    private void write(Connection c, List<Accepted> batch, List<Integer> go, Outcome[] outcomes, Runnable numbered) throws SQLException {
        long[] seqs;
        OffsetDateTime at;
        // the clock is read after every number is taken: the aggregate is complete before the outer row is
        try (PreparedStatement line = c.prepareStatement("""
                select n.seqs, clock_timestamp() from (
                    select array_agg(nextval('application_receipt_seq')) as seqs from generate_series(1, ?)) n""")) {
            line.setInt(1, go.size());
            try (ResultSet r = line.executeQuery()) {
                r.next();
                seqs = Arrays.stream((Long[]) r.getArray(1).getArray()).mapToLong(Long::longValue).sorted().toArray();
                at = r.getObject(2, OffsetDateTime.class);
            }
        }
        numbered.run();
        String year = Integer.toString(at.atZoneSameInstant(RomeTime.ZONE).getYear());
        Map<Integer, String> protocols = new LinkedHashMap<>();
        Map<Integer, Long> seqOf = new HashMap<>();
        List<Object[]> claims = new ArrayList<>();
        for (int k = 0; k < go.size(); k++) {
            int i = go.get(k);
            Accepted a = batch.get(i);
            String protocol = year + "-" + String.format("%010d", seqs[k]);
            protocols.put(i, protocol);
            seqOf.put(i, seqs[k]);
            for (String code : a.household()) {
                claims.add(new Object[]{a.call().id(), code, protocol, !a.assisted() && code.equals(a.applicant()) ? "OWN" : "LISTED"});
            }
        }
        // one order for every writer's claims, so two batches never wait on each other's keys crosswise
        claims.sort(Comparator.comparing((Object[] x) -> x[0].toString()).thenComparing(x -> (String) x[1]));
        Map<String, Integer> claimed = new HashMap<>();
        try (PreparedStatement insert = c.prepareStatement("""
                insert into household_claim (call_id, fiscal_code, protocol_number, kind)
                select * from unnest(?, ?, ?, ?) on conflict do nothing returning protocol_number""")) {
            insert.setArray(1, c.createArrayOf("uuid", claims.stream().map(x -> x[0]).toArray()));
            insert.setArray(2, c.createArrayOf("bpchar", claims.stream().map(x -> x[1]).toArray()));
            insert.setArray(3, c.createArrayOf("text", claims.stream().map(x -> x[2]).toArray()));
            insert.setArray(4, c.createArrayOf("text", claims.stream().map(x -> x[3]).toArray()));
            try (ResultSet r = insert.executeQuery()) {
                while (r.next()) {
                    claimed.merge(r.getString(1), 1, Integer::sum);
                }
            }
        }
        List<Integer> stored = new ArrayList<>();
        for (int i : go) {
            Accepted a = batch.get(i);
            String protocol = protocols.get(i);
            if (claimed.getOrDefault(protocol, 0) == a.household().size()) {
                stored.add(i);
                continue;
            }
            // a place is held by an application of another transaction: this one is refused whole, its claims gone
            try (PreparedStatement undo = c.prepareStatement("delete from household_claim where call_id = ? and protocol_number = ?");
                 PreparedStatement held = c.prepareStatement("""
                         select fiscal_code from household_claim where call_id = ? and fiscal_code = any(?) and protocol_number <> ?""")) {
                undo.setObject(1, a.call().id());
                undo.setString(2, protocol);
                undo.executeUpdate();
                held.setObject(1, a.call().id());
                held.setArray(2, c.createArrayOf("bpchar", a.household().toArray()));
                held.setString(3, protocol);
                List<String> codes = new ArrayList<>();
                try (ResultSet r = held.executeQuery()) {
                    while (r.next()) {
                        codes.add(r.getString(1).strip());
                    }
                }
                outcomes[i] = new Refused(new PlacesHeld(codes));
            }
        }
        if (stored.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement("""
                insert into application (protocol_number, receipt_seq, call_id, received_at, applicant_fiscal_code,
                    submitted_by, assisted, form, eligible, band, need, assessment, status, status_changed_at)
                select t.protocol, t.seq, t.call, ?, t.applicant, t.submitted_by, t.assisted, cast(t.form as jsonb), t.eligible,
                       t.band, t.need, cast(t.assessment as jsonb), t.status, ?
                from unnest(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    as t(protocol, seq, call, applicant, submitted_by, assisted, form, eligible, band, need, assessment, status)""")) {
            insert.setObject(1, at);
            insert.setObject(2, at);
            int n = stored.size();
            Object[][] columns = new Object[12][n];
            for (int k = 0; k < n; k++) {
                int i = stored.get(k);
                Accepted a = batch.get(i);
                Assessment as = a.assessment();
                columns[0][k] = protocols.get(i);
                columns[1][k] = seqOf.get(i);
                columns[2][k] = a.call().id();
                columns[3][k] = a.applicant();
                columns[4][k] = a.submittedBy();
                columns[5][k] = a.assisted();
                columns[6][k] = json(a.form());
                columns[7][k] = as.eligible();
                columns[8][k] = as.band() == null ? null : as.band().name();
                columns[9][k] = Euro.ofCents(as.needCents());
                columns[10][k] = json(as);
                columns[11][k] = status(as).name();
            }
            String[] types = {"text", "int8", "uuid", "bpchar", "text", "bool", "text", "bool", "text", "numeric", "text", "text"};
            for (int col = 0; col < 12; col++) {
                insert.setArray(3 + col, c.createArrayOf(types[col], columns[col]));
            }
            insert.executeUpdate();
        }
        List<DomainEvent> events = new ArrayList<>(stored.size() * 2);
        for (int i : stored) {
            Accepted a = batch.get(i);
            ApplicationStatus status = status(a.assessment());
            events.addAll(events(a, protocols.get(i), seqOf.get(i), status, at));
            outcomes[i] = new Stored(new Receipt(protocols.get(i), a.call().id(), at.atZoneSameInstant(RomeTime.ZONE).toOffsetDateTime(),
                    seqOf.get(i), status, a.assisted()));
        }
        outbox.publishAll(events);
    }

    /**
     * The slower path, taken only when a person applying themselves found their own place held (see
     * {@link HouseholdPlaces}): locks the places the household asks for, decides, and either refuses
     * ({@link AlreadyApplied}, {@link PlacesHeld}) or stores the application taking over the places of the application
     * that listed the person, recording a contest for each. Two such applications of one person take turns on the lock
     * of their place: the second finds it OWN and is refused. {@code reassess} gives the assessment again from the
     * household's hardship grants this year, counted without the application whose places are taken over.
     */
    @Transactional
    @TransactionConfiguration(timeout = TRANSACTION_TIMEOUT_SECONDS)
    public Receipt takeOver(Accepted a, IntFunction<Assessment> reassess) {
        requireOpen(a.call());
        List<HouseholdPlaces.Claim> claims = HouseholdPlaces.claims(a.household(), a.applicant(), !a.assisted());
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select fiscal_code, kind, protocol_number from household_claim
                        where call_id = ?1 and fiscal_code = any(cast(string_to_array(?2, ',') as bpchar[]))
                        order by fiscal_code for update""")
                .setParameter(1, a.call().id()).setParameter(2, String.join(",", a.household())).getResultList();
        List<HouseholdPlaces.Holder> holders = rows.stream().map(r -> new HouseholdPlaces.Holder(((String) r[0]).strip(),
                HouseholdPlaces.Kind.valueOf((String) r[1]), (String) r[2])).toList();
        HouseholdPlaces.Decision decision = HouseholdPlaces.decide(claims, holders);
        if (decision instanceof HouseholdPlaces.AlreadyApplied already) {
            throw new AlreadyApplied(already.ownProtocol());
        }
        if (decision instanceof HouseholdPlaces.Conflict conflict) {
            throw new PlacesHeld(conflict.fiscalCodes());
        }
        String heldProtocol = decision instanceof HouseholdPlaces.TakeOver t ? t.heldProtocol() : "";
        List<String> taken = decision instanceof HouseholdPlaces.TakeOver t ? t.fiscalCodes() : List.of();
        List<String> free = a.household().stream().filter(code -> !taken.contains(code)).toList();
        // a grant of the application losing these places is not the person's: their own application is assessed without it
        Assessment assessment = a.call().rules().hardship() == null ? a.assessment()
                : reassess.apply(householdGrantsThisYear(a.call().istatCode(), a.household(),
                OffsetDateTime.now(clock).atZoneSameInstant(RomeTime.ZONE).toLocalDate(), heldProtocol));
        ApplicationStatus status = status(assessment);
        @SuppressWarnings("unchecked")
        List<Object[]> line = bind(em.createNativeQuery(ACCEPT + """
                        taken as (
                            update household_claim h set protocol_number = accepted.protocol_number,
                                kind = case when h.fiscal_code = ?12 then 'OWN' else 'LISTED' end
                            from accepted
                            where h.call_id = ?1 and h.fiscal_code = any(cast(string_to_array(?13, ',') as bpchar[]))
                              and h.protocol_number = ?14 and h.kind = 'LISTED'
                            returning h.fiscal_code),
                        contested as (
                            insert into contested_claim (id, call_id, fiscal_code, held_protocol, taken_by_protocol, contested_at)
                            select gen_random_uuid(), ?1, taken.fiscal_code, ?14, accepted.protocol_number, accepted.received_at
                            from taken, accepted
                            returning 1),
                        claimed as (
                            insert into household_claim (call_id, fiscal_code, protocol_number, kind)
                            select ?1, member, accepted.protocol_number, case when member = ?12 then 'OWN' else 'LISTED' end
                            from accepted, unnest(string_to_array(?11, ',')) as member
                            on conflict do nothing
                            returning 1)
                        select protocol_number, receipt_seq, received_at, (select count(*) from claimed),
                               (select count(*) from taken), (select count(*) from contested)
                        from accepted"""), a, assessment, status)
                .setParameter(11, String.join(",", free))
                .setParameter(13, String.join(",", taken))
                .setParameter(14, heldProtocol)
                .getResultList();
        Object[] row = line.get(0);
        if (((Number) row[4]).intValue() != taken.size() || ((Number) row[5]).intValue() != taken.size()) {
            throw new IllegalStateException("places locked for the takeover changed under the lock");
        }
        if (((Number) row[3]).intValue() != free.size()) {
            // a place that was free a moment ago was taken meanwhile: roll back and decide again
            throw new PlacesChanged();
        }
        return accepted(a.withAssessment(assessment), row, status);
    }

    /**
     * The start of both intake statements: the protocol number is the year of receipt (Europe/Rome) and the place in
     * line, so sorting protocol numbers sorts by arrival; one statement takes the place in line (sequence), stamps the
     * receipt with the database clock after it and appends the row; every application with a lower number began its
     * transaction before this instant (the funding worker relies on it).
     */
    private static final String ACCEPT = """
            with line as (select nextval('application_receipt_seq') as seq, clock_timestamp() as at),
            accepted as (
                insert into application (protocol_number, receipt_seq, call_id, received_at, applicant_fiscal_code,
                    submitted_by, assisted, form, eligible, band, need, assessment, status, status_changed_at)
                select to_char(line.at at time zone 'Europe/Rome', 'YYYY') || '-' || lpad(line.seq::text, 10, '0'),
                       line.seq, ?1, line.at, ?2, ?3, ?4, cast(?5 as jsonb), ?6, ?7, ?8, cast(?9 as jsonb), ?10, line.at
                from line
                returning protocol_number, receipt_seq, received_at),
            """;

    /** Parameters 1 to 10 and 12 (the code whose place is OWN: the applicant applying themselves; none for a desk). */
    private Query bind(Query query, Accepted a, Assessment assessment, ApplicationStatus status) {
        return query.setParameter(1, a.call().id()).setParameter(2, a.applicant()).setParameter(3, a.submittedBy())
                .setParameter(4, a.assisted()).setParameter(5, json(a.form())).setParameter(6, assessment.eligible())
                .setParameter(7, assessment.band() == null ? null : assessment.band().name())
                .setParameter(8, Euro.ofCents(assessment.needCents())).setParameter(9, json(assessment))
                .setParameter(10, status.name())
                .setParameter(12, a.assisted() ? "" : a.applicant());
    }

    private static ApplicationStatus status(Assessment assessment) {
        return assessment.eligible() ? ApplicationStatus.PENDING : ApplicationStatus.NOT_ELIGIBLE;
    }

    /** The call's window is a rule: the service's clock decides it, right before the row is appended. */
    private void requireOpen(CallSnapshots.Snapshot call) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (now.isBefore(call.opensAt()) || !now.isBefore(call.closesAt())) {
            throw notOpen(call, now);
        }
    }

    private Receipt accepted(Accepted a, Object[] row, ApplicationStatus status) {
        String protocol = (String) row[0];
        long seq = ((Number) row[1]).longValue();
        OffsetDateTime receivedAt = toOffsetDateTime(row[2]);
        publish(a, protocol, seq, status, receivedAt);
        return new Receipt(protocol, a.call().id(), receivedAt.atZoneSameInstant(RomeTime.ZONE).toOffsetDateTime(),
                seq, status, a.assisted());
    }

    private static OffsetDateTime toOffsetDateTime(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt;
        }
        if (value instanceof java.time.Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) value).toInstant().atOffset(ZoneOffset.UTC);
    }

    private void publish(Accepted a, String protocol, long seq, ApplicationStatus status, OffsetDateTime receivedAt) {
        outbox.publishAll(events(a, protocol, seq, status, receivedAt));
    }

    private static List<DomainEvent> events(Accepted a, String protocol, long seq, ApplicationStatus status, OffsetDateTime receivedAt) {
        CallSnapshots.Snapshot call = a.call();
        Assessment as = a.assessment();
        return List.of(
                new ApplicationReceived(call.id().toString(), call.kind().name(), call.istatCode(), call.fundCode(), protocol,
                        receivedAt.withOffsetSameInstant(ZoneOffset.UTC).toString(), seq, a.assisted()),
                new ApplicationAssessed(call.id().toString(), call.kind().name(), call.istatCode(), call.fundCode(), protocol,
                        as.eligible(), status.name(), as.band() == null ? null : as.band().name(), as.householdSize(),
                        as.dependentChildren(), a.form().isee() == null ? null : a.form().isee().setScale(2).toPlainString(),
                        euro(as.referenceIncomeCents()), euro(as.conventionalIncomeCents()), euro(as.annualRentCents()),
                        as.monthsCounted(), as.incidencePercent() == null ? null : as.incidencePercent().toPlainString(),
                        Euro.ofCents(as.needCents()).toPlainString(), as.failures().stream().map(c -> c.rule()).toList()));
    }

    /** An optional amount of the assessment, absent from the event when there is none. */
    private static String euro(Long cents) {
        return cents == null ? null : Euro.ofCents(cents).toPlainString();
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Some of the household's places are held by other applications (thrown inside the transaction so that it rolls
     * back): the codes, for the caller to decide with {@link HouseholdPlaces}; never shown to the client as such.
     */
    public static class PlacesHeld extends RuntimeException {
        private final List<String> fiscalCodes;

        PlacesHeld(List<String> fiscalCodes) {
            super(null, null, false, false);
            this.fiscalCodes = List.copyOf(fiscalCodes);
        }

        public List<String> fiscalCodes() {
            return fiscalCodes;
        }
    }

    /** The person already has an application of their own in this call (the protocol is theirs). */
    public static class AlreadyApplied extends RuntimeException {
        private final String ownProtocol;

        AlreadyApplied(String ownProtocol) {
            super(null, null, false, false);
            this.ownProtocol = ownProtocol;
        }

        public String ownProtocol() {
            return ownProtocol;
        }
    }

    /** A free place was taken by another application during a takeover: the caller decides again. */
    public static class PlacesChanged extends RuntimeException {
        PlacesChanged() {
            super(null, null, false, false);
        }
    }

    /**
     * Hardship grants the household (any member) already had this calendar year in this municipality's calls. A grant
     * counts for the people whose places its application holds: after a takeover, the places taken count with the
     * person's own application, no longer with the one that had listed them.
     */
    public int householdGrantsThisYear(String istatCode, List<String> household, LocalDate day) {
        return householdGrantsThisYear(istatCode, household, day, "");
    }

    /** As above, leaving out the grant of one application (the one whose places are being taken over). */
    int householdGrantsThisYear(String istatCode, List<String> household, LocalDate day, String leavingOut) {
        if (istatCode == null) {
            return 0;
        }
        return ((Number) em.createNativeQuery("""
                        select count(distinct w.protocol_number) from household_claim h
                        join award w on w.protocol_number = h.protocol_number and w.status <> 'REVOKED'
                        join call c on c.id = w.call_id
                        where h.fiscal_code = any(cast(string_to_array(?1, ',') as bpchar[])) and c.kind = ?2 and c.istat_code = ?3
                          and w.granted_at >= ?4 and w.granted_at < ?5 and w.protocol_number <> ?6""")
                .setParameter(1, String.join(",", household)).setParameter(2, CallKind.HARDSHIP_GRANT.name()).setParameter(3, istatCode)
                .setParameter(4, day.withDayOfYear(1).atStartOfDay(RomeTime.ZONE).toOffsetDateTime())
                .setParameter(5, day.withDayOfYear(1).plusYears(1).atStartOfDay(RomeTime.ZONE).toOffsetDateTime())
                .setParameter(6, leavingOut)
                .getSingleResult()).intValue();
    }

    static ProblemException notOpen(CallSnapshots.Snapshot call, OffsetDateTime now) {
        boolean early = now.isBefore(call.opensAt());
        return ProblemException.conflict((early ? "The call is not open yet: it opens at " : "The call closed at ")
                + (early ? call.opensAt() : call.closesAt()).atZoneSameInstant(RomeTime.ZONE).toOffsetDateTime()
                + " (Europe/Rome); it takes applications from " + call.opensAt().atZoneSameInstant(RomeTime.ZONE).toOffsetDateTime()
                + " until " + call.closesAt().atZoneSameInstant(RomeTime.ZONE).toOffsetDateTime()
                + ", and this one arrived at " + now.atZoneSameInstant(RomeTime.ZONE).toOffsetDateTime());
    }
}
