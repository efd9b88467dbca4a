package org.fondicasa.allocation.quota;

import org.fondicasa.platform.domain.DomainCore;
import org.fondicasa.platform.domain.RuleViolation;
import org.fondicasa.platform.money.Euro;

import java.util.ArrayList;
import java.util.List;

/**
 * The rule of a quota declaration (DGR 1724/2020; DOMAIN.md §1.2): Fin_a + Fin_b + Fin_c = the share exactly, each at
 * least zero, and Fin_b above zero because every municipality must reserve a part for the housing agencies.
 * Plain Java: every violation is listed.
 */
@DomainCore
public final class QuotaRule {

    private QuotaRule() {
    }

    public static List<RuleViolation> check(long shareCents, long finA, long finB, long finC, String legalAct) {
        List<RuleViolation> violations = new ArrayList<>();
        if (finA < 0) {
            violations.add(new RuleViolation("finA", "must not be negative"));
        }
        if (finB <= 0) {
            violations.add(new RuleViolation("finB", "must be above zero: every municipality reserves a part for the "
                    + "housing agencies (" + legalAct + ")"));
        }
        if (finC < 0) {
            violations.add(new RuleViolation("finC", "must not be negative"));
        }
        long sum = finA + finB + finC;
        if (sum != shareCents) {
            violations.add(new RuleViolation("$", "Fin_a + Fin_b + Fin_c = " + Euro.format(sum) + " but the share is "
                    + Euro.format(shareCents) + " (" + (sum > shareCents ? "over by " : "short by ")
                    + Euro.format(Math.abs(sum - shareCents)) + ")"));
        }
        return violations;
    }
}
