package org.fondicasa.allocation.split;

import org.fondicasa.platform.domain.DomainCore;

import java.math.BigDecimal;

/**
 * The rules of one fund's split, as the fund's act sets them (all money in cents).
 *
 * @param amountCents        the fund
 * @param bonusReserveCents  set aside for the co-financing bonus; the split shares the rest
 * @param minimumShareCents  a municipality whose share would fall below it is excluded (0: nobody is)
 * @param penaltyRate        cut applied to a penalised municipality's share, e.g. 0.10
 * @param penaltyDestination where the money cut goes
 * @param legalAct           the act that set these rules, quoted in every explanation
 */
@DomainCore
public record SplitRules(long amountCents, long bonusReserveCents, long minimumShareCents, BigDecimal penaltyRate,
                         PenaltyDestination penaltyDestination, String legalAct) {

    public enum PenaltyDestination {
        /** shared among the municipalities not penalised, pro rata on need, by the same method */
        REDISTRIBUTE,
        /** added to the bonus reserve */
        BONUS_RESERVE
    }

    public SplitRules {
        if (amountCents <= 0 || bonusReserveCents < 0 || bonusReserveCents > amountCents || minimumShareCents < 0) {
            throw new IllegalArgumentException("inconsistent split rules");
        }
        if (penaltyRate.signum() < 0 || penaltyRate.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("penalty rate must be between 0 and 1: " + penaltyRate);
        }
    }

    public long splitAmountCents() {
        return amountCents - bonusReserveCents;
    }
}
