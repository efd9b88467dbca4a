package org.fondicasa.platform.money;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Divides whole cents pro rata on weights by the largest-remainder (Hamilton) method: each claimant gets the
 * floor of its exact quota, then the cents left over go one each to the largest remainders; ties go to the
 * larger weight, then to the lower key (an ISTAT code, a protocol number). Exact rational arithmetic, so the parts always add up to the total.
 */
public final class LargestRemainder {

    /** A claimant and its weight (need, or co-financing), in cents; weights must be positive. */
    public record Claim(String key, long weight) {
        public Claim {
            if (weight <= 0) {
                throw new IllegalArgumentException("weight of " + key + " must be positive: " + weight);
            }
        }
    }

    /**
     * A claimant's part: {@code cents} = floor of the exact quota, plus one if it received a remainder cent.
     * {@code exactQuotaCents} is total × weight / Σ weights, to 6 decimals, for explanations.
     */
    public record Part(String key, long weight, long cents, BigDecimal exactQuotaCents, boolean remainderCent) {
    }

    private LargestRemainder() {
    }

    /** The parts, sorted by key; they add up to {@code totalCents} exactly. */
    public static List<Part> divide(long totalCents, List<Claim> claims) {
        if (totalCents < 0) {
            throw new IllegalArgumentException("total must not be negative: " + totalCents);
        }
        if (claims.isEmpty()) {
            return List.of();
        }
        if (claims.stream().map(Claim::key).distinct().count() != claims.size()) {
            throw new IllegalArgumentException("a claimant appears twice");
        }
        BigInteger total = BigInteger.valueOf(totalCents);
        BigInteger sumOfWeights = claims.stream().map(c -> BigInteger.valueOf(c.weight())).reduce(BigInteger.ZERO, BigInteger::add);
        record Working(Claim claim, long floor, BigInteger remainder, BigDecimal exact) {
        }
        List<Working> working = new ArrayList<>(claims.size());
        long floors = 0;
        for (Claim claim : claims) {
            BigInteger[] qr = total.multiply(BigInteger.valueOf(claim.weight())).divideAndRemainder(sumOfWeights);
            BigDecimal exact = new BigDecimal(total.multiply(BigInteger.valueOf(claim.weight())))
                    .divide(new BigDecimal(sumOfWeights), 6, RoundingMode.HALF_EVEN);
            working.add(new Working(claim, qr[0].longValueExact(), qr[1], exact));
            floors += qr[0].longValueExact();
        }
        long leftover = totalCents - floors;
        // the remainders share the denominator Σ weights, so comparing numerators compares the fractions
        List<Working> byRemainder = working.stream()
                .sorted(Comparator.comparing(Working::remainder).reversed()
                        .thenComparing(Comparator.comparingLong((Working w) -> w.claim().weight()).reversed())
                        .thenComparing(w -> w.claim().key()))
                .toList();
        java.util.Set<String> extra = new java.util.HashSet<>();
        for (int i = 0; i < leftover; i++) {
            extra.add(byRemainder.get(i).claim().key());
        }
        return working.stream()
                .map(w -> new Part(w.claim().key(), w.claim().weight(),
                        w.floor() + (extra.contains(w.claim().key()) ? 1 : 0), w.exact(),
                        extra.contains(w.claim().key())))
                .sorted(Comparator.comparing(Part::key))
                .toList();
    }
}
