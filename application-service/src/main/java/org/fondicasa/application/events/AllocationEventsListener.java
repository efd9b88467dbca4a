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
        switch (event.type()) {
            case "CofinancingDeclared" -> cofinancingDeclared(event.data());
            case "QuotaDeclared" -> quotaDeclared(event.data());
            case "BonusPublished" -> bonusPublished(event.data());
            default -> {
                // other allocation events do not change what calls may spend
            }
        }
    }

    /** The ordinary call's budget sources of the municipality: Fin_base, Fin_c, QEmi, QSmine and COFIN. */
    private void cofinancingDeclared(JsonNode data) {
        String fund = text(data, "fundCode");
        String istat = text(data, "istatCode");
        int revision = integer(data, "revision");
        String evidence = data.hasNonNull("deliberationNumber")
                ? "municipal deliberation " + text(data, "deliberationNumber") + " of " + data.path("deliberationDate").asText("?")
                + ", " + data.path("budgetChapter").asText("no budget chapter")
                : "declared by the municipality, deliberation pending";
        upsert(fund, istat, "Fin_base", revision, euro(data, "finBase"), "published split of fund " + fund);
        upsert(fund, istat, "Fin_c", revision, euro(data, "finC"), "quota declared by the municipality");
        upsert(fund, istat, "QEmi", revision, euro(data, "qEmi"), "arrears money redirected by the municipality");
        upsert(fund, istat, "QSmine", revision, euro(data, "qSmine"), "earlier arrears leftovers (Annex E)");
        upsert(fund, istat, "COFIN", revision, euro(data, "cofin"), evidence);
    }

    /** Fin_a is the budget of the municipality's COVID rent emergency call (DOMAIN §1.4). */
    private void quotaDeclared(JsonNode data) {
        upsert(text(data, "fundCode"), text(data, "istatCode"), "Fin_a", integer(data, "revision"), euro(data, "finA"),
                "Fin_a declared by the municipality");
    }

    /** The co-financing bonus adds to the ordinary call's budget (DOMAIN §1.3); it is published once. */
    private void bonusPublished(JsonNode data) {
        upsert(text(data, "fundCode"), text(data, "istatCode"), "bonus", 1, euro(data, "bonus"),
                "premialità published by " + text(data, "legalAct"));
    }

    private static void upsert(String fund, String istat, String kind, int revision, BigDecimal amount, String legalRef) {
        BudgetSource source = BudgetSource.findById(new BudgetSource.Key(fund, istat, kind));
        if (source != null && source.revision >= revision) {
            return; // an older revision arriving late changes nothing
        }
        if (source == null) {
            source = new BudgetSource();
            source.fundCode = fund;
            source.istatCode = istat;
            source.kind = kind;
        }
        source.revision = revision;
        source.amount = amount;
        source.legalRef = legalRef;
        source.updatedAt = OffsetDateTime.now();
        source.persist();
    }
}
