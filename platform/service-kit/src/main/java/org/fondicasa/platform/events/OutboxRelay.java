package org.fondicasa.platform.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.fondicasa.platform.health.SchemaMigration;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Publishes outbox rows to Kafka in commit order and deletes them once Kafka has acknowledged them: the outbox holds
 * only what is still to publish, and Kafka is the record of what was (deleting a row writes a few dozen bytes of WAL,
 * marking it published wrote a whole new row version and its index entries). At-least-once: a crash between send
 * and delete re-sends, and consumers drop the duplicate by event id. A PostgreSQL advisory lock keeps a
 * single relay active per database, so several replicas never interleave and per-key order holds.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    // any constant works: it only has to be the same for every replica of a service
    private static final long ADVISORY_LOCK_KEY = 0x0f0d1ca5aL;

    private final EntityManager em;
    private final EventsConfig config;
    private final SchemaMigration schema;
    private final Counter published;
    private final AtomicReference<String> lastFailure = new AtomicReference<>();
    private volatile KafkaProducer<String, String> producer;
    private volatile boolean stopping;

    public OutboxRelay(EntityManager em, EventsConfig config, SchemaMigration schema, MeterRegistry registry) {
        this.em = em;
        this.config = config;
        this.schema = schema;
        this.published = Counter.builder("fondicasa.outbox.published").description("events published from the outbox")
                .register(registry);
        registry.gauge("fondicasa.outbox.pending", this, OutboxRelay::pendingOrMinusOne);
    }

    @Scheduled(every = "${fondicasa.events.relay-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        if (stopping || !schema.isMigrated()) {
            return;
        }
        try {
            int sent;
            do {
                sent = relayBatch();
            } while (sent == config.relayBatchSize());
            if (lastFailure.getAndSet(null) != null) {
                LOG.info("Outbox relay recovered: publishing events again");
            }
        } catch (RuntimeException e) {
            String reason = rootMessage(e);
            if (!reason.equals(lastFailure.getAndSet(reason))) {
                LOG.warnf("Outbox relay cannot publish (%s); events stay in the outbox and are retried", reason);
            }
        }
    }

    /** Publishes up to one batch; returns how many rows were published. */
    public int relayBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Boolean locked = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                    .setParameter(1, ADVISORY_LOCK_KEY).getSingleResult();
            if (!Boolean.TRUE.equals(locked)) {
                return 0;
            }
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                            select id, topic, event_key, event_type, payload from outbox_event
                            order by seq limit ?1""")
                    .setParameter(1, config.relayBatchSize()).getResultList();
            if (rows.isEmpty()) {
                return 0;
            }
            List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
            List<UUID> ids = new ArrayList<>(rows.size());
            for (Object[] row : rows) {
                ProducerRecord<String, String> record = new ProducerRecord<>((String) row[1], (String) row[2], (String) row[4]);
                record.headers().add("ce_id", row[0].toString().getBytes(StandardCharsets.UTF_8));
                record.headers().add("ce_type", ((String) row[3]).getBytes(StandardCharsets.UTF_8));
                acks.add(producer().send(record));
                ids.add((UUID) row[0]);
            }
            producer().flush();
            for (Future<RecordMetadata> ack : acks) {
                ack.get(30, TimeUnit.SECONDS);
            }
            em.createNativeQuery("delete from outbox_event where id = any(?1)")
                    .setParameter(1, ids.toArray(UUID[]::new)).executeUpdate();
            published.increment(rows.size());
            return rows.size();
        });
    }

    /** Unpublished rows, or -1 when the database cannot be asked. */
    public long pendingOrMinusOne() {
        if (!schema.isMigrated()) {
            return -1;
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                    .createNativeQuery("select count(*) from outbox_event")
                    .getSingleResult()).longValue());
        } catch (RuntimeException e) {
            return -1;
        }
    }

    public String lastFailure() {
        return lastFailure.get();
    }

    private KafkaProducer<String, String> producer() {
        if (producer == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = new KafkaProducer<>(Map.of(
                            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers(),
                            ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay" + config.source().replace('/', '-'),
                            ProducerConfig.ACKS_CONFIG, "all",
                            // idempotence keeps per-partition order across the producer's own retries
                            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                            ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000,
                            ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000,
                            ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 10_000),
                            new StringSerializer(), new StringSerializer());
                }
            }
        }
        return producer;
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(5));
        }
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
