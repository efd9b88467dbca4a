package org.fondicasa.reporting.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.fondicasa.platform.events.EventEnvelope;
import org.fondicasa.platform.events.IdempotentConsumer;
import org.fondicasa.reporting.ledger.Ledger;
import org.fondicasa.reporting.dashboard.CallStats;
import org.fondicasa.reporting.dashboard.DashboardChanges;
import org.fondicasa.reporting.report.Beneficiary;

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
    private final DashboardChanges changes;

    public ApplicationEventsListener(IdempotentConsumer consumer, DashboardChanges changes) {
        this.consumer = consumer;
        this.changes = changes;
    }

    @Incoming("application-events")
    @Blocking
    public void onEvent(String payload) {
        consumer.consume(CONSUMER, payload, this::apply);
    }

    void apply(EventEnvelope event) {
        JsonNode data = event.data();
        callStats(event, data);
        if (!data.hasNonNull("fundCode") || !data.hasNonNull("istatCode")) {
            return;
        }
        changes.touched(text(data, "fundCode"));
        String why = "call " + text(data, "callId") + (data.hasNonNull("protocolNumber") ? ", protocol " + text(data, "protocolNumber") : "");
        switch (event.type()) {
            case "ApplicationAssessed" -> assessed(data);
            case "ContributionGranted" -> {
                record(event, data, Ledger.Kind.GRANTED, "amount", why);
                beneficiary(data).granted = beneficiary(data).granted.add(euro(data, "amount"));
            }
            case "ContributionRevoked" -> {
                record(event, data, Ledger.Kind.REVOKED, "amount", why + ": " + text(data, "reason"));
                beneficiary(data).revoked = beneficiary(data).revoked.add(euro(data, "amount"));
            }
            case "ContributionPaid" -> {
                record(event, data, Ledger.Kind.PAID, "paid", why);
                record(event, data, Ledger.Kind.WITHHELD, "withheld", why + ": municipal tax arrears");
                Beneficiary b = beneficiary(data);
                b.paid = b.paid.add(euro(data, "paid"));
                b.withheld = b.withheld.add(euro(data, "withheld"));
            }
            case "CallClosed" -> record(event, data, Ledger.Kind.UNSPENT, "unspent", why + " closed, " + text(data, "budgetSource"));
            default -> {
                // receipts, assessments and rankings move no money
            }
        }
    }

    /** Running counts of every call, for the dashboards. */
    private void callStats(EventEnvelope event, JsonNode data) {
        if (!data.hasNonNull("callId")) {
            return;
        }
        String fund = data.hasNonNull("fundCode") ? text(data, "fundCode") : null;
        CallStats stats = CallStats.of(java.util.UUID.fromString(text(data, "callId")), text(data, "kind"), fund,
                data.hasNonNull("istatCode") ? text(data, "istatCode") : null);
        switch (event.type()) {
            case "CallOpened" -> {
                stats.opensAt = java.time.OffsetDateTime.parse(text(data, "opensAt"));
                stats.closesAt = java.time.OffsetDateTime.parse(text(data, "closesAt"));
            }
            case "ApplicationReceived" -> stats.applications++;
            case "ApplicationAssessed" -> stats.eligible += data.path("eligible").asBoolean() ? 1 : 0;
            case "CallClosed" -> stats.closedAt = event.time();
            default -> {
                return;
            }
        }
        changes.touched(fund);
    }

    /** What the report needs about an eligible application; the not eligible ones are never beneficiaries. */
    private static void assessed(JsonNode data) {
        if (!data.path("eligible").asBoolean()) {
            return;
        }
        Beneficiary b = beneficiary(data);
        b.band = data.hasNonNull("band") ? text(data, "band") : null;
        b.householdSize = data.path("householdSize").asInt();
        b.dependentChildren = data.path("dependentChildren").asInt();
        b.isee = optionalEuro(data, "isee");
        b.referenceIncome = optionalEuro(data, "referenceIncome");
        b.conventionalIncome = optionalEuro(data, "conventionalIncome");
        b.annualRent = optionalEuro(data, "annualRent");
        b.months = data.hasNonNull("months") ? data.get("months").asInt() : null;
        b.incidence = data.hasNonNull("incidence") ? new java.math.BigDecimal(text(data, "incidence")) : null;
        b.need = euro(data, "need");
    }

    /** The application's row, created by whichever of its events arrives first. */
    private static Beneficiary beneficiary(JsonNode data) {
        String protocol = text(data, "protocolNumber");
        Beneficiary b = Beneficiary.findById(protocol);
        if (b == null) {
            b = new Beneficiary();
            b.protocolNumber = protocol;
            b.fundCode = text(data, "fundCode");
            b.istatCode = text(data, "istatCode");
            b.callId = java.util.UUID.fromString(text(data, "callId"));
            b.callKind = text(data, "kind");
            b.persist();
        }
        return b;
    }

    private static java.math.BigDecimal optionalEuro(JsonNode data, String field) {
        return data.hasNonNull(field) ? euro(data, field) : null;
    }

    private static void record(EventEnvelope event, JsonNode data, Ledger.Kind kind, String field, String legalRef) {
        LedgerRecorder.record(event, text(data, "fundCode"), text(data, "istatCode"), kind, 0, euro(data, field), legalRef);
    }
}
