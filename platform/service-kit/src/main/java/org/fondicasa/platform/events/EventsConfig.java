package org.fondicasa.platform.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "fondicasa.events")
public interface EventsConfig {

    /** CloudEvents {@code source} of what this service emits, e.g. {@code /allocation-service}. */
    String source();

    /** The topic this service's outbox publishes to. */
    String topic();

    /** Kafka bootstrap servers for the outbox relay (the same broker the consumers use). */
    @WithDefault("${kafka.bootstrap.servers:localhost:9092}")
    String bootstrapServers();

    /** How often the relay looks for unpublished outbox rows (the scheduler's finest grain is one second). */
    @WithDefault("1s")
    Duration relayInterval();

    /**
     * Checks every event against its JSON Schema when it is written to the outbox. On in tests (a contract broken by
     * the code fails there); off in production, where it is work on every application's hot path and every consumer
     * checks each envelope it receives anyway (an event that does not match goes to the dead letters with the reason).
     */
    @WithDefault("true")
    boolean validateOnWrite();

    /** Rows the relay publishes per transaction. */
    @WithDefault("500")
    int relayBatchSize();

    /** Attempts for a consumed event whose processing fails for a reason other than bad content. */
    @WithDefault("3")
    int consumerAttempts();
}
