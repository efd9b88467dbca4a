package org.fondicasa.application.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.fondicasa.application.budget.BudgetSource;
import org.fondicasa.platform.events.EventEnvelope;
import org.fondicasa.platform.events.IdempotentConsumer;
import org.fondicasa.platform.events.UnprocessableEventException;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** Keeps each municipality's call budget sources in step with allocation-service, each event at most once. */
@ApplicationScoped
public class AllocationEventsListener {

    static final String CONSUMER = "application-service.budget";

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
        if (event.type().equals("CofinancingDeclared")) {
            cofinancingDeclared(event.data());
        }
    }

    private void cofinancingDeclared(JsonNode data) {
        String fund = required(data, "fundCode");
        String istat = required(data, "istatCode");
        int revision = data.path("revision").asInt();
        String amount = required(data, "amount");
        if (!amount.matches("[0-9]+\\.[0-9]{2}")) {
            throw new UnprocessableEventException("amount is not euro with two decimals: " + amount);
        }
        BudgetSource source = BudgetSource.findById(new BudgetSource.Key(fund, istat, "COFIN"));
        if (source != null && source.revision >= revision) {
            return; // an older revision arriving late changes nothing
        }
        if (source == null) {
            source = new BudgetSource();
            source.fundCode = fund;
            source.istatCode = istat;
            source.kind = "COFIN";
        }
        source.revision = revision;
        source.amount = new BigDecimal(amount);
        source.legalRef = "municipal deliberation " + required(data, "deliberationNumber") + " of "
                + required(data, "deliberationDate") + ", " + required(data, "budgetChapter");
        source.updatedAt = OffsetDateTime.now();
        source.persist();
    }

    private static String required(JsonNode data, String field) {
        JsonNode node = data.get(field);
        if (node == null || !node.isTextual()) {
            throw new UnprocessableEventException("field " + field + " missing or not a string");
        }
        return node.asText();
    }
}
