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
import org.fondicasa.platform.events.UnprocessableEventException;
import org.fondicasa.reporting.dashboard.DashboardChanges;
import org.fondicasa.reporting.ledger.KnownFund;
import org.fondicasa.reporting.ledger.Ledger;
import org.fondicasa.reporting.ledger.SourceFigures;
import org.fondicasa.reporting.ledger.SourceKind;

import java.time.OffsetDateTime;
import java.util.UUID;

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
            fund.quotaFund = event.quotaFund();
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
            // the quota fund's Fin_c under another name: recorded to be compared, never a second source
            record(event, Ledger.Kind.ORDINARY_FIN_C, revision, istat, event.finC(), "finC", evidence);
            record(event, Ledger.Kind.QEMI, revision, istat, event.qEmi(), "qEmi", evidence);
            record(event, Ledger.Kind.QSMINE, revision, istat, event.qSmine(), "qSmine", evidence);
            record(event, Ledger.Kind.COFIN, revision, istat, event.cofin(), "cofin", evidence);
        }

        @Override
        public void bonusPublished(BonusPublished event) {
            record(event, Ledger.Kind.BONUS, 0, event.istatCode(), event.bonus(), "bonus",
                    "premialità, " + requireText(event.legalAct(), "legalAct"));
        }

        /** The source's fund may be another than the call's: the ordinary call's Fin_c is the FINCOVID Fin_c. */
        @Override
        public void budgetReserved(BudgetReserved event) {
            String callFund = requireText(event.callFundCode(), "callFundCode");
            record(event, Ledger.Kind.RESERVED, 0, event.istatCode(), event.amount(), "amount", requireText(event.legalRef(), "legalRef"),
                    new Ledger.Ref(requireText(event.source(), "source"), uuid(event.callId(), "callId"),
                            requireInteger(event.position(), "position"), callFund, null));
        }

        @Override
        public void budgetReleased(BudgetReleased event) {
            record(event, Ledger.Kind.RELEASED, 0, event.istatCode(), event.amount(), "amount", requireText(event.reason(), "reason"),
                    new Ledger.Ref(requireText(event.source(), "source"), uuid(event.callId(), "callId"), null, null, null));
        }

        /** Money out of its source and, for Fin_b, into the municipality's Fin_b: both sides, keyed by this event. */
        @Override
        public void savingsMoved(SavingsMoved event) {
            String destination = requireText(event.destination(), "destination");
            if (!SourceFigures.FIN_B.equals(destination) && !SourceFigures.HOUSING_AGENCIES.equals(destination)) {
                throw new UnprocessableEventException("destination " + destination + " is neither FIN_B nor HOUSING_AGENCIES");
            }
            boolean toFinB = SourceFigures.FIN_B.equals(destination);
            String legalRef = requireText(event.legalRef(), "legalRef");
            String cause = uuid(event.causeEventId(), "causeEventId");
            record(event, toFinB ? Ledger.Kind.MOVED_TO_FIN_B : Ledger.Kind.MOVED_TO_HOUSING_AGENCIES, 0, event.istatCode(),
                    event.amount(), "amount", legalRef, new Ledger.Ref(requireText(event.fromSource(), "fromSource"), null, null, null, cause));
            if (toFinB) {
                record(event, Ledger.Kind.MOVED_IN, 0, event.istatCode(), event.amount(), "amount",
                        legalRef + ", from " + event.fromSource(), new Ledger.Ref(SourceKind.FIN_B.label(), null, null, null, cause));
            }
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
            record(event, kind, revision, istatCode, amount, amountField, legalRef, Ledger.Ref.NONE);
        }

        private void record(AllocationEvent event, Ledger.Kind kind, int revision, String istatCode, String amount,
                            String amountField, String legalRef, Ledger.Ref ref) {
            recorder.record(envelope, requireText(event.fundCode(), "fundCode"), requireText(istatCode, "istatCode"),
                    kind, revision, requireEuro(amount, amountField), legalRef, ref);
        }
    }

    /** An event id or call id as the events carry it; anything else cannot be processed. */
    static String uuid(String value, String field) {
        try {
            return UUID.fromString(requireText(value, field)).toString();
        } catch (IllegalArgumentException e) {
            throw new UnprocessableEventException("field " + field + " is not a UUID: " + value);
        }
    }
}
