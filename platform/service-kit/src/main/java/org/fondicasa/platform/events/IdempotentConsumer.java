package org.fondicasa.platform.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.fondicasa.events.DomainEvent;
import org.fondicasa.events.EventCatalog;
import org.fondicasa.platform.health.SchemaMigration;
import org.jboss.logging.Logger;

import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Runs an event's effect at most once: the event id goes into {@code processed_event} in the same
 * transaction as the effect, so a redelivered event finds its id and is skipped. Bad content is thrown as
 * {@link UnprocessableEventException} (the channel's dead-letter strategy takes it); an unreachable
 * database is waited for, never dead-lettered, so that nothing is lost or reordered by an outage.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final EventsConfig config;
    private final MeterRegistry registry;
    private final SchemaMigration schema;
    private final EventSchemas schemas = new EventSchemas(Thread.currentThread().getContextClassLoader());

    public IdempotentConsumer(EntityManager em, ObjectMapper mapper, EventsConfig config, MeterRegistry registry,
                              SchemaMigration schema) {
        this.schema = schema;
        this.em = em;
        this.mapper = mapper;
        this.config = config;
        this.registry = registry;
    }

    /** @return true if the effect ran, false if the event had been processed before */
    public boolean consume(String consumer, String payload, EventHandler handler) {
        EventEnvelope event = parse(payload);
        awaitSchema();
        int attempt = 0;
        Duration backoff = Duration.ofMillis(200);
        while (true) {
            attempt++;
            try {
                boolean ran = QuarkusTransaction.requiringNew().call(() -> applyOnce(consumer, event, handler));
                registry.counter("fondicasa.events.consumed", "type", event.type(), "outcome", ran ? "applied" : "duplicate")
                        .increment();
                return ran;
            } catch (UnprocessableEventException e) {
                throw e;
            } catch (RuntimeException e) {
                if (isConnectionFailure(e)) {
                    LOG.warnf("Database unreachable while processing event %s (%s); waiting %s before retrying",
                            event.id(), event.type(), backoff);
                    sleep(backoff);
                    backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30) : backoff.multipliedBy(2);
                    attempt--;
                    continue;
                }
                if (attempt >= config.consumerAttempts()) {
                    throw new UnprocessableEventException(consumer + " failed to process event " + event.id() + " ("
                            + event.type() + ") after " + attempt + " attempts: " + OutboxRelay.rootMessage(e), e);
                }
                LOG.debugf(e, "Attempt %d for event %s failed", attempt, event.id());
                sleep(backoff);
            }
        }
    }

    /**
     * The same, for a topic whose types are the records of {@code topic}: the event is read into its record and handed
     * over; a type (or version) the contract does not know is recorded as processed and otherwise ignored.
     */
    public <E extends DomainEvent> boolean consume(String consumer, String payload, EventCatalog<E> topic,
                                                   ContractHandler<E> handler) {
        return consume(consumer, payload, envelope -> topic.recordOf(envelope.type(), envelope.schemaversion())
                .ifPresent(record -> handler.handle(envelope, EventData.read(envelope.data(), record))));
    }

    private void awaitSchema() {
        try {
            while (!schema.awaitMigrated(30, java.util.concurrent.TimeUnit.SECONDS)) {
                LOG.warn("Waiting for the database schema before processing events");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the database", e);
        }
    }

    private boolean applyOnce(String consumer, EventEnvelope event, EventHandler handler) {
        int inserted = em.createNativeQuery("""
                        insert into processed_event (event_id, consumer, event_type, source, processed_at)
                        values (?1, ?2, ?3, ?4, now()) on conflict do nothing""")
                .setParameter(1, UUID.fromString(event.id()))
                .setParameter(2, consumer)
                .setParameter(3, event.type())
                .setParameter(4, event.source())
                .executeUpdate();
        if (inserted == 0) {
            LOG.debugf("Event %s (%s) already processed by %s: skipped", event.id(), event.type(), consumer);
            return false;
        }
        handler.handle(event);
        return true;
    }

    private EventEnvelope parse(String payload) {
        JsonNode node;
        try {
            node = mapper.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new UnprocessableEventException("not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new UnprocessableEventException("not a JSON object");
        }
        // the envelope only: the data is read field by field into its record (EventData.read), as strictly as the
        // consumers read it before the schemas of every type were on their classpath
        List<String> errors = schemas.validateEnvelope(node);
        if (!errors.isEmpty()) {
            throw new UnprocessableEventException("invalid event: " + String.join("; ", errors));
        }
        try {
            return mapper.treeToValue(node, EventEnvelope.class);
        } catch (JsonProcessingException e) {
            throw new UnprocessableEventException("invalid envelope: " + e.getOriginalMessage());
        }
    }

    static boolean isConnectionFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof org.hibernate.exception.JDBCConnectionException) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", ie);
        }
    }
}
