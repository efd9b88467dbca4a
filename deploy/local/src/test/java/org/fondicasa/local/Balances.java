package org.fondicasa.local;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * allocation-service's balance of a municipality per money source ({@code GET /funds/{code}/municipalities/{istat}/balance})
 * as the cross-service tests read it, and the same figures in reporting-service's ledger.
 */
final class Balances {

    /** The figures a source shows in both services. */
    static final List<String> FIGURES = List.of("allocated", "movedIn", "reserved", "committed", "freeInCalls", "available");
    static final List<String> DESTINATIONS = List.of("FIN_B", "HOUSING_AGENCIES");

    private Balances() {
    }

    static JsonNode balance(LocalSystem system, String fund, String istat, String token) {
        return Http.json(200, "GET", system.url("allocation") + "/funds/" + fund + "/municipalities/" + istat + "/balance", token, null);
    }

    /** The source of the balance's own fund ({@code Fin_a}, {@code Fin_b}, ...); fails when it is not listed. */
    static JsonNode source(JsonNode balance, String source) {
        return source(balance.get("sources"), balance.get("fundCode").asText(), source);
    }

    static JsonNode source(JsonNode sources, String fund, String source) {
        JsonNode found = find(sources, fund, source);
        if (found == null) {
            throw new AssertionError("no source " + source + " of " + fund + " in " + sources);
        }
        return found;
    }

    private static JsonNode find(JsonNode sources, String fund, String source) {
        for (JsonNode s : sources) {
            if (s.get("source").asText().equals(source) && s.get("fundCode").asText().equals(fund)) {
                return s;
            }
        }
        return null;
    }

    /** Nothing allocated, moved, reserved or available. */
    private static boolean untouched(JsonNode source) {
        boolean zero = FIGURES.stream().allMatch(f -> money(source, f).signum() == 0);
        return zero && DESTINATIONS.stream().allMatch(d -> money(source.get("movedOut"), d).signum() == 0);
    }

    /** What left the source for {@code destination} (FIN_B or HOUSING_AGENCIES). */
    static BigDecimal movedOut(JsonNode balance, String source, String destination) {
        return money(source(balance, source).get("movedOut"), destination);
    }

    /**
     * The stronger check: allocation-service says the municipality's money balances (no differences), no source has a
     * negative available, and each source conserves its money to the cent.
     */
    static void assertHolds(JsonNode balance) {
        String who = balance.get("fundCode").asText() + " " + balance.get("istatCode").asText();
        assertThat(balance.get("balanced").asBoolean()).as(who + " balanced: " + balance.get("differences")).isTrue();
        assertThat(balance.get("differences")).as(who + " differences").isEmpty();
        for (JsonNode s : balance.get("sources")) {
            String what = who + " " + s.get("source").asText();
            assertThat(money(s, "available").signum()).as(what + " available: " + s).isNotNegative();
            BigDecimal movedOut = money(s.get("movedOut"), "FIN_B").add(money(s.get("movedOut"), "HOUSING_AGENCIES"));
            assertThat(money(s, "allocated").add(money(s, "movedIn"))).as(what + " allocated + movedIn: " + s)
                    .isEqualByComparingTo(money(s, "reserved").add(movedOut).add(money(s, "available")));
            assertThat(money(s, "reserved")).as(what + " reserved: " + s)
                    .isEqualByComparingTo(money(s, "committed").add(money(s, "freeInCalls")));
        }
    }

    /**
     * reporting-service's ledger line shows every source of allocation-service's balance with the same figures. A
     * source of € 0,00 that nothing touched may be left out of the ledger (allocation-service lists, e.g., the bonus of a
     * municipality that is not entitled to one, as 0.00).
     */
    static void assertSameInLedger(JsonNode balance, JsonNode ledgerLine) {
        String who = balance.get("fundCode").asText() + " " + balance.get("istatCode").asText();
        for (JsonNode s : balance.get("sources")) {
            String name = s.get("source").asText();
            JsonNode inLedger = find(ledgerLine.get("sources"), s.get("fundCode").asText(), name);
            if (inLedger == null) {
                assertThat(untouched(s)).as(who + " " + name + " is not in the ledger " + ledgerLine.get("sources") + ", but allocation-service has " + s)
                        .isTrue();
                continue;
            }
            for (String figure : FIGURES) {
                assertThat(money(inLedger, figure)).as(who + " " + name + " " + figure + " in the ledger " + inLedger + " vs allocation " + s)
                        .isEqualByComparingTo(money(s, figure));
            }
            for (String destination : DESTINATIONS) {
                assertThat(money(inLedger.get("movedOut"), destination)).as(who + " " + name + " movedOut." + destination
                        + " in the ledger " + inLedger + " vs allocation " + s).isEqualByComparingTo(money(s.get("movedOut"), destination));
            }
        }
    }

    /** Euro as written, with its two decimals. */
    static BigDecimal money(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            throw new AssertionError("no " + field + " in " + node);
        }
        if (!value.isBigDecimal() || value.decimalValue().scale() != 2) {
            throw new AssertionError(field + " is not euro with two decimals: " + value + " in " + node);
        }
        return value.decimalValue();
    }
}
