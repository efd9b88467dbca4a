package org.fondicasa.application.events;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.fondicasa.application.budget.BudgetSource;
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
import org.fondicasa.platform.events.IdempotentConsumer;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;

import static org.fondicasa.platform.events.EventData.requireEuro;
import static org.fondicasa.platform.events.EventData.requireInteger;
import static org.fondicasa.platform.events.EventData.requireText;

/** Keeps each municipality's call budget sources in step with allocation-service, each event at most once. */
@ApplicationScoped
public class AllocationEventsListener {

    static final String CONSUMER = "application-service.budget";

    private final IdempotentConsumer consumer;
    private final Clock clock;

    public AllocationEventsListener(IdempotentConsumer consumer, Clock clock) {
        this.consumer = consumer;
        this.clock = clock;
    }

    @Incoming("allocation-events")
    @Blocking
    public void onEvent(String payload) {
        consumer.consume(CONSUMER, payload, AllocationEvent.CATALOG, (envelope, event) -> event.accept(new Budgets(OffsetDateTime.now(clock))));
    }

    /** Quotas, co-financing and bonus set what calls may spend; the other allocation events do not. */
    private static final class Budgets implements AllocationEvent.Handler {

        private final OffsetDateTime at;

        Budgets(OffsetDateTime at) {
            this.at = at;
        }

        /** The ordinary call's budget sources of the municipality: Fin_base, Fin_c, QEmi, QSmine and COFIN. */
        @Override
        public void cofinancingDeclared(CofinancingDeclared event) {
            String fund = requireText(event.fundCode(), "fundCode");
            String istat = requireText(event.istatCode(), "istatCode");
            int revision = requireInteger(event.revision(), "revision");
            String evidence = event.deliberationNumber() != null
                    ? "municipal deliberation " + event.deliberationNumber() + " of "
                    + (event.deliberationDate() != null ? event.deliberationDate() : "?")
                    + ", " + (event.budgetChapter() != null ? event.budgetChapter() : "no budget chapter")
                    : "declared by the municipality, deliberation pending";
            upsert(fund, istat, "Fin_base", revision, requireEuro(event.finBase(), "finBase"), "published split of fund " + fund);
            upsert(fund, istat, "Fin_c", revision, requireEuro(event.finC(), "finC"), "quota declared by the municipality");
            upsert(fund, istat, "QEmi", revision, requireEuro(event.qEmi(), "qEmi"), "arrears money redirected by the municipality");
            upsert(fund, istat, "QSmine", revision, requireEuro(event.qSmine(), "qSmine"), "earlier arrears leftovers (Annex E)");
            upsert(fund, istat, "COFIN", revision, requireEuro(event.cofin(), "cofin"), evidence);
        }

        /** Fin_a is the budget of the municipality's COVID rent emergency call (DOMAIN §1.4). */
        @Override
        public void quotaDeclared(QuotaDeclared event) {
            upsert(requireText(event.fundCode(), "fundCode"), requireText(event.istatCode(), "istatCode"), "Fin_a",
                    requireInteger(event.revision(), "revision"), requireEuro(event.finA(), "finA"),
                    "Fin_a declared by the municipality");
        }

        /** The co-financing bonus adds to the ordinary call's budget (DOMAIN §1.3); it is published once. */
        @Override
        public void bonusPublished(BonusPublished event) {
            upsert(requireText(event.fundCode(), "fundCode"), requireText(event.istatCode(), "istatCode"), "bonus", 1,
                    requireEuro(event.bonus(), "bonus"), "premialità published by " + requireText(event.legalAct(), "legalAct"));
        }

        @Override
        public void fundCreated(FundCreated event) {
        }

        @Override
        public void splitSimulated(SplitSimulated event) {
        }

        @Override
        public void splitPublished(SplitPublished event) {
        }

        @Override
        public void penaltyRecorded(PenaltyRecorded event) {
        }

        @Override
        public void budgetReserved(BudgetReserved event) {
            // a call's own reservation: the call already holds the amount allocation-service answered
        }

        @Override
        public void budgetReleased(BudgetReleased event) {
            // the call already knows what it did not spend
        }

        @Override
        public void savingsMoved(SavingsMoved event) {
        }

        private void upsert(String fund, String istat, String kind, int revision, BigDecimal amount, String legalRef) {
            BudgetSource source = BudgetSource.findById(new BudgetSource.Key(fund, istat, kind));
            if (source != null && source.revision >= revision) {
                return; // an older revision arriving late changes nothing
            }
            if (source == null) {
                source = new BudgetSource();
                source.fundCode = fund;
                source.istatCode = istat;
                source.kind = kind;
            }
            source.revision = revision;
            source.amount = amount;
            source.legalRef = legalRef;
            source.updatedAt = at;
            source.persist();
        }
    }
}
