package org.fondicasa.allocation.savings;

import org.fondicasa.platform.domain.DomainCore;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * A municipality's money in a fund after the savings moved: the declared Fin_a / Fin_b / Fin_c, less what left each
 * source, plus what reached Fin_b; with what went to the housing agencies it always adds up to the share.
 * Plain calculation; {@link Balances} reads its inputs from the database.
 */
@DomainCore
public record Balance(String fundCode, String istatCode, BigDecimal share, BigDecimal finA, BigDecimal finB,
                      BigDecimal finC, BigDecimal movedToFinB, BigDecimal movedToHousingAgencies, boolean balanced,
                      List<SavingsView> movements) {

    /** The budget sources money can move from. */
    public static final Set<String> SOURCES = Set.of("Fin_a", "Fin_b", "Fin_c");

    public record SavingsView(String fromSource, SavingsMovement.Destination destination, BigDecimal amount, String reason,
                              String legalRef, java.time.OffsetDateTime occurredAt) {
    }

    /** The municipality's latest quota declaration for the fund. */
    public record Declared(BigDecimal share, BigDecimal finA, BigDecimal finB, BigDecimal finC) {
    }

    /**
     * @param declared the latest declaration, null when the municipality declared none (everything is then zero)
     * @param moved    the savings moved, in the order they occurred
     */
    static Balance of(String fundCode, String istatCode, Declared declared, List<SavingsView> moved) {
        BigDecimal zero = BigDecimal.ZERO.setScale(2);
        BigDecimal finA = declared == null ? zero : declared.finA();
        BigDecimal finB = declared == null ? zero : declared.finB();
        BigDecimal finC = declared == null ? zero : declared.finC();
        BigDecimal toFinB = zero;
        BigDecimal toAgencies = zero;
        for (SavingsView m : moved) {
            switch (m.fromSource()) {
                case "Fin_a" -> finA = finA.subtract(m.amount());
                case "Fin_b" -> finB = finB.subtract(m.amount());
                case "Fin_c" -> finC = finC.subtract(m.amount());
                default -> throw new IllegalStateException("unknown source " + m.fromSource());
            }
            if (m.destination() == SavingsMovement.Destination.FIN_B) {
                finB = finB.add(m.amount());
                toFinB = toFinB.add(m.amount());
            } else {
                toAgencies = toAgencies.add(m.amount());
            }
        }
        BigDecimal share = declared == null ? zero : declared.share();
        boolean balanced = finA.add(finB).add(finC).add(toAgencies).compareTo(share) == 0
                && finA.signum() >= 0 && finB.signum() >= 0 && finC.signum() >= 0;
        return new Balance(fundCode, istatCode, share, finA, finB, finC, toFinB, toAgencies, balanced, List.copyOf(moved));
    }

    /** What a source still holds and could move; {@code source} is one of {@link #SOURCES}. */
    BigDecimal remaining(String source) {
        return switch (source) {
            case "Fin_a" -> finA;
            case "Fin_b" -> finB;
            case "Fin_c" -> finC;
            default -> throw new IllegalArgumentException("unknown budget source " + source + " (expected Fin_a, Fin_b or Fin_c)");
        };
    }
}
