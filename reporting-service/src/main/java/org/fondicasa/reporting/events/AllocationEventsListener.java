package org.fondicasa.reporting.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.fondicasa.platform.events.EventEnvelope;
import org.fondicasa.platform.events.IdempotentConsumer;
import org.fondicasa.reporting.ledger.KnownFund;
import org.fondicasa.reporting.ledger.LedgerEntry;

import java.time.OffsetDateTime;
import java.util.UUID;

import static org.fondicasa.platform.events.EventData.euro;
import static org.fondicasa.platform.events.EventData.integer;
import static org.fondicasa.platform.events.EventData.text;

/** Turns allocation-service's events into ledger rows, each at most once. */
@ApplicationScoped
public class AllocationEventsListener {

    static final String CONSUMER = "reporting-service.ledger";

    private final IdempotentConsumer consumer;

    public AllocationEventsListener(IdempotentConsumer consumer) {
        this.consumer = consumer;
    }

    @Incoming("allocation-events")
    @Blocking
    public void onEvent(String payload) {
        consumer.consume(CONSUMER, payload, this::apply);
    }

    void apply(EventEnvelope event) {
        JsonNode data = event.data();
        switch (event.type()) {
            case "FundCreated" -> fundCreated(data);
            case "CofinancingDeclared" -> cofinancingDeclared(event, data);
            default -> {
                // other types on this topic do not move ledger money
            }
        }
    }

    private void fundCreated(JsonNode data) {
        String code = text(data, "fundCode");
        if (KnownFund.findById(code) != null) {
            return;
        }
        KnownFund fund = new KnownFund();
        fund.code = code;
        fund.title = text(data, "title");
        fund.legalAct = text(data, "legalAct");
        fund.year = integer(data, "year");
        fund.amount = euro(data, "amount");
        fund.persist();
    }

    private void cofinancingDeclared(EventEnvelope event, JsonNode data) {
        LedgerEntry entry = new LedgerEntry();
        entry.eventId = UUID.fromString(event.id());
        entry.fundCode = text(data, "fundCode");
        entry.istatCode = text(data, "istatCode");
        entry.kind = LedgerEntry.Kind.COFIN;
        entry.revision = integer(data, "revision");
        entry.amount = euro(data, "cofin");
        entry.legalRef = data.hasNonNull("deliberationNumber")
                ? "deliberation " + text(data, "deliberationNumber") + " of " + data.path("deliberationDate").asText("?")
                : "no deliberation yet";
        entry.occurredAt = event.time();
        entry.recordedAt = OffsetDateTime.now();
        entry.persist();
    }
}
