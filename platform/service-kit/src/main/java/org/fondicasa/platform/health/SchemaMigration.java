package org.fondicasa.platform.health;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Migrates the schema at startup without letting an unreachable database crash the service: the first
 * attempt runs before the service takes traffic; if it fails the service stays up with readiness DOWN, says so
 * in one log line, and keeps trying in the background.
 */
@Readiness
@jakarta.enterprise.inject.Default
@ApplicationScoped
public class SchemaMigration implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class);
    private final Flyway flyway;
    private final Duration retry;
    private final CountDownLatch migrated = new CountDownLatch(1);
    private volatile String lastError;

    public SchemaMigration(Flyway flyway,
                           @ConfigProperty(name = "fondicasa.schema.retry-interval", defaultValue = "5s") Duration retry) {
        this.flyway = flyway;
        this.retry = retry;
    }

    void onStart(@Observes StartupEvent event) {
        if (attempt()) {
            return;
        }
        LOG.warnf("Database not reachable (%s): readiness is DOWN; retrying every %s", lastError, retry);
        Thread retrying = new Thread(() -> {
            while (!attempt()) {
                try {
                    Thread.sleep(retry.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
            LOG.info("Database reachable again: schema migrated, readiness follows the other checks");
        }, "schema-migration-retry");
        retrying.setDaemon(true);
        retrying.start();
    }

    private boolean attempt() {
        try {
            var result = flyway.migrate();
            LOG.infof("Schema %s at version %s (%d migration(s) applied)", result.schemaName,
                    flyway.info().current() == null ? "-" : flyway.info().current().getVersion(), result.migrationsExecuted);
            lastError = null;
            migrated.countDown();
            return true;
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            lastError = root.getClass().getSimpleName() + ": " + root.getMessage();
            return false;
        }
    }

    public boolean isMigrated() {
        return migrated.getCount() == 0;
    }

    /** Blocks a consumer until the schema exists, so that no event is handled against a missing table. */
    public boolean awaitMigrated(long timeout, TimeUnit unit) throws InterruptedException {
        return migrated.await(timeout, unit);
    }

    @Override
    public HealthCheckResponse call() {
        var builder = HealthCheckResponse.named("database schema").status(isMigrated());
        if (lastError != null) {
            builder.withData("error", lastError);
        }
        return builder.build();
    }
}
