package org.fondicasa.events.allocation;

import org.fondicasa.events.DomainEvent;
import org.fondicasa.events.EventCatalog;

/** What allocation-service publishes on {@code allocation.events}. */
public sealed interface AllocationEvent extends DomainEvent
        permits FundCreated, SplitSimulated, SplitPublished, QuotaDeclared, CofinancingDeclared, BonusPublished,
        PenaltyRecorded, SavingsMoved, BudgetReserved, BudgetReleased {

    EventCatalog<AllocationEvent> CATALOG = EventCatalog.of(AllocationEvent.class);

    /** Every allocation event is about one fund. */
    String fundCode();

    /** Calls the handler's method for this event's type. */
    void accept(Handler handler);

    /**
     * What a consumer of {@code allocation.events} does with each type: one method per type, so that a new type does not
     * compile until every consumer has decided what it means to it.
     */
    interface Handler {
        void fundCreated(FundCreated event);

        void splitSimulated(SplitSimulated event);

        void splitPublished(SplitPublished event);

        void quotaDeclared(QuotaDeclared event);

        void cofinancingDeclared(CofinancingDeclared event);

        void bonusPublished(BonusPublished event);

        void penaltyRecorded(PenaltyRecorded event);

        void savingsMoved(SavingsMoved event);

        void budgetReserved(BudgetReserved event);

        void budgetReleased(BudgetReleased event);
    }
}
