package org.fondicasa.events.reporting;

import org.fondicasa.events.DomainEvent;
import org.fondicasa.events.EventCatalog;

/** What reporting-service publishes on {@code reporting.events}. */
public sealed interface ReportingEvent extends DomainEvent
        permits ReportSubmitted, SavingsDeclared, ReportMissing {

    EventCatalog<ReportingEvent> CATALOG = EventCatalog.of(ReportingEvent.class);

    /** Every reporting event is about one municipality's report on one fund. */
    String fundCode();

    String istatCode();

    /** Calls the handler's method for this event's type. */
    void accept(Handler handler);

    /**
     * What a consumer of {@code reporting.events} does with each type: one method per type, so that a new type does not
     * compile until every consumer has decided what it means to it.
     */
    interface Handler {
        void reportSubmitted(ReportSubmitted event);

        void savingsDeclared(SavingsDeclared event);

        void reportMissing(ReportMissing event);
    }
}
