package org.fondicasa.allocation.split;

import org.fondicasa.platform.domain.DomainCore;
import org.fondicasa.platform.money.Euro;
import org.fondicasa.platform.money.LargestRemainder;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The split (riparto) of a fund among municipalities pro rata on documented need (DOMAIN.md §1.1, §6):
 * <ol>
 *   <li>the split amount is the fund less the bonus reserve;</li>
 *   <li>shares by largest remainder on need; every municipality whose share falls below the minimum is excluded
 *       at once and the split repeats among the rest, until none is below;</li>
 *   <li>a municipality penalised by the previous fund loses the penalty rate of its share (rounded half-up to the
 *       cent); the money cut is redistributed among the others by the same method, or added to the reserve.</li>
 * </ol>
 * Every share carries the explanation of how it came about. Plain Java, deterministic, input order irrelevant.
 */
@DomainCore
public final class Split {

    public record Need(String istatCode, long needCents) {
    }

    /** A penalty recorded at the close of an earlier fund, which this split applies. */
    public record Penalty(String istatCode, String reason) {
    }

    public record Share(String istatCode, long needCents, long shareCents, boolean excluded, long penaltyCutCents,
                        long redistributedCents, BigDecimal exactQuotaCents, boolean remainderCent, String explanation) {
    }

    /**
     * @param bonusReserveCents the reserve after the split (the rules' reserve, plus penalty money if it goes there)
     * @param residualCents     the fund less the reserve less the shares: zero unless nobody could be given a share
     */
    public record Result(long amountCents, long bonusReserveCents, long splitAmountCents, long totalNeedCents,
                         long allocatedCents, long residualCents, int rounds, List<Share> shares) {
    }

    private Split() {
    }

    public static Result compute(SplitRules rules, List<Need> needs, List<Penalty> penalties) {
        Map<String, Long> needByCode = new java.util.TreeMap<>();
        for (Need need : needs) {
            if (need.needCents() < 0 || needByCode.put(need.istatCode(), need.needCents()) != null) {
                throw new IllegalArgumentException("needs must be non-negative and one per municipality: " + need);
            }
        }
        Map<String, Penalty> penaltyByCode = penalties.stream()
                .collect(Collectors.toMap(Penalty::istatCode, p -> p, (a, b) -> a, LinkedHashMap::new));
        long totalNeed = needByCode.values().stream().mapToLong(Long::longValue).sum();
        String act = rules.legalAct();
        long splitAmount = rules.splitAmountCents();

        Map<String, String> exclusions = new HashMap<>();
        needByCode.forEach((code, need) -> {
            if (need == 0) {
                exclusions.put(code, "excluded: no documented need");
            }
        });

        // rounds of exclusion below the minimum share
        List<LargestRemainder.Part> parts;
        int round = 0;
        while (true) {
            round++;
            List<LargestRemainder.Claim> claims = needByCode.entrySet().stream()
                    .filter(e -> !exclusions.containsKey(e.getKey()))
                    .map(e -> new LargestRemainder.Claim(e.getKey(), e.getValue()))
                    .toList();
            parts = LargestRemainder.divide(splitAmount, claims);
            int thisRound = round;
            List<LargestRemainder.Part> below = parts.stream().filter(p -> p.cents() < rules.minimumShareCents()).toList();
            if (below.isEmpty()) {
                break;
            }
            below.forEach(p -> exclusions.put(p.key(), "excluded in round " + thisRound + ": the share would be "
                    + Euro.format(p.cents()) + ", below the minimum share of " + Euro.format(rules.minimumShareCents())
                    + " (" + act + "); the split was repeated among the others"));
        }
        long includedNeed = parts.stream().mapToLong(LargestRemainder.Part::weight).sum();

        // penalties, then where their money goes
        Map<String, Long> cuts = new HashMap<>();
        for (LargestRemainder.Part part : parts) {
            if (penaltyByCode.containsKey(part.key())) {
                long cut = new BigDecimal(part.cents()).multiply(rules.penaltyRate()).setScale(0, RoundingMode.HALF_UP).longValueExact();
                cuts.put(part.key(), cut);
            }
        }
        long totalCut = cuts.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Long> redistributed = new HashMap<>();
        long reserve = rules.bonusReserveCents();
        if (totalCut > 0) {
            List<LargestRemainder.Claim> others = parts.stream().filter(p -> !cuts.containsKey(p.key()))
                    .map(p -> new LargestRemainder.Claim(p.key(), p.weight())).toList();
            if (rules.penaltyDestination() == SplitRules.PenaltyDestination.REDISTRIBUTE && !others.isEmpty()) {
                LargestRemainder.divide(totalCut, others).forEach(p -> redistributed.put(p.key(), p.cents()));
            } else {
                reserve += totalCut;
            }
        }

        List<Share> shares = new ArrayList<>();
        Map<String, LargestRemainder.Part> partByCode = parts.stream()
                .collect(Collectors.toMap(LargestRemainder.Part::key, p -> p));
        for (Map.Entry<String, Long> entry : needByCode.entrySet()) {
            String code = entry.getKey();
            long need = entry.getValue();
            LargestRemainder.Part part = partByCode.get(code);
            if (part == null) {
                shares.add(new Share(code, need, 0, true, 0, 0, BigDecimal.ZERO, false, exclusions.get(code)));
                continue;
            }
            long cut = cuts.getOrDefault(code, 0L);
            long extra = redistributed.getOrDefault(code, 0L);
            long share = part.cents() - cut + extra;
            shares.add(new Share(code, need, share, false, cut, extra, part.exactQuotaCents(), part.remainderCent(),
                    explain(rules, part, includedNeed, splitAmount, cut, extra, share, penaltyByCode.get(code), totalCut)));
        }
        shares.sort(Comparator.comparing(Share::istatCode));
        long allocated = shares.stream().mapToLong(Share::shareCents).sum();
        return new Result(rules.amountCents(), reserve, splitAmount, totalNeed, allocated,
                rules.amountCents() - reserve - allocated, round, List.copyOf(shares));
    }

