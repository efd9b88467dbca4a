package org.fondicasa.application.ranking;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.fondicasa.application.call.CallRules.CutBand;
import org.fondicasa.application.call.CallRules.PaymentStrategy;
import org.fondicasa.application.eligibility.Band;
import org.fondicasa.application.ranking.Ranking.Candidate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class RankingProperties {

    @Provide
    Arbitrary<List<Candidate>> candidates() {
        Arbitrary<Candidate> one = Combinators.combine(Arbitraries.of(Band.values()),
                Arbitraries.longs().between(0, 1_500_000), Arbitraries.longs().between(0, 1_500_000),
                Arbitraries.longs().between(1, 309_874)).as((band, ref, conv, need) -> new Candidate("?", 0, band, ref, conv, need));
        return one.list().ofMaxSize(80).map(list -> IntStream.range(0, list.size())
                .mapToObj(i -> new Candidate(String.format("P%05d", i), i, list.get(i).band(), list.get(i).referenceIncomeCents(),
                        list.get(i).conventionalIncomeCents(), list.get(i).needCents())).toList());
    }

    @Provide
    Arbitrary<PaymentStrategy> strategies() {
        return Arbitraries.of(PaymentStrategy.Type.values()).map(type -> new PaymentStrategy(type,
                List.of(new CutBand(new BigDecimal("5000.00"), BigDecimal.ZERO), new CutBand(new BigDecimal("10000.00"), BigDecimal.TEN),
                        new CutBand(null, new BigDecimal("35"))), "act"));
    }

    @Property
    void neverCommitsMoreThanTheBudgetAndNoOneMoreThanTheirNeed(@ForAll("candidates") List<Candidate> candidates,
                                                                              @ForAll @LongRange(max = 20_000_000) long budget,
                                                                              @ForAll("strategies") PaymentStrategy strategy) {
        var result = Ranking.rank(budget, candidates, strategy);
        assertThat(result.committedCents()).isLessThanOrEqualTo(budget);
        assertThat(result.entries()).allSatisfy(e -> {
            assertThat(e.contributionCents()).isBetween(0L, e.candidate().needCents());
            assertThat(e.explanation()).isNotBlank();
        });
        long totalNeed = candidates.stream().mapToLong(Candidate::needCents).sum();
        if (strategy.type() != PaymentStrategy.Type.PROGRESSIVE_BAND_A) {
            // money is left unused only when every need is met
            assertThat(result.committedCents()).isEqualTo(Math.min(budget, totalNeed));
        }
    }

    @Property
    void rankingIsDeterministicWhateverOrderApplicationsAreReadIn(@ForAll("candidates") List<Candidate> candidates,
                                                                         @ForAll @LongRange(max = 20_000_000) long budget,
                                                                         @ForAll("strategies") PaymentStrategy strategy,
                                                                         @ForAll long seed) {
        List<Candidate> shuffled = new ArrayList<>(candidates);
        Collections.shuffle(shuffled, new Random(seed));
        assertThat(Ranking.rank(budget, shuffled, strategy)).isEqualTo(Ranking.rank(budget, candidates, strategy));
        List<Candidate> ordered = Ranking.order(candidates);
        for (int i = 1; i < ordered.size(); i++) {
            assertThat(Ranking.ORDER.compare(ordered.get(i - 1), ordered.get(i))).isNegative();
        }
    }
}
