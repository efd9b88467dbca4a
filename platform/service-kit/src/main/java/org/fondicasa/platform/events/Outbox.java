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
    private final Clock clock = Clock.systemUTC();

    public Outbox(EntityManager em, ObjectMapper mapper, EventsConfig config) {
        this.em = em;
        this.mapper = mapper;
        this.config = config;
    }

    /**
     * @param subject the municipality ISTAT code the event is about, or null for region-wide events
     * @param key     the Kafka key: events with the same key are delivered in order (the ISTAT code when
     *                there is one, so that a municipality's events stay in order)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope publish(String type, int schemaVersion, String subject, String key, Object data) {
        JsonNode dataNode = mapper.valueToTree(data);
        List<String> errors = schemas.validateData(type, schemaVersion, dataNode);
        if (!errors.isEmpty()) {
            throw new IllegalStateException("event " + type + " v" + schemaVersion + " does not match its schema: " + errors);
        }
        EventEnvelope envelope = new EventEnvelope(EventEnvelope.SPEC_VERSION, UUID.randomUUID().toString(), type,
                config.source(), subject, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC),
                "application/json", EventEnvelope.schemaUri(type, schemaVersion), schemaVersion, dataNode);
        em.createNativeQuery("""
                        insert into outbox_event (id, topic, event_key, event_type, payload, created_at)
                        values (?1, ?2, ?3, ?4, ?5, now())""")
                .setParameter(1, UUID.fromString(envelope.id()))
                .setParameter(2, config.topic())
                .setParameter(3, key)
                .setParameter(4, type)
                .setParameter(5, toJson(envelope))
                .executeUpdate();
        return envelope;
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
