package org.fondicasa.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.fondicasa.platform.events.OutboxRelay;

/** DOWN while the relay cannot publish; the events wait in the outbox meanwhile, and the count says how many. */
@Readiness
@ApplicationScoped
public class OutboxHealthCheck implements HealthCheck {

    private final OutboxRelay relay;

    public OutboxHealthCheck(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public HealthCheckResponse call() {
        String failure = relay.lastFailure();
        var builder = HealthCheckResponse.named("outbox relay").status(failure == null)
                .withData("pending", relay.pendingOrMinusOne());
        if (failure != null) {
            builder.withData("error", failure);
        }
        return builder.build();
    }
}
