package org.fondicasa.allocation.bonus;

import org.fondicasa.platform.domain.DomainCore;
import org.fondicasa.platform.money.Euro;
import org.fondicasa.platform.money.LargestRemainder;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The co-financing bonus (premialità, DOMAIN.md §1.3 and §6): a municipality is entitled when its COFIN is at least the
 * threshold (e.g. 20%) of its Fin_base and it has sent the deliberation and the budget-chapter evidence; the reserve is
 * split pro rata on COFIN among the entitled by largest remainder (ties: larger COFIN, then lower ISTAT code).
 * Plain Java; every line explains itself.
 */
@DomainCore
public final class BonusDistribution {

    public record Candidate(String istatCode, long finBaseCents, long cofinCents, boolean deliberation, boolean evidence) {
    }

    public record Line(String istatCode, long finBaseCents, long cofinCents, boolean entitled, long bonusCents,
                       String explanation) {
    }

    public record Result(long reserveCents, long allocatedCents, long residualCents, List<Line> lines) {
    }

    private BonusDistribution() {
    }

    public static Result compute(long reserveCents, BigDecimal threshold, String legalAct, List<Candidate> candidates) {
        String percent = percent(threshold);
        Map<String, String> refusals = new java.util.HashMap<>();
        List<Candidate> entitled = new ArrayList<>();
        for (Candidate c : candidates) {
            String refusal = refusal(c, threshold, percent, legalAct);
            if (refusal == null) {
                entitled.add(c);
            } else {
                refusals.put(c.istatCode(), refusal);
            }
        }
        long entitledCofin = entitled.stream().mapToLong(Candidate::cofinCents).sum();
        Map<String, LargestRemainder.Part> parts = LargestRemainder.divide(reserveCents,
                        entitled.stream().map(c -> new LargestRemainder.Claim(c.istatCode(), c.cofinCents())).toList())
                .stream().collect(Collectors.toMap(LargestRemainder.Part::key, p -> p));
        List<Line> lines = new ArrayList<>();
        for (Candidate c : candidates) {
            LargestRemainder.Part part = parts.get(c.istatCode());
            if (part == null) {
                lines.add(new Line(c.istatCode(), c.finBaseCents(), c.cofinCents(), false, 0, refusals.get(c.istatCode())));
            } else {
                lines.add(new Line(c.istatCode(), c.finBaseCents(), c.cofinCents(), true, part.cents(),
                        "entitled: COFIN " + ratio(c) + " of Fin_base ≥ " + percent + ", deliberation and budget-chapter "
                                + "evidence sent; COFIN " + Euro.format(c.cofinCents()) + " of " + Euro.format(entitledCofin)
                                + " (entitled municipalities) × reserve " + Euro.format(reserveCents) + ", largest remainder "
                                + "to the cent" + (part.remainderCent() ? " (+1 remainder cent)" : "") + " = bonus "
                                + Euro.format(part.cents()) + " (" + legalAct + ")"));
            }
        }
        lines.sort(Comparator.comparing(Line::istatCode));
        long allocated = lines.stream().mapToLong(Line::bonusCents).sum();
        return new Result(reserveCents, allocated, reserveCents - allocated, List.copyOf(lines));
    }

    private static String refusal(Candidate c, BigDecimal threshold, String percent, String legalAct) {
        if (c.finBaseCents() <= 0) {
            return "not entitled: no Fin_base in this fund";
        }
        if (c.cofinCents() <= 0) {
            return "not entitled: no COFIN declared";
        }
        if (BigDecimal.valueOf(c.cofinCents()).compareTo(BigDecimal.valueOf(c.finBaseCents()).multiply(threshold)) < 0) {
            return "not entitled: COFIN " + ratio(c) + " of Fin_base < " + percent + " (" + legalAct + ")";
        }
        if (!c.deliberation()) {
            return "not entitled: COFIN " + ratio(c) + " of Fin_base, but the co-financing deliberation was not sent";
        }
        if (!c.evidence()) {
            return "not entitled: COFIN " + ratio(c) + " of Fin_base, but the budget-chapter evidence was not sent";
        }
        return null;
    }

    /** COFIN as a percentage of Fin_base, one decimal, rounded down so that a refusal never shows the threshold itself. */
    static String ratio(Candidate c) {
        return BigDecimal.valueOf(c.cofinCents()).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(c.finBaseCents()), 1, RoundingMode.DOWN).toPlainString().replace('.', ',') + "%";
    }

    static String percent(BigDecimal fraction) {
        return fraction.movePointRight(2).stripTrailingZeros().toPlainString().replace('.', ',') + "%";
    }
}
