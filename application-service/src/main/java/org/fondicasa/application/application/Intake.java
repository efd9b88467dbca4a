package org.fondicasa.application.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.fondicasa.application.call.CallKind;
import org.fondicasa.application.call.CallSnapshots;
import org.fondicasa.application.eligibility.Assessment;
import org.fondicasa.application.eligibility.Eligibility;
import org.fondicasa.events.application.ApplicationAssessed;
import org.fondicasa.events.application.ApplicationReceived;
import org.fondicasa.platform.events.Outbox;
import org.fondicasa.platform.money.Euro;
import org.fondicasa.platform.time.RomeTime;
import org.fondicasa.platform.web.ProblemException;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The click-day path: one short transaction that appends the application, its household's claims on the call and
 * two outbox rows. No row or table is locked beyond the unique keys it inserts, so applications do not queue
 * behind each other; the place in line is a database sequence taken at acceptance. Funding follows asynchronously
 * ({@code FirstComeFundingWorker}), in strict receipt order.
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

    /** An application ready to store: who, the normalised household, and its assessment. */
    public record Accepted(CallSnapshots.Snapshot call, ApplicationForm form, String applicant, List<String> household,
                           String submittedBy, boolean assisted, Assessment assessment) {
    }

    @Transactional
    @TransactionConfiguration(timeout = TRANSACTION_TIMEOUT_SECONDS)
    public Receipt store(Accepted a) {
        ApplicationStatus status = a.assessment().eligible() ? ApplicationStatus.PENDING : ApplicationStatus.NOT_ELIGIBLE;
        // the call's window is a rule: the service's clock decides it, right before the row is appended
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (now.isBefore(a.call().opensAt()) || !now.isBefore(a.call().closesAt())) {
            throw notOpen(a.call(), now);
        }
        // the protocol number is the year of receipt (Europe/Rome) and the place in line, so sorting protocol numbers
        // sorts by arrival; one statement takes the place in line (sequence), stamps the receipt with the database clock
        // after it and appends the row; every application with a lower number began its transaction before this instant
        // (the funding worker relies on it)
        @SuppressWarnings("unchecked")
        List<Object[]> line = em.createNativeQuery("""
                        with line as (select nextval('application_receipt_seq') as seq, clock_timestamp() as at),
                        accepted as (
                            insert into application (protocol_number, receipt_seq, call_id, received_at, applicant_fiscal_code,
                                submitted_by, assisted, form, eligible, band, need, assessment, status, status_changed_at)
                            select to_char(line.at at time zone 'Europe/Rome', 'YYYY') || '-' || lpad(line.seq::text, 10, '0'),
                                   line.seq, ?1, line.at, ?2, ?3, ?4, cast(?5 as jsonb), ?6, ?7, ?8, cast(?9 as jsonb), ?10, line.at
                            from line
                            returning protocol_number, receipt_seq, received_at),
                        claimed as (
                            insert into household_claim (call_id, fiscal_code, protocol_number)
                            select ?1, member, accepted.protocol_number from accepted, unnest(string_to_array(?11, ',')) as member
                            on conflict do nothing
                            returning 1)
                        select protocol_number, receipt_seq, received_at, (select count(*) from claimed) from accepted""")
                .setParameter(1, a.call().id()).setParameter(2, a.applicant()).setParameter(3, a.submittedBy())
                .setParameter(4, a.assisted()).setParameter(5, json(a.form())).setParameter(6, a.assessment().eligible())
                .setParameter(7, a.assessment().band() == null ? null : a.assessment().band().name())
                .setParameter(8, Euro.ofCents(a.assessment().needCents())).setParameter(9, json(a.assessment()))
                .setParameter(10, status.name())
                .setParameter(11, String.join(",", a.household())) // normalised fiscal codes: letters and digits only
                .getResultList();
        String protocol = (String) line.get(0)[0];
        long seq = ((Number) line.get(0)[1]).longValue();
        OffsetDateTime receivedAt = toOffsetDateTime(line.get(0)[2]);
        if (((Number) line.get(0)[3]).intValue() != a.household().size()) {
            // a member already applied to this call: the whole application is rolled back, nothing half stored
            throw new HouseholdAlreadyApplied();
        }
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
        CallSnapshots.Snapshot call = a.call();
        Assessment as = a.assessment();
        outbox.publishAll(List.of(
                new ApplicationReceived(call.id().toString(), call.kind().name(), call.istatCode(), call.fundCode(), protocol,
                        receivedAt.withOffsetSameInstant(ZoneOffset.UTC).toString(), seq, a.assisted()),
                new ApplicationAssessed(call.id().toString(), call.kind().name(), call.istatCode(), call.fundCode(), protocol,
                        as.eligible(), status.name(), as.band() == null ? null : as.band().name(), as.householdSize(),
                        as.dependentChildren(), a.form().isee() == null ? null : a.form().isee().setScale(2).toPlainString(),
                        euro(as.referenceIncomeCents()), euro(as.conventionalIncomeCents()), euro(as.annualRentCents()),
                        as.monthsCounted(), as.incidencePercent() == null ? null : as.incidencePercent().toPlainString(),
                        Euro.ofCents(as.needCents()).toPlainString(), as.failures().stream().map(c -> c.rule()).toList())));
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

    /** Thrown inside the transaction so that it rolls back; the caller answers 409 with the earlier protocol. */
    public static class HouseholdAlreadyApplied extends RuntimeException {
        HouseholdAlreadyApplied() {
            super(null, null, false, false);
        }
    }

    /** Hardship grants the household (any member) already had this calendar year in this municipality's calls. */
    public int householdGrantsThisYear(String istatCode, List<String> household, LocalDate day) {
        if (istatCode == null) {
            return 0;
        }
        return ((Number) em.createNativeQuery("""
                        select count(distinct w.protocol_number) from household_claim h
                        join award w on w.protocol_number = h.protocol_number and w.status <> 'REVOKED'
                        join call c on c.id = w.call_id
                        where h.fiscal_code in (?1) and c.kind = ?2 and c.istat_code = ?3
                          and w.granted_at >= ?4 and w.granted_at < ?5""")
                .setParameter(1, household).setParameter(2, CallKind.HARDSHIP_GRANT.name()).setParameter(3, istatCode)
                .setParameter(4, day.withDayOfYear(1).atStartOfDay(RomeTime.ZONE).toOffsetDateTime())
                .setParameter(5, day.withDayOfYear(1).plusYears(1).atStartOfDay(RomeTime.ZONE).toOffsetDateTime())
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
