package org.fondicasa.reporting.events;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.fondicasa.events.allocation.AllocationEvent;
import org.fondicasa.events.allocation.BonusPublished;
import org.fondicasa.events.allocation.BudgetReleased;
import org.fondicasa.events.allocation.BudgetReserved;
import org.fondicasa.events.allocation.CofinancingDeclared;
import org.fondicasa.events.allocation.FundCreated;
import org.fondicasa.events.allocation.PenaltyRecorded;
import org.fondicasa.events.allocation.QuotaDeclared;
import org.fondicasa.events.allocation.SavingsMoved;
import org.fondicasa.events.allocation.SplitPublished;
import org.fondicasa.events.allocation.SplitSimulated;
import org.fondicasa.platform.events.EventEnvelope;
import org.fondicasa.platform.events.IdempotentConsumer;
import org.fondicasa.reporting.dashboard.DashboardChanges;
import org.fondicasa.reporting.ledger.KnownFund;
import org.fondicasa.reporting.ledger.Ledger;

import java.time.OffsetDateTime;

import static org.fondicasa.platform.events.EventData.requireEuro;
import static org.fondicasa.platform.events.EventData.requireInteger;
import static org.fondicasa.platform.events.EventData.requireText;

/** Turns allocation-service's events into ledger figures, each event at most once. */
@ApplicationScoped
public class AllocationEventsListener {

    static final String CONSUMER = "reporting-service.ledger";

    private final IdempotentConsumer consumer;
    private final DashboardChanges changes;
    private final LedgerRecorder recorder;

    public AllocationEventsListener(IdempotentConsumer consumer, DashboardChanges changes, LedgerRecorder recorder) {
        this.consumer = consumer;
        this.changes = changes;
        this.recorder = recorder;
    }

    @Incoming("allocation-events")
    @Blocking
    public void onEvent(String payload) {
        consumer.consume(CONSUMER, payload, AllocationEvent.CATALOG, this::apply);
    }

    void apply(EventEnvelope envelope, AllocationEvent event) {
        if (event.fundCode() != null) {
            changes.touched(event.fundCode());
        }
        event.accept(new Figures(envelope, recorder));
    }

    /** The money figures each event declares or moves, keyed by the event that said so. */
    private static final class Figures implements AllocationEvent.Handler {

        private final EventEnvelope envelope;
        private final LedgerRecorder recorder;

        Figures(EventEnvelope envelope, LedgerRecorder recorder) {
            this.envelope = envelope;
            this.recorder = recorder;
        }

        @Override
        public void fundCreated(FundCreated event) {
            String code = requireText(event.fundCode(), "fundCode");
            if (KnownFund.findById(code) != null) {
                return;
            }
            KnownFund fund = new KnownFund();
            fund.code = code;
            fund.title = requireText(event.title(), "title");
            fund.legalAct = requireText(event.legalAct(), "legalAct");
            fund.year = requireInteger(event.year(), "year");
            fund.amount = requireEuro(event.amount(), "amount");
            fund.reportDeadline = event.reportDeadline() != null ? OffsetDateTime.parse(event.reportDeadline()) : null;
            fund.persist();
        }

        @Override
        public void splitPublished(SplitPublished event) {
            record(event, Ledger.Kind.SHARE, 0, event.istatCode(), event.share(), "share",
                    "published split, " + requireText(event.legalAct(), "legalAct"));
        }

        @Override
        public void quotaDeclared(QuotaDeclared event) {
            int revision = requireInteger(event.revision(), "revision");
            String istat = event.istatCode();
            String why = "quota declared by the municipality";
            record(event, Ledger.Kind.FIN_A, revision, istat, event.finA(), "finA", why);
            record(event, Ledger.Kind.FIN_B, revision, istat, event.finB(), "finB", why);
            record(event, Ledger.Kind.FIN_C, revision, istat, event.finC(), "finC", why);
        }

        @Override
        public void cofinancingDeclared(CofinancingDeclared event) {
            int revision = requireInteger(event.revision(), "revision");
            String evidence = event.deliberationNumber() != null
                    ? "deliberation " + event.deliberationNumber() + " of "
                    + (event.deliberationDate() != null ? event.deliberationDate() : "?")
                    : "no deliberation yet";
            String istat = event.istatCode();
            record(event, Ledger.Kind.FIN_BASE, revision, istat, event.finBase(), "finBase",
                    "published split of the ordinary fund");
            record(event, Ledger.Kind.QEMI, revision, istat, event.qEmi(), "qEmi", evidence);
            record(event, Ledger.Kind.QSMINE, revision, istat, event.qSmine(), "qSmine", evidence);
            record(event, Ledger.Kind.COFIN, revision, istat, event.cofin(), "cofin", evidence);
        }

        @Override
        public void bonusPublished(BonusPublished event) {
            record(event, Ledger.Kind.BONUS, 0, event.istatCode(), event.bonus(), "bonus",
                    "premialità, " + requireText(event.legalAct(), "legalAct"));
        }

        @Override
        public void budgetReserved(BudgetReserved event) {
            // TODO(#12) per-source ledger
        }

        @Override
        public void budgetReleased(BudgetReleased event) {
            // TODO(#12) per-source ledger
        }

        @Override
        public void savingsMoved(SavingsMoved event) {
            Ledger.Kind kind = "FIN_B".equals(requireText(event.destination(), "destination"))
                    ? Ledger.Kind.MOVED_TO_FIN_B : Ledger.Kind.MOVED_TO_HOUSING_AGENCIES;
            record(event, kind, 0, event.istatCode(), event.amount(), "amount", requireText(event.legalRef(), "legalRef"));
        }

        @Override
        public void splitSimulated(SplitSimulated event) {
            // a simulation allocates nothing
        }

        @Override
        public void penaltyRecorded(PenaltyRecorded event) {
            // a penalty cuts the next fund's split, which arrives as that fund's SplitPublished
        }

        private void record(AllocationEvent event, Ledger.Kind kind, int revision, String istatCode, String amount,
                            String amountField, String legalRef) {
            recorder.record(envelope, requireText(event.fundCode(), "fundCode"), requireText(istatCode, "istatCode"),
                    kind, revision, requireEuro(amount, amountField), legalRef);
        }
    }
}
