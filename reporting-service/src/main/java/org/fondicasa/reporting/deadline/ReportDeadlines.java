package org.fondicasa.reporting.deadline;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.fondicasa.events.reporting.ReportMissing;
import org.fondicasa.platform.events.Outbox;
import org.fondicasa.platform.money.Euro;
import org.fondicasa.platform.time.RomeTime;
import org.fondicasa.reporting.ledger.KnownFund;
import org.fondicasa.reporting.ledger.Ledger;
import org.fondicasa.reporting.ledger.LedgerReader;
import org.fondicasa.reporting.ledger.SourceFigures;
import org.fondicasa.reporting.ledger.SourceKind;
import org.fondicasa.reporting.report.Report;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * At a fund's report deadline (Europe/Rome), every municipality that declared Fin_a and has not reported is marked,
 * once, and ReportMissing tells allocation-service to move Fin_a's available money to the housing agencies, ex officio
 * (DOMAIN §1.4). The {@code available} it carries is the ledger's (what calls have not reserved and nothing moved yet),
 * for the record: allocation-service moves what its own balance holds. Running it again changes nothing.
 */
@ApplicationScoped
public class ReportDeadlines {

    private static final Logger LOG = Logger.getLogger(ReportDeadlines.class);

    private final LedgerReader ledger;
    private final Outbox outbox;
    private final Clock clock;

    public ReportDeadlines(LedgerReader ledger, Outbox outbox, Clock clock) {
        this.clock = clock;
        this.ledger = ledger;
        this.outbox = outbox;
    }

    @Scheduled(every = "${fondicasa.reporting.deadline-check:60s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void everyMinute() {
        try {
            for (KnownFund fund : KnownFund.<KnownFund>list("reportDeadline <= ?1", OffsetDateTime.now(clock))) {
                markMissing(fund.code);
            }
        } catch (RuntimeException e) {
            LOG.debugf("deadline check skipped: %s", e.getMessage()); // the database may be away; the next run retries
        }
    }

    /** A municipality reports on its Fin_a; one that put nothing on Fin_a has nothing to report. */
    static boolean owesReport(Ledger.Line line) {
        return line.declared(Ledger.Kind.FIN_A).filter(cents -> cents > 0).isPresent();
    }

    /** Marks the fund's missing reports if its deadline has passed; returns the ones marked now. */
    @Transactional
    public List<MissingReport> markMissing(String fundCode) {
        KnownFund fund = KnownFund.findById(fundCode);
        List<MissingReport> marked = new ArrayList<>();
        if (fund == null || fund.reportDeadline == null || OffsetDateTime.now(clock).isBefore(fund.reportDeadline)) {
            return marked;
        }
        for (Map.Entry<String, Ledger.Line> entry : ledger.lines(fundCode).entrySet()) {
            String istat = entry.getKey();
            Ledger.Line line = entry.getValue();
            if (!owesReport(line) || Report.latest(fundCode, istat) != null
                    || MissingReport.findById(new MissingReport.Key(fundCode, istat)) != null) {
                continue;
            }
            long available = Math.max(0, line.source(fundCode, SourceKind.FIN_A.label()).map(SourceFigures::available).orElse(0L));
            MissingReport missing = new MissingReport();
            missing.fundCode = fundCode;
            missing.istatCode = istat;
            missing.deadline = fund.reportDeadline;
            missing.available = Euro.ofCents(available);
            missing.markedAt = OffsetDateTime.now(clock);
            missing.eventId = UUID.fromString(outbox.publish(new ReportMissing(fundCode, istat, SourceKind.FIN_A.label(),
                    missing.available.toPlainString(), fund.reportDeadline.atZoneSameInstant(RomeTime.ZONE).toOffsetDateTime().toString())).id());
            missing.persist();
            marked.add(missing);
        }
        return marked;
    }
}
