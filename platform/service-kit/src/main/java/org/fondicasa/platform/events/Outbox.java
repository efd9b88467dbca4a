package org.fondicasa.platform.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Writes an event in the caller's transaction, next to the state change it reports: both commit or neither
 * does. {@link OutboxRelay} publishes it afterwards. Data that does not match its schema is a programming
 * error and rolls the whole transaction back.
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

    /**
     * One event to write: its type and schema version, the municipality ISTAT code it is about (or null for
     * region-wide events) and the Kafka key (events with the same key are delivered in order: the ISTAT code when there
     * is one, so that a municipality's events stay in order). {@code topic} null means the service's own topic.
     */
    public record Event(String type, int schemaVersion, String subject, String key, Object data, String topic) {
        public Event(String type, int schemaVersion, String subject, String key, Object data) {
            this(type, schemaVersion, subject, key, data, null);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope publish(String type, int schemaVersion, String subject, String key, Object data) {
        return publishAll(List.of(new Event(type, schemaVersion, subject, key, data))).get(0);
    }

    /** Several events of one change in one statement, in the order given. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<EventEnvelope> publishAll(List<Event> events) {
        List<EventEnvelope> envelopes = new ArrayList<>(events.size());
        StringBuilder sql = new StringBuilder("insert into outbox_event (id, topic, event_key, event_type, payload, created_at) values ");
        for (int i = 0; i < events.size(); i++) {
            Event event = events.get(i);
            JsonNode dataNode = mapper.valueToTree(event.data());
            List<String> errors = schemas.validateData(event.type(), event.schemaVersion(), dataNode);
            if (!errors.isEmpty()) {
                throw new IllegalStateException("event " + event.type() + " v" + event.schemaVersion() + " does not match its schema: " + errors);
            }
            envelopes.add(new EventEnvelope(EventEnvelope.SPEC_VERSION, UUID.randomUUID().toString(), event.type(),
                    config.source(), event.subject(), OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC),
                    "application/json", EventEnvelope.schemaUri(event.type(), event.schemaVersion()), event.schemaVersion(), dataNode));
            int p = i * 5;
            sql.append(i == 0 ? "" : ", ").append("(?").append(p + 1).append(", ?").append(p + 2).append(", ?").append(p + 3)
                    .append(", ?").append(p + 4).append(", ?").append(p + 5).append(", clock_timestamp())");
        }
        var insert = em.createNativeQuery(sql.toString());
        for (int i = 0; i < events.size(); i++) {
            EventEnvelope envelope = envelopes.get(i);
            int p = i * 5;
            insert.setParameter(p + 1, UUID.fromString(envelope.id()))
                    .setParameter(p + 2, events.get(i).topic() != null ? events.get(i).topic() : config.topic())
                    .setParameter(p + 3, events.get(i).key())
                    .setParameter(p + 4, envelope.type())
                    .setParameter(p + 5, toJson(envelope));
        }
        insert.executeUpdate();
        return envelopes;
    }

    /** For events about one municipality: keyed and subject-ed by its ISTAT code. */
    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope publishForMunicipality(String type, int schemaVersion, String istatCode, Object data) {
        return publish(type, schemaVersion, istatCode, istatCode, data);
    }

    private String toJson(EventEnvelope envelope) {
        try {
            return mapper.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise event " + envelope.type(), e);
        }
    }
}
