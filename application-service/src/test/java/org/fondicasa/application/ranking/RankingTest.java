package org.fondicasa.application.ranking;

import org.fondicasa.application.call.CallRules.CutBand;
import org.fondicasa.application.call.CallRules.PaymentStrategy;
import org.fondicasa.application.eligibility.Band;
import org.fondicasa.application.ranking.Ranking.Candidate;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fondicasa.application.fixtures.CandidateBuilder.aCandidate;

class RankingTest {

    private static final PaymentStrategy FULL = new PaymentStrategy(PaymentStrategy.Type.FULL_IN_ORDER, List.of(), "act");
    private static final PaymentStrategy PROPORTIONAL = new PaymentStrategy(PaymentStrategy.Type.PROPORTIONAL_BAND_A, List.of(), "act");

    private final List<Candidate> candidates = List.of(
            aCandidate("B-low").receivedAs(1).inBand(Band.B).withIncome("15000.00").withConventionalIncome("9000.00")
                    .needing("1500.00").build(),
            aCandidate("A-rich").receivedAs(2).inBand(Band.A).withIncome("12000.00").withConventionalIncome("7000.00")
                    .needing("1000.00").build(),
            aCandidate("A-poor").receivedAs(3).inBand(Band.A).withIncome("5000.00").withConventionalIncome("3000.00")
                    .needing("2000.00").build(),
            aCandidate("A-rich-later").receivedAs(4).inBand(Band.A).withIncome("12000.00").withConventionalIncome("7000.00")
                    .needing("1000.01").build());

    @Test
    void bandAByIncomeThenBandBTiesByReceipt() {
        assertThat(Ranking.order(candidates)).extracting(Candidate::protocolNumber)
                .containsExactly("A-poor", "A-rich", "A-rich-later", "B-low");
    }

    @Test
    void fullInOrderGivesTheLastOneWhatIsLeft() {
        var result = Ranking.rank(350_000, candidates, FULL);
        assertThat(result.entries()).extracting(Ranking.Entry::contributionCents).containsExactly(200_000L, 100_000L, 50_000L, 0L);
        assertThat(result.committedCents()).isEqualTo(350_000);
        assertThat(result.entries().get(2).explanation()).contains("budget exhausted: € 500,00 of € 1.000,01");
    }

    @Test
    void proportionalCutSharesTheBudgetAmongBandAToTheCent() {
        var result = Ranking.rank(300_000, candidates, PROPORTIONAL);
        assertThat(result.committedCents()).isEqualTo(300_000);
        assertThat(result.entries()).extracting(Ranking.Entry::contributionCents)
                .containsExactly(150_000L, 75_000L, 75_000L, 0L); // 300.000 × need / 400.001, remainders to larger need
        assertThat(result.entries().get(3).explanation()).contains("band B gets nothing");
    }

    @Test
    void proportionalPaysBandAInFullAndBandBInOrderWhenMoneySuffices() {
        var result = Ranking.rank(450_000, candidates, PROPORTIONAL);
        assertThat(result.entries()).extracting(Ranking.Entry::contributionCents)
                .containsExactly(200_000L, 100_000L, 100_001L, 49_999L);
    }

    @Test
    void progressiveCutByIncomeBand() {
        var strategy = new PaymentStrategy(PaymentStrategy.Type.PROGRESSIVE_BAND_A,
                List.of(new CutBand(null, new BigDecimal("30")), new CutBand(new BigDecimal("6000.00"), BigDecimal.ZERO)), "act");
        var result = Ranking.rank(1_000_000, candidates, strategy);
        assertThat(result.entries()).extracting(Ranking.Entry::contributionCents)
                .containsExactly(200_000L, 70_000L, 70_001L, 150_000L);
    }
}
