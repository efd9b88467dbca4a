package org.fondicasa.application.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;

/**
 * The counters operations watch on opening day (Prometheus, /q/metrics): applications received, accepted (with a
 * receipt) by outcome, refused, grants, and euro granted and revoked per fund. Counters are observability, not
 * accounts: the ledger and the database hold the money, exact to the cent.
 */
@ApplicationScoped
public class BusinessMetrics {

    private final MeterRegistry registry;

    public BusinessMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void received(String kind) {
        counter("fondicasa.applications.received", "applications that reached intake", "kind", kind).increment();
    }

    public void accepted(String kind, String status) {
        Counter.builder("fondicasa.applications.accepted").description("applications with a receipt, by the status intake gave")
                .tag("kind", kind).tag("status", status).register(registry).increment();
    }

    public void refused(String kind, int httpStatus) {
        Counter.builder("fondicasa.applications.refused").description("applications refused at intake, by HTTP status")
                .tag("kind", kind).tag("status", String.valueOf(httpStatus)).register(registry).increment();
    }

    public void granted(String kind, String fund, BigDecimal euro) {
        counter("fondicasa.contributions.granted", "grants (first grants and top-ups of partial ones)", "kind", kind).increment();
        Counter.builder("fondicasa.money.granted.euro").description("euro granted, per fund (none: calls without a fund)")
                .tag("kind", kind).tag("fund", fund == null ? "none" : fund).register(registry).increment(euro.doubleValue());
    }

    public void revoked(String kind, String fund, BigDecimal euro) {
        Counter.builder("fondicasa.money.revoked.euro").description("euro revoked or withdrawn, per fund")
                .tag("kind", kind).tag("fund", fund == null ? "none" : fund).register(registry).increment(euro.doubleValue());
    }

    private Counter counter(String name, String description, String tag, String value) {
        return Counter.builder(name).description(description).tag(tag, value).register(registry);
    }
}
