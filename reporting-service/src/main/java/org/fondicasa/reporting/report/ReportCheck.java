package org.fondicasa.reporting.report;

import org.fondicasa.platform.domain.DomainCore;
import org.fondicasa.platform.domain.RuleViolation;
import org.fondicasa.platform.money.Euro;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The consistency of a municipal report (rendicontazione) against what the ledger saw: every beneficiary known, none
 * twice, none paid more than was committed to them, the contributions adding up to the money used, and used plus
 * unspent equal to the money available. Amounts in cents.
 */
@DomainCore
public final class ReportCheck {

    /** A reported beneficiary: protocol number and the contribution the municipality says it paid. */
    public record Line(String protocolNumber, long contributionCents) {
    }

    private ReportCheck() {
    }

    /** @param committed what the ledger saw committed (granted less revoked) per known beneficiary */
    public static List<RuleViolation> check(long availableCents, long usedCents, long unspentCents, List<Line> lines,
                                        Map<String, Long> committed) {
        List<RuleViolation> violations = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        long sum = 0;
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            String field = "beneficiaries[" + i + "]";
            sum += line.contributionCents();
            if (!seen.add(line.protocolNumber())) {
                violations.add(new RuleViolation(field + ".protocolNumber", "listed twice: " + line.protocolNumber()));
            }
            Long owed = committed.get(line.protocolNumber());
            if (owed == null) {
                violations.add(new RuleViolation(field + ".protocolNumber", "beneficiary unknown: no grant under protocol "
                        + line.protocolNumber() + " in this fund and municipality"));
            } else if (line.contributionCents() > owed) {
                violations.add(new RuleViolation(field + ".contributionPaid", Euro.format(line.contributionCents())
                        + " is more than the " + Euro.format(owed) + " granted to " + line.protocolNumber()));
            }
        }
        if (sum != usedCents) {
            violations.add(new RuleViolation("used", Euro.format(usedCents) + " is not the sum of the contributions listed, "
                    + Euro.format(sum)));
        }
        if (usedCents > availableCents) {
            violations.add(new RuleViolation("used", "paid more than available: " + Euro.format(usedCents) + " of "
                    + Euro.format(availableCents)));
        }
        if (usedCents + unspentCents != availableCents) {
            violations.add(new RuleViolation("unspent", "used " + Euro.format(usedCents) + " + unspent " + Euro.format(unspentCents)
                    + " must equal the money available, " + Euro.format(availableCents)));
        }
        return violations;
    }
}
