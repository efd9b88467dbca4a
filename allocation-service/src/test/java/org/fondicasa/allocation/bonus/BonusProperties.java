package org.fondicasa.allocation.bonus;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BonusProperties {

    @Provide
    Arbitrary<List<BonusDistribution.Candidate>> candidates() {
        Arbitrary<BonusDistribution.Candidate> one = Combinators.combine(
                Arbitraries.longs().between(0, 100_000_000L), Arbitraries.longs().between(0, 50_000_000L),
                Arbitraries.of(true, false), Arbitraries.of(true, true, false))
                .as((base, cofin, deliberation, evidence) -> new BonusDistribution.Candidate("", base, cofin, deliberation, evidence));
        return one.list().ofMinSize(1).ofMaxSize(50).map(list -> {
            List<BonusDistribution.Candidate> named = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                BonusDistribution.Candidate c = list.get(i);
                named.add(new BonusDistribution.Candidate(String.format("%06d", 72001 + i), c.finBaseCents(), c.cofinCents(),
                        c.deliberation(), c.evidence()));
            }
            return named;
        });
    }

    @Property(tries = 2000)
    void theReserveIsSplitToTheCentAmongTheEntitledOnly(@ForAll("candidates") List<BonusDistribution.Candidate> candidates,
                                                        @ForAll("reserve") long reserve) {
        BonusDistribution.Result r = BonusDistribution.compute(reserve, new BigDecimal("0.20"), "act", candidates);
        boolean anyEntitled = r.lines().stream().anyMatch(BonusDistribution.Line::entitled);
        assertThat(r.allocatedCents()).isEqualTo(anyEntitled ? reserve : 0);
        assertThat(r.allocatedCents() + r.residualCents()).isEqualTo(reserve);
        for (BonusDistribution.Line line : r.lines()) {
            boolean shouldBe = line.finBaseCents() > 0 && line.cofinCents() > 0 && line.cofinCents() * 5 >= line.finBaseCents()
                    && candidates.stream().filter(c -> c.istatCode().equals(line.istatCode()))
                    .allMatch(c -> c.deliberation() && c.evidence());
            assertThat(line.entitled()).as(line.explanation()).isEqualTo(shouldBe);
            if (!line.entitled()) {
                assertThat(line.bonusCents()).isZero();
            }
        }
    }

    @Provide
    Arbitrary<Long> reserve() {
        return Arbitraries.longs().between(0, 500_000_000_000L);
    }
}
