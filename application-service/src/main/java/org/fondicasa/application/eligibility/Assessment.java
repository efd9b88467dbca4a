package org.fondicasa.application.eligibility;

import java.math.BigDecimal;
import java.util.List;

/**
 * The outcome of checking an application against its call's rules: eligible or not, the band and incomes of a
 * rent-support application, the need (the contribution or loan the rules allow, before the budget is considered)
 * and every check with its values. Incomes and need are in cents; nulls where the kind does not use them.
 */
public record Assessment(boolean eligible,
                         Band band,
                         Long referenceIncomeCents,
                         Long conventionalIncomeCents,
                         BigDecimal incidencePercent,
                         Long annualRentCents,
                         Integer monthsCounted,
                         long needCents,
                         int householdSize,
                         int dependentChildren,
                         List<Check> checks) {

    public Assessment {
        checks = List.copyOf(checks);
    }

    /** The checks that made it not eligible (a failed band A is not one of them when band B passed). */
    public List<Check> failures() {
        if (eligible) {
            return List.of();
        }
        return checks.stream().filter(c -> !c.passed()).filter(c -> band == null || !c.rule().startsWith("band")).toList();
    }
}
