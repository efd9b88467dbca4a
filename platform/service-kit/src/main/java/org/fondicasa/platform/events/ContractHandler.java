package org.fondicasa.platform.events;

import org.fondicasa.events.DomainEvent;

/**
 * The effect of one event of a topic's contract, read into its record; the envelope comes along for the event id and
 * time that the effect records.
 */
@FunctionalInterface
public interface ContractHandler<E extends DomainEvent> {
    void handle(EventEnvelope envelope, E event);
}
