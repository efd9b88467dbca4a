package org.fondicasa.events.application;

import org.fondicasa.events.DomainEvent;
import org.fondicasa.events.EventCatalog;

/** What application-service publishes on {@code application.events}: calls and applications, never personal data. */
public sealed interface ApplicationEvent extends DomainEvent
        permits CallOpened, CallBudgetIncreased, CallClosed, RankingPublished, ApplicationReceived,
        ApplicationAssessed, ApplicationNotFunded, ApplicationWithdrawn, ContributionGranted, ContributionPaid,
        ContributionRevoked {

    EventCatalog<ApplicationEvent> CATALOG = EventCatalog.of(ApplicationEvent.class);

    /** Every application event is about one call; a regional call has no municipality, a call on own money no fund. */
    String callId();

    String kind();

    String istatCode();

    String fundCode();

    /** Calls the handler's method for this event's type. */
    void accept(Handler handler);

    /**
     * What a consumer of {@code application.events} does with each type: one method per type, so that a new type does not
     * compile until every consumer has decided what it means to it.
     */
    interface Handler {
        void callOpened(CallOpened event);

        void callBudgetIncreased(CallBudgetIncreased event);

        void callClosed(CallClosed event);

        void rankingPublished(RankingPublished event);

        void applicationReceived(ApplicationReceived event);

        void applicationAssessed(ApplicationAssessed event);

        void applicationNotFunded(ApplicationNotFunded event);

        void applicationWithdrawn(ApplicationWithdrawn event);

        void contributionGranted(ContributionGranted event);

        void contributionPaid(ContributionPaid event);

        void contributionRevoked(ContributionRevoked event);
    }
}
