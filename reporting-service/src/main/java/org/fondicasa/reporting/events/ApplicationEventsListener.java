package org.fondicasa.reporting.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.fondicasa.platform.events.EventEnvelope;
import org.fondicasa.platform.events.IdempotentConsumer;
import org.fondicasa.reporting.ledger.Ledger;

import static org.fondicasa.platform.events.EventData.euro;
import static org.fondicasa.platform.events.EventData.text;

/**
 * Turns application-service's money events into ledger flows of the fund and municipality they belong to, each event
 * at most once: granted, revoked, paid and withheld, and what a closed call left unspent. Calls without a fund (a
 * municipality's own money, the regional microcredit) are not part of a fund's ledger.
 */
@ApplicationScoped
public class ApplicationEventsListener {

    static final String CONSUMER = "reporting-service.ledger";

    private final IdempotentConsumer consumer;

    public ApplicationEventsListener(IdempotentConsumer consumer) {
        this.consumer = consumer;
    }

    @Incoming("application-events")
    @Blocking
    public void onEvent(String payload) {
        consumer.consume(CONSUMER, payload, this::apply);
    }

    void apply(EventEnvelope event) {
        JsonNode data = event.data();
        if (!data.hasNonNull("fundCode") || !data.hasNonNull("istatCode")) {
            return;
        }
        String why = "call " + text(data, "callId") + (data.hasNonNull("protocolNumber") ? ", protocol " + text(data, "protocolNumber") : "");
        switch (event.type()) {
            case "ContributionGranted" -> record(event, data, Ledger.Kind.GRANTED, "amount", why);
            case "ContributionRevoked" -> record(event, data, Ledger.Kind.REVOKED, "amount", why + ": " + text(data, "reason"));
            case "ContributionPaid" -> {
                record(event, data, Ledger.Kind.PAID, "paid", why);
                record(event, data, Ledger.Kind.WITHHELD, "withheld", why + ": municipal tax arrears");
            }
            case "CallClosed" -> record(event, data, Ledger.Kind.UNSPENT, "unspent", why + " closed, " + text(data, "budgetSource"));
            default -> {
                // receipts, assessments and rankings move no money
            }
        }
    }

    private static void record(EventEnvelope event, JsonNode data, Ledger.Kind kind, String field, String legalRef) {
        LedgerRecorder.record(event, text(data, "fundCode"), text(data, "istatCode"), kind, 0, euro(data, field), legalRef);
    }
}
