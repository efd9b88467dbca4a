package org.fondicasa.platform.health;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.fondicasa.platform.events.EventsConfig;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Readiness of the Kafka broker, answered within seconds even when the broker is unreachable (the stock check
 * waits a minute on the admin client's default timeout). Logs one line when the broker goes away or comes back.
 */
@Readiness
@ApplicationScoped
public class KafkaReadinessCheck implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(KafkaReadinessCheck.class);
    private static final int TIMEOUT_MS = 2_000;

    private final EventsConfig config;
    private volatile Admin admin;
    private volatile Boolean lastUp;

    public KafkaReadinessCheck(EventsConfig config) {
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        var builder = HealthCheckResponse.named("kafka broker").withData("bootstrap", config.bootstrapServers());
        boolean up;
        try {
            int nodes = admin().describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MS)).nodes()
                    .get(TIMEOUT_MS + 500L, TimeUnit.MILLISECONDS).size();
            builder.withData("nodes", nodes);
            up = nodes > 0;
        } catch (Exception e) {
            builder.withData("error", e.getClass().getSimpleName());
            up = false;
        }
        if (lastUp == null || lastUp != up) {
            if (up) {
                LOG.infof("Kafka broker reachable at %s", config.bootstrapServers());
            } else {
                LOG.warnf("Kafka broker not reachable at %s: readiness is DOWN until it is", config.bootstrapServers());
            }
            lastUp = up;
        }
        return builder.status(up).build();
    }

    private Admin admin() {
        if (admin == null) {
            synchronized (this) {
                if (admin == null) {
                    admin = Admin.create(Map.of(
                            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers(),
                            AdminClientConfig.CLIENT_ID_CONFIG, "readiness" + config.source().replace('/', '-'),
                            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MS,
                            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MS,
                            AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 5_000));
                }
            }
        }
        return admin;
    }

    void onStop(@Observes ShutdownEvent event) {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }
}
