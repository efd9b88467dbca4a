package org.fondicasa.application.ranking;

import org.fondicasa.application.call.CallRules.CutBand;
import org.fondicasa.application.call.CallRules.PaymentStrategy;
import org.fondicasa.application.eligibility.Band;
import org.fondicasa.platform.domain.DomainCore;
import org.fondicasa.platform.money.Euro;
import org.fondicasa.platform.money.LargestRemainder;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The graduatoria of a ranked call (DOMAIN §6): band A by taxable income ascending, then band B by conventional
 * income ascending, ties by receipt order; then the call's payment strategy turns needs into contributions without
 * ever committing more than the budget.
 */
@DomainCore
public final class Ranking {

    /** An eligible application with its band, incomes and need, all in cents. */
    public record Candidate(String protocolNumber, long receiptSeq, Band band, long referenceIncomeCents,
                            long conventionalIncomeCents, long needCents) {
        long rankingIncome() {
            return band == Band.A ? referenceIncomeCents : conventionalIncomeCents;
        }
    }

    /** A place in the ranking with the contribution it gets and why. */
    public record Entry(int position, Candidate candidate, long contributionCents, String explanation) {
    }

    public record Result(long budgetCents, long committedCents, List<Entry> entries) {
    }

    static final Comparator<Candidate> ORDER = Comparator.comparing(Candidate::band)
            .thenComparingLong(Candidate::rankingIncome)
            .thenComparingLong(Candidate::receiptSeq);

    private Ranking() {
    }

    public static List<Candidate> order(List<Candidate> candidates) {
        return candidates.stream().sorted(ORDER).toList();
    }

    public static Result rank(long budgetCents, List<Candidate> candidates, PaymentStrategy strategy) {
        if (budgetCents < 0) {
            throw new IllegalArgumentException("budget must not be negative: " + budgetCents);
        }
        List<Candidate> ordered = order(candidates);
        List<Entry> entries = switch (strategy.type()) {
            case FULL_IN_ORDER -> fullInOrder(budgetCents, ordered, c -> c.needCents(), c -> "");
            case PROPORTIONAL_BAND_A -> proportional(budgetCents, ordered);
            case PROGRESSIVE_BAND_A -> progressive(budgetCents, ordered, strategy.cuts());
        };
        long committed = entries.stream().mapToLong(Entry::contributionCents).sum();
        return new Result(budgetCents, committed, entries);
    }

    /** Each gets its amount while money lasts; the first that does not fit gets what is left, the rest nothing. */
    private static List<Entry> fullInOrder(long budget, List<Candidate> ordered, Function<Candidate, Long> amount,
                                           Function<Candidate, String> note) {
        List<Entry> entries = new ArrayList<>();
        long left = budget;
        for (int i = 0; i < ordered.size(); i++) {
            Candidate c = ordered.get(i);
            long wanted = amount.apply(c);
            long given = Math.min(wanted, left);
            left -= given;
            String why = given == wanted ? "full contribution " + Euro.format(given)
                    : given > 0 ? "budget exhausted: " + Euro.format(given) + " of " + Euro.format(wanted)
                    : "budget exhausted: nothing of " + Euro.format(wanted);
            entries.add(new Entry(i + 1, c, given, header(i + 1, c) + note.apply(c) + why));
        }
        return entries;
    }

    /**
     * Band A only: when money is short of the total band-A need, each gets need × budget / total (largest remainder,
     * ties by larger need then earlier protocol) and band B nothing; otherwise band A in full and band B in order.
     */
    private static List<Entry> proportional(long budget, List<Candidate> ordered) {
        List<Candidate> bandA = ordered.stream().filter(c -> c.band() == Band.A).toList();
        long totalA = bandA.stream().mapToLong(Candidate::needCents).sum();
        if (budget >= totalA) {
            return fullInOrder(budget, ordered, Candidate::needCents, c -> "");
        }
        Map<String, LargestRemainder.Part> parts = LargestRemainder.divide(budget, bandA.stream()
                        .map(c -> new LargestRemainder.Claim(c.protocolNumber(), c.needCents())).toList())
                .stream().collect(Collectors.toMap(LargestRemainder.Part::key, Function.identity()));
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            Candidate c = ordered.get(i);
            LargestRemainder.Part part = parts.get(c.protocolNumber());
            String why = part == null ? "band B gets nothing: the budget " + Euro.format(budget)
                    + " does not cover band A's need " + Euro.format(totalA)
                    : "proportional cut: need " + Euro.format(c.needCents()) + " × " + Euro.format(budget) + " / "
                    + Euro.format(totalA) + " = " + Euro.format(part.cents()) + (part.remainderCent() ? " (one remainder cent)" : "");
            entries.add(new Entry(i + 1, c, part == null ? 0 : part.cents(), header(i + 1, c) + why));
        }
        return entries;
    }

    /** Band A cut by the percentage of its income band, then everyone paid in ranking order. */
    private static List<Entry> progressive(long budget, List<Candidate> ordered, List<CutBand> cuts) {
        List<CutBand> bands = cuts.stream().sorted(Comparator.comparing(CutBand::incomeUpTo,
                Comparator.nullsLast(Comparator.naturalOrder()))).toList();
        Function<Candidate, BigDecimal> cutOf = c -> c.band() != Band.A ? BigDecimal.ZERO : bands.stream()
                .filter(b -> b.incomeUpTo() == null || c.referenceIncomeCents() <= Euro.toCents(b.incomeUpTo()))
                .findFirst().map(CutBand::cutPercent).orElse(BigDecimal.ZERO);
        Function<Candidate, Long> afterCut = c -> c.needCents() - BigDecimal.valueOf(c.needCents()).multiply(cutOf.apply(c))
                .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP).longValueExact();
        return fullInOrder(budget, ordered, afterCut, c -> c.band() == Band.A && cutOf.apply(c).signum() > 0
                ? "need " + Euro.format(c.needCents()) + " cut by " + cutOf.apply(c).stripTrailingZeros().toPlainString()
                + "% for its income band → " + Euro.format(afterCut.apply(c)) + "; " : "");
    }

    private static String header(int position, Candidate c) {
        return "position " + position + ", band " + c.band() + ", "
                + (c.band() == Band.A ? "taxable income " : "conventional income ") + Euro.format(c.rankingIncome())
                + ", receipt " + c.receiptSeq() + ": ";
    }
}
