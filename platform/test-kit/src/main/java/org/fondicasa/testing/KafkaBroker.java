package org.fondicasa.testing;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.testcontainers.kafka.KafkaContainer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * A real Kafka broker: one combined KRaft node in this JVM (Apache Kafka's own test kit, from Maven Central)
 * on random ports, or a Testcontainers container where a Docker engine answers.
 */
public final class KafkaBroker implements AutoCloseable {

    private final KafkaClusterTestKit cluster;
    private final KafkaContainer container;

    private KafkaBroker(KafkaClusterTestKit cluster, KafkaContainer container) {
        this.cluster = cluster;
        this.container = container;
    }

    public static KafkaBroker start(Path baseDir) {
        if (Servers.useContainers()) {
            KafkaContainer container = new KafkaContainer("apache/kafka:4.1.1");
            container.start();
            return new KafkaBroker(null, container);
        }
        try {
            TestKitNodes.Builder nodes = new TestKitNodes.Builder().setCombined(true)
                    .setNumBrokerNodes(1).setNumControllerNodes(1);
            if (baseDir != null) {
                Files.createDirectories(baseDir);
                nodes.setBaseDirectory(baseDir);
            }
            KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(nodes.build())
                    .setConfigProp("auto.create.topics.enable", "true")
                    .setConfigProp("num.partitions", "3")
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("offsets.topic.num.partitions", "3")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            return new KafkaBroker(cluster, null);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the embedded Kafka broker", e);
        }
    }

    public String bootstrapServers() {
        return cluster != null ? cluster.bootstrapServers() : container.getBootstrapServers();
    }

    /** Creates topics with the given partitions; existing ones are left alone. */
    public void createTopics(Collection<String> topics, int partitions) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            for (String topic : topics) {
                try {
                    admin.createTopics(java.util.List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + topic, e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            if (cluster != null) {
                cluster.close();
            } else {
                container.stop();
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop Kafka", e);
        }
    }
}
