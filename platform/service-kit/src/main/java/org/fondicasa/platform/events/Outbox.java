package org.fondicasa.platform.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.fondicasa.events.DomainEvent;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.SQLException;
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

    /**
     * One statement whatever the number of events, so the driver prepares it once on the server and Hibernate does not
     * parse a new SQL text per batch size; the sequence numbers follow the order given (the relay publishes by them).
     */
    private static final String INSERT = """
            insert into outbox_event (id, topic, event_key, event_type, payload, created_at)
            select e.id, ?, e.event_key, e.event_type, e.payload, clock_timestamp()
            from unnest(?::uuid[], ?::text[], ?::text[], ?::text[]) with ordinality as e(id, event_key, event_type, payload, n)
            order by e.n""";

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
        int n = events.size();
        List<EventEnvelope> envelopes = new ArrayList<>(n);
        UUID[] ids = new UUID[n];
        String[] keys = new String[n];
        String[] types = new String[n];
        String[] payloads = new String[n];
        for (int i = 0; i < n; i++) {
            DomainEvent event = events.get(i);
            JsonNode dataNode = mapper.valueToTree(event);
            List<String> errors = config.validateOnWrite() ? schemas.validateData(event.eventType(), event.schemaVersion(), dataNode) : List.of();
            if (!errors.isEmpty()) {
                throw new IllegalStateException("event " + event.eventType() + " v" + event.schemaVersion() + " does not match its schema: " + errors);
            }
            ids[i] = UUID.randomUUID();
            EventEnvelope envelope = new EventEnvelope(EventEnvelope.SPEC_VERSION, ids[i].toString(), event.eventType(),
                    config.source(), event.subject(), OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC),
                    "application/json", EventEnvelope.schemaUri(event.eventType(), event.schemaVersion()), event.schemaVersion(), dataNode);
            envelopes.add(envelope);
            keys[i] = event.eventKey();
            types[i] = envelope.type();
            payloads[i] = toJson(envelope);
        }
        // what a native query did before: the entity changes these events report reach the database first
        em.flush();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                insert.setString(1, topic);
                insert.setArray(2, connection.createArrayOf("uuid", ids));
                insert.setArray(3, connection.createArrayOf("text", keys));
                insert.setArray(4, connection.createArrayOf("text", types));
                insert.setArray(5, connection.createArrayOf("text", payloads));
                if (insert.executeUpdate() != n) {
                    throw new SQLException("not every event of the change reached the outbox");
                }
            }
        });
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
