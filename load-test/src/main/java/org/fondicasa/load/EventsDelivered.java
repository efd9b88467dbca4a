package org.fondicasa.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * After a fault: did every event of the call leave the outbox, and is each one on the topic? Reads the outbox table
 * and then the whole {@code application.events} topic, as a consumer that joined after the fact would.
 */
final class EventsDelivered {

    private static final String TOPIC = "application.events";
    private static final ObjectMapper JSON = new ObjectMapper();

    private EventsDelivered() {
    }

    /**
     * The two checks: the outbox empty (the relay deletes a row once Kafka acknowledged it), and on the topic one
     * distinct ApplicationReceived per stored application of the call: as many distinct event ids and distinct
     * protocol numbers as applications, every protocol number one of the call's stored applications.
     */
    static List<IntakeChecks.Check> checks(DurablePostgres postgres, String bootstrapServers, String call, long stored,
                                           Duration wait) throws InterruptedException {
        long unpublished = awaitOutboxEmpty(postgres, wait);
        IntakeChecks.Check outbox = new IntakeChecks.Check("every event of the burst published to Kafka (outbox empty)",
                unpublished == 0, n(unpublished) + " events still in the outbox");
        OnTopic topic;
        try {
            topic = read(bootstrapServers, call);
        } catch (RuntimeException e) {
            return List.of(outbox, new IntakeChecks.Check("one ApplicationReceived per application on the topic", false,
                    "could not read " + TOPIC + ": " + e.getMessage()));
        }
        long strangers = topic.protocols().isEmpty() ? 0 : IntakeLoad.single(postgres, "select " + topic.protocols().size()
                + " - count(*) from application.application where call_id = '" + call + "' and protocol_number = any('{"
                + String.join(",", topic.protocols()) + "}')");
        return List.of(outbox, new IntakeChecks.Check("one ApplicationReceived per application on the topic "
                + "(at least once: a repeat is dropped by the consumers by event id)",
                topic.distinct() == stored && topic.protocols().size() == stored && strangers == 0,
                String.format(Locale.ROOT, "%s distinct events and %s distinct protocol numbers for %s applications, %s of them not "
                                + "a stored application of the call; %s records in all (%s sent twice by the relay's retries)",
                        n(topic.distinct()), n(topic.protocols().size()), n(stored), n(strangers), n(topic.records()),
                        n(topic.records() - topic.distinct()))));
    }

    /** Waits until the relay has published every outbox row or the time is up; the rows still unpublished. */
    static long awaitOutboxEmpty(DurablePostgres postgres, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        long unpublished;
        while ((unpublished = IntakeLoad.single(postgres, "select count(*) from application.outbox_event")) != 0
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        return unpublished;
    }

    record OnTopic(long records, long distinct, Set<String> protocols) {
    }

    /** Every ApplicationReceived record of the call on the topic, from the first offset to the last. */
    static OnTopic read(String bootstrapServers, String call) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(TOPIC, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions, Duration.ofSeconds(30)));
            long records = 0;
            Set<String> ids = new HashSet<>();
            Set<String> protocols = new HashSet<>();
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the topic was not read to its end within 5 minutes");
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(1))) {
                    JsonNode data = "ApplicationReceived".equals(header(record, "ce_type")) ? data(record.value()) : null;
                    if (data != null && call.equals(data.path("callId").asText(null))) {
                        records++;
                        ids.add(header(record, "ce_id"));
                        protocols.add(data.path("protocolNumber").asText());
                    }
                }
            }
            return new OnTopic(records, ids.size(), protocols);
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static JsonNode data(String payload) {
        try {
            return JSON.readTree(payload).path("data");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String n(long value) {
        return Machine.formatInt(value);
    }
}
