package org.fondicasa.allocation.split;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** What must hold for every split, over thousands of random funds, needs, minimums and penalties. */
class SplitProperties {

    record Case(SplitRules rules, List<Split.Need> needs, List<Split.Penalty> penalties, long seed) {
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<Long> amount = Arbitraries.longs().between(1, 2_000_000_000L);
        Arbitrary<Integer> reservePercent = Arbitraries.integers().between(0, 60);
        Arbitrary<Integer> minimumPermille = Arbitraries.integers().between(0, 30);
        Arbitrary<List<Long>> needs = Arbitraries.longs().between(0, 500_000_000L).list().ofMinSize(1).ofMaxSize(60);
        Arbitrary<Integer> penalised = Arbitraries.integers().between(0, 5);
        Arbitrary<SplitRules.PenaltyDestination> destination = Arbitraries.of(SplitRules.PenaltyDestination.class);
        Arbitrary<Long> seed = Arbitraries.longs();
        return Combinators.combine(amount, reservePercent, minimumPermille, needs, penalised, destination, seed)
                .as((a, r, m, n, p, d, s) -> {
                    long reserve = a * r / 100;
                    long minimum = (a - reserve) * m / 1000;
                    List<Split.Need> list = new ArrayList<>();
                    for (int i = 0; i < n.size(); i++) {
                        list.add(new Split.Need(String.format("%06d", 71001 + i), n.get(i)));
                    }
                    List<Split.Penalty> penalties = new ArrayList<>();
                    for (int i = 0; i < Math.min(p, list.size()); i++) {
                        penalties.add(new Split.Penalty(list.get(i * 7 % list.size()).istatCode(), "test"));
                    }
                    return new Case(new SplitRules(a, reserve, minimum, new BigDecimal("0.10"), d, "act"), list,
                            penalties.stream().distinct().toList(), s);
                });
    }

    @Property(tries = 2000)
    void theMoneyAlwaysBalancesToTheCent(@ForAll("cases") Case c) {
        Split.Result r = Split.compute(c.rules(), c.needs(), c.penalties());
        long shares = r.shares().stream().mapToLong(Split.Share::shareCents).sum();
        assertThat(shares).isEqualTo(r.allocatedCents());
        assertThat(r.bonusReserveCents() + r.allocatedCents() + r.residualCents()).isEqualTo(c.rules().amountCents());
        if (Split.included(r).isEmpty()) {
            assertThat(r.residualCents()).isEqualTo(c.rules().splitAmountCents());
        } else {
            assertThat(r.residualCents()).isZero();
        }
    }

    @Property(tries = 2000)
    void withoutPenaltiesEachShareIsWithinOneCentOfItsExactQuota(@ForAll("cases") Case c) {
        Split.Result r = Split.compute(c.rules(), c.needs(), List.of());
        long includedNeed = r.shares().stream().filter(s -> !s.excluded()).mapToLong(Split.Share::needCents).sum();
        for (Split.Share s : r.shares()) {
            if (s.excluded()) {
                assertThat(s.shareCents()).isZero();
                continue;
            }
            // floor(amount × need / Σ need) ≤ share ≤ floor + 1
            long floor = BigInteger.valueOf(r.splitAmountCents()).multiply(BigInteger.valueOf(s.needCents()))
                    .divide(BigInteger.valueOf(includedNeed)).longValueExact();
            assertThat(s.shareCents()).isBetween(floor, floor + 1);
        }
    }

    @Property(tries = 2000)
    void noMunicipalityInTheSplitIsBelowTheMinimumBeforePenalties(@ForAll("cases") Case c) {
        Split.Result r = Split.compute(c.rules(), c.needs(), c.penalties());
        r.shares().stream().filter(s -> !s.excluded())
                .forEach(s -> assertThat(s.shareCents() + s.penaltyCutCents() - s.redistributedCents())
                        .isGreaterThanOrEqualTo(c.rules().minimumShareCents()));
    }

    @Property(tries = 1000)
    void theSameInputsInAnyOrderGiveTheSameResult(@ForAll("cases") Case c) {
        List<Split.Need> shuffled = new ArrayList<>(c.needs());
        Collections.shuffle(shuffled, new Random(c.seed()));
        assertThat(Split.compute(c.rules(), shuffled, c.penalties()))
                .isEqualTo(Split.compute(c.rules(), c.needs(), c.penalties()));
    }

    @Property(tries = 1000)
    void penaltiesCutTheRateRoundedHalfUp(@ForAll("cases") Case c) {
        Split.Result r = Split.compute(c.rules(), c.needs(), c.penalties());
        for (Split.Share s : r.shares()) {
            boolean penalised = c.penalties().stream().anyMatch(p -> p.istatCode().equals(s.istatCode()));
            if (s.excluded() || !penalised) {
                assertThat(s.penaltyCutCents()).isZero();
            } else {
                long before = s.shareCents() + s.penaltyCutCents();
                assertThat(s.penaltyCutCents()).isEqualTo(new BigDecimal(before).multiply(new BigDecimal("0.10"))
                        .setScale(0, java.math.RoundingMode.HALF_UP).longValueExact());
            }
        }
    }
}
