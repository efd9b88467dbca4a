package org.fondicasa.reporting.report;

import org.fondicasa.platform.domain.RuleViolation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReportCheckTest {

    private final Map<String, Long> committed = Map.of("2026-0000000001", 100_000L, "2026-0000000002", 90_000L);

    @Test
    void aReportThatAddsUpPasses() {
        assertThat(ReportCheck.check(250_000, 190_000, 60_000, List.of(new ReportCheck.Line("2026-0000000001", 100_000),
                new ReportCheck.Line("2026-0000000002", 90_000)), committed)).isEmpty();
    }

    @Test
    void everyInconsistencyIsListed() {
        List<RuleViolation> violations = ReportCheck.check(250_000, 300_000, 0, List.of(
                new ReportCheck.Line("2026-0000000001", 120_000), new ReportCheck.Line("2026-0000000001", 100_000),
                new ReportCheck.Line("2026-0000009999", 10_000)), committed);
        assertThat(violations).extracting(RuleViolation::message).containsExactly(
                "€ 1.200,00 is more than the € 1.000,00 granted to 2026-0000000001",
                "listed twice: 2026-0000000001",
                "beneficiary unknown: no grant under protocol 2026-0000009999 in this fund and municipality",
                "€ 3.000,00 is not the sum of the contributions listed, € 2.300,00",
                "paid more than available: € 3.000,00 of € 2.500,00",
                "used € 3.000,00 + unspent € 0,00 must equal the money available, € 2.500,00");
    }
}
