package org.fondicasa.events.reporting;

import org.fondicasa.events.DomainEvent;
import org.fondicasa.events.EventCatalog;

/** What reporting-service publishes on {@code dashboard.aggregates} for external dashboards. */
public sealed interface DashboardEvent extends DomainEvent
        permits DashboardFundUpdated {

    EventCatalog<DashboardEvent> CATALOG = EventCatalog.of(DashboardEvent.class);

    /** Calls the handler's method for this event's type. */
    void accept(Handler handler);

    /**
     * What a consumer of {@code dashboard.aggregates} does with each type: one method per type, so that a new type does not
     * compile until every consumer has decided what it means to it.
     */
    interface Handler {
        void dashboardFundUpdated(DashboardFundUpdated event);
    }
}
