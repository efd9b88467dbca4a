package org.fondicasa.platform.events;

/** The effect of one event, run inside the transaction that records the event as processed. */
@FunctionalInterface
public interface EventHandler {
    void handle(EventEnvelope event);
}
