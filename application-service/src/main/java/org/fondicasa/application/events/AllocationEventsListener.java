package org.fondicasa.application.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.fondicasa.application.budget.BudgetSource;
import org.fondicasa.platform.events.EventEnvelope;
import org.fondicasa.platform.events.IdempotentConsumer;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import static org.fondicasa.platform.events.EventData.euro;
import static org.fondicasa.platform.events.EventData.integer;
import static org.fondicasa.platform.events.EventData.text;

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
        String fund = text(data, "fundCode");
        String istat = text(data, "istatCode");
        int revision = integer(data, "revision");
        BigDecimal amount = euro(data, "amount");
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
        source.amount = amount;
        source.legalRef = "municipal deliberation " + text(data, "deliberationNumber") + " of "
                + text(data, "deliberationDate") + ", " + text(data, "budgetChapter");
        source.updatedAt = OffsetDateTime.now();
        source.persist();
    }
}
