package org.fondicasa.events;

/**
 * An event's data as its producer publishes it: one record per type and schema version, whose components are the
 * properties of {@code events/schemas/<type>.v<version>.json}. The outbox takes the envelope's type, subject and
 * Kafka key from here, so a producer cannot send a municipality's event on another municipality's key.
 * Money travels as decimal strings with exactly two decimals; numbers and booleans are boxed so that a consumer tells
 * a field that is absent from one that is zero or false.
 */
public interface DomainEvent {

    String eventType();

    int schemaVersion();

    /** The municipality ISTAT code the event is about, or null for region-wide events. */
    String subject();

    /** Events with the same key are delivered in order: the municipality's ISTAT code unless said otherwise. */
    default String eventKey() {
        return subject();
    }
}
