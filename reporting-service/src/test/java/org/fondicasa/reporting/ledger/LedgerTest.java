package org.fondicasa.reporting.ledger;

import org.fondicasa.reporting.ledger.Ledger.Entry;
import org.fondicasa.reporting.ledger.Ledger.Kind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LedgerTest {

    private static final Instant T = Instant.parse("2020-11-15T10:00:00Z");

    @Test
    void theLatestRevisionOfADeclarationCountsAndFlowsAddUp() {
        Ledger.Line line = Ledger.fold("075016", List.of(
                new Entry("e1", Kind.SHARE, 0, T, 300_000),
                new Entry("e2", Kind.FIN_A, 2, T, 200_000), new Entry("e2", Kind.FIN_B, 2, T, 50_000), new Entry("e2", Kind.FIN_C, 2, T, 50_000),
                new Entry("e3", Kind.FIN_A, 1, T.plusSeconds(60), 100_000),
                new Entry("e4", Kind.GRANTED, 0, T, 90_000), new Entry("e5", Kind.GRANTED, 0, T, 10_000),
                new Entry("e4", Kind.GRANTED, 0, T, 90_000),
                new Entry("e6", Kind.PAID, 0, T, 80_000), new Entry("e6", Kind.WITHHELD, 0, T, 10_000)));
        assertThat(line.declared(Kind.FIN_A)).contains(200_000L);
        assertThat(line.flow(Kind.GRANTED)).isEqualTo(100_000);
        assertThat(line.balanced()).isTrue();
    }

    @Test
    void whatDoesNotAddUpIsSaidInWords() {
        Ledger.Line line = Ledger.fold("075016", List.of(
                new Entry("e1", Kind.SHARE, 0, T, 300_000),
                new Entry("e2", Kind.FIN_A, 1, T, 200_000), new Entry("e2", Kind.FIN_B, 1, T, 50_000), new Entry("e2", Kind.FIN_C, 1, T, 0),
                new Entry("e4", Kind.GRANTED, 0, T, 10_000), new Entry("e6", Kind.PAID, 0, T, 20_000)));
        assertThat(line.differences()).containsExactly(
                "Fin_a + Fin_b + Fin_c = € 2.500,00 but the share is € 3.000,00",
                "paid and withheld € 200,00 are more than committed € 100,00");
    }
}
