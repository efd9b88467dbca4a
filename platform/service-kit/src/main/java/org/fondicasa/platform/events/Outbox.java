package org.fondicasa.platform.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.fondicasa.events.DomainEvent;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Writes an event in the caller's transaction, next to the state change it reports: both commit or neither
 * does. {@link OutboxRelay} publishes it afterwards. Only the event records of {@code event-contracts} are
 * written; one that does not match its schema is a programming error and rolls the whole transaction back.
 */
@ApplicationScoped
public class Outbox {

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final EventsConfig config;
    private final EventSchemas schemas = new EventSchemas(Thread.currentThread().getContextClassLoader());
    private final Clock clock;

    public Outbox(EntityManager em, ObjectMapper mapper, EventsConfig config, Clock clock) {
        this.em = em;
        this.mapper = mapper;
        this.config = config;
        this.clock = clock;
    }

    /** One event of the service's own topic: type, subject and key come from the event. */
    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope publish(DomainEvent event) {
        return publishAll(List.of(event)).get(0);
    }

    /** Several events of one change in one statement, in the order given, on the service's own topic. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<EventEnvelope> publishAll(List<? extends DomainEvent> events) {
        return write(config.topic(), events);
    }

    /** An event for another topic than the service's own (e.g. the dashboards' aggregates). */
    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope publishTo(String topic, DomainEvent event) {
        return write(topic, List.of(event)).get(0);
    }

    private List<EventEnvelope> write(String topic, List<? extends DomainEvent> events) {
        List<EventEnvelope> envelopes = new ArrayList<>(events.size());
        StringBuilder sql = new StringBuilder("insert into outbox_event (id, topic, event_key, event_type, payload, created_at) values ");
        for (int i = 0; i < events.size(); i++) {
            DomainEvent event = events.get(i);
            JsonNode dataNode = mapper.valueToTree(event);
            List<String> errors = config.validateOnWrite() ? schemas.validateData(event.eventType(), event.schemaVersion(), dataNode) : List.of();
            if (!errors.isEmpty()) {
                throw new IllegalStateException("event " + event.eventType() + " v" + event.schemaVersion() + " does not match its schema: " + errors);
            }
            envelopes.add(new EventEnvelope(EventEnvelope.SPEC_VERSION, UUID.randomUUID().toString(), event.eventType(),
                    config.source(), event.subject(), OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC),
                    "application/json", EventEnvelope.schemaUri(event.eventType(), event.schemaVersion()), event.schemaVersion(), dataNode));
            int p = i * 5;
            sql.append(i == 0 ? "" : ", ").append("(?").append(p + 1).append(", ?").append(p + 2).append(", ?").append(p + 3)
                    .append(", ?").append(p + 4).append(", ?").append(p + 5).append(", clock_timestamp())");
        }
        var insert = em.createNativeQuery(sql.toString());
        for (int i = 0; i < events.size(); i++) {
            EventEnvelope envelope = envelopes.get(i);
            int p = i * 5;
            insert.setParameter(p + 1, UUID.fromString(envelope.id()))
                    .setParameter(p + 2, topic)
                    .setParameter(p + 3, events.get(i).eventKey())
                    .setParameter(p + 4, envelope.type())
                    .setParameter(p + 5, toJson(envelope));
        }
        insert.executeUpdate();
        return envelopes;
    }

    private String toJson(EventEnvelope envelope) {
        try {
            return mapper.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise event " + envelope.type(), e);
        }
    }
}