    private static String explain(SplitRules rules, LargestRemainder.Part part, long includedNeed, long splitAmount,
                                  long cut, long extra, long share, Penalty penalty, long totalCut) {
        StringBuilder sb = new StringBuilder()
                .append("need ").append(Euro.format(part.weight())).append(" of ").append(Euro.format(includedNeed))
                .append(" (municipalities in the split) × split amount ").append(Euro.format(splitAmount))
                .append(" = exact quota € ").append(exactEuro(part.exactQuotaCents()))
                .append("; largest remainder to the cent: ").append(Euro.format(part.cents() - (part.remainderCent() ? 1 : 0)))
                .append(part.remainderCent() ? " + 1 remainder cent" : ", no remainder cent")
                .append(" = ").append(Euro.format(part.cents()));
        if (cut > 0) {
            sb.append("; penalty ").append(rules.penaltyRate().movePointRight(2).stripTrailingZeros().toPlainString())
                    .append("% (").append(penalty.reason()).append(") cuts ").append(Euro.format(cut))
                    .append(rules.penaltyDestination() == SplitRules.PenaltyDestination.REDISTRIBUTE
                            ? ", redistributed to the others" : ", added to the bonus reserve");
        }
        if (extra > 0) {
            sb.append("; plus ").append(Euro.format(extra)).append(" of the ").append(Euro.format(totalCut))
                    .append(" cut from penalised municipalities, pro rata on need");
        }
        return sb.append("; share ").append(Euro.format(share)).append(" (").append(rules.legalAct()).append(")").toString();
    }

    private static String exactEuro(BigDecimal exactCents) {
        return exactCents.movePointLeft(2).setScale(6, RoundingMode.HALF_EVEN).toPlainString().replace('.', ',');
    }

    /** For tests and callers that want the set of municipalities in the split. */
    public static Set<String> included(Result result) {
        return result.shares().stream().filter(s -> !s.excluded()).map(Share::istatCode).collect(Collectors.toSet());
    }
}
