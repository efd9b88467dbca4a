package org.fondicasa.reporting.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.fondicasa.platform.events.EventEnvelope;
import org.fondicasa.platform.events.IdempotentConsumer;
import org.fondicasa.reporting.dashboard.DashboardChanges;
import org.fondicasa.reporting.ledger.KnownFund;
import org.fondicasa.reporting.ledger.Ledger;

import static org.fondicasa.platform.events.EventData.euro;
import static org.fondicasa.platform.events.EventData.integer;
import static org.fondicasa.platform.events.EventData.text;

/** Turns allocation-service's events into ledger figures, each event at most once. */
@ApplicationScoped
public class AllocationEventsListener {

    static final String CONSUMER = "reporting-service.ledger";

    private final IdempotentConsumer consumer;
    private final DashboardChanges changes;

    public AllocationEventsListener(IdempotentConsumer consumer, DashboardChanges changes) {
        this.consumer = consumer;
        this.changes = changes;
    }

    @Incoming("allocation-events")
    @Blocking
    public void onEvent(String payload) {
        consumer.consume(CONSUMER, payload, this::apply);
    }

    void apply(EventEnvelope event) {
        JsonNode data = event.data();
        if (data.hasNonNull("fundCode")) {
            changes.touched(text(data, "fundCode"));
        }
        switch (event.type()) {
            case "FundCreated" -> fundCreated(data);
            case "SplitPublished" -> record(event, data, Ledger.Kind.SHARE, 0, "share", "published split, " + text(data, "legalAct"));
            case "QuotaDeclared" -> {
                int revision = integer(data, "revision");
                record(event, data, Ledger.Kind.FIN_A, revision, "finA", "quota declared by the municipality");
                record(event, data, Ledger.Kind.FIN_B, revision, "finB", "quota declared by the municipality");
                record(event, data, Ledger.Kind.FIN_C, revision, "finC", "quota declared by the municipality");
            }
            case "CofinancingDeclared" -> cofinancingDeclared(event, data);
            case "BonusPublished" -> record(event, data, Ledger.Kind.BONUS, 0, "bonus", "premialità, " + text(data, "legalAct"));
            case "SavingsMoved" -> record(event, data, "FIN_B".equals(text(data, "destination"))
                    ? Ledger.Kind.MOVED_TO_FIN_B : Ledger.Kind.MOVED_TO_HOUSING_AGENCIES, 0, "amount", text(data, "legalRef"));
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
        fund.reportDeadline = data.hasNonNull("reportDeadline") ? java.time.OffsetDateTime.parse(text(data, "reportDeadline")) : null;
        fund.persist();
    }

    private void cofinancingDeclared(EventEnvelope event, JsonNode data) {
        int revision = integer(data, "revision");
        String evidence = data.hasNonNull("deliberationNumber")
                ? "deliberation " + text(data, "deliberationNumber") + " of " + data.path("deliberationDate").asText("?")
                : "no deliberation yet";
        record(event, data, Ledger.Kind.FIN_BASE, revision, "finBase", "published split of the ordinary fund");
        record(event, data, Ledger.Kind.QEMI, revision, "qEmi", evidence);
        record(event, data, Ledger.Kind.QSMINE, revision, "qSmine", evidence);
        record(event, data, Ledger.Kind.COFIN, revision, "cofin", evidence);
    }

    private static void record(EventEnvelope event, JsonNode data, Ledger.Kind kind, int revision, String field, String legalRef) {
        LedgerRecorder.record(event, text(data, "fundCode"), text(data, "istatCode"), kind, revision, euro(data, field), legalRef);
    }
}
