package org.fondicasa.allocation.savings;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.fondicasa.allocation.fund.Fund;
import org.fondicasa.allocation.quota.QuotaDeclaration;
import org.fondicasa.platform.events.EventEnvelope;
import org.fondicasa.platform.events.IdempotentConsumer;
import org.fondicasa.platform.events.Outbox;
import org.fondicasa.platform.events.UnprocessableEventException;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

import static org.fondicasa.platform.events.EventData.euro;
import static org.fondicasa.platform.events.EventData.text;

/**
 * Moves savings (economie, DOMAIN.md §1.4) when the other services report them: a closed Fin_a call's unspent money
 * goes to the municipality's Fin_b; a report missing at its deadline sends what is available to the housing agencies,
 * ex officio. Each event moves money at most once, and never more than the declared quota still holds.
 */
@ApplicationScoped
public class SavingsListener {

    static final String CONSUMER = "allocation-service.savings";

    private final IdempotentConsumer consumer;
    private final Outbox outbox;
    private final Clock clock;

    public SavingsListener(IdempotentConsumer consumer, Outbox outbox, Clock clock) {
        this.clock = clock;
        this.consumer = consumer;
        this.outbox = outbox;
    }

    @Incoming("application-events")
    @Blocking
    public void onApplicationEvent(String payload) {
        consumer.consume(CONSUMER, payload, this::apply);
    }

    @Incoming("reporting-events")
    @Blocking
    public void onReportingEvent(String payload) {
        consumer.consume(CONSUMER, payload, this::apply);
    }

    void apply(EventEnvelope event) {
        JsonNode data = event.data();
        switch (event.type()) {
            // unspent Fin_a of a closed COVID call, or reported as unspent: back to the municipality's Fin_b
            case "CallClosed", "SavingsDeclared" -> {
                if ("Fin_a".equals(data.path("budgetSource").asText())) {
                    move(event, data, "unspent", SavingsMovement.Destination.FIN_B,
                            ("CallClosed".equals(event.type()) ? "call " + text(data, "callId") + " closed" : "reported")
                                    + " with unspent Fin_a: it goes to the municipality's Fin_b");
                }
            }
            case "ReportMissing" -> move(event, data, "available", SavingsMovement.Destination.HOUSING_AGENCIES,
                    "no report by the deadline " + text(data, "deadline")
                            + ": the available money goes ex officio to the housing agencies");
            default -> {
                // other events on these topics move no allocation money
            }
        }
    }

    private void move(EventEnvelope event, JsonNode data, String amountField, SavingsMovement.Destination destination,
                      String reason) {
        String fundCode = text(data, "fundCode");
        String istat = text(data, "istatCode");
        String source = text(data, "budgetSource");
        BigDecimal amount = euro(data, amountField);
        Fund fund = Fund.findById(fundCode);
        if (fund == null) {
            throw new UnprocessableEventException("unknown fund " + fundCode);
        }
        QuotaDeclaration quota = QuotaDeclaration.latest(fundCode, istat);
        if (quota == null) {
            throw new UnprocessableEventException("municipality " + istat + " declared no quotas for fund " + fundCode);
        }
        BigDecimal left = Balances.remaining(fund, istat, source);
        if (amount.compareTo(left) > 0) {
            throw new UnprocessableEventException("would move " + amount.toPlainString() + " of " + source + " but only "
                    + left.toPlainString() + " is left for municipality " + istat + " in fund " + fundCode);
        }
        if (amount.signum() == 0) {
            return;
        }
        SavingsMovement m = new SavingsMovement();
        m.eventId = UUID.fromString(event.id());
        m.fundCode = fundCode;
        m.istatCode = istat;
        m.fromSource = source;
        m.destination = destination;
        m.amount = amount;
        m.reason = reason;
        m.legalRef = data.hasNonNull("legalAct") ? data.get("legalAct").asText() : fund.legalAct;
        m.occurredAt = event.time();
        m.recordedAt = OffsetDateTime.now(clock);
        m.persist();
        outbox.publishForMunicipality(SavingsMoved.TYPE, SavingsMoved.VERSION, istat, new SavingsMoved(fundCode, istat,
                source, destination.name(), amount.toPlainString(), reason, m.legalRef, event.id()));
    }
}
