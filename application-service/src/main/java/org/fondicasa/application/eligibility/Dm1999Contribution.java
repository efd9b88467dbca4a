package org.fondicasa.application.eligibility;

import org.fondicasa.application.call.CallRules;
import org.fondicasa.application.call.CallRules.RentSupport;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.fondicasa.application.eligibility.Amounts.euro;
import static org.fondicasa.application.eligibility.Amounts.percent;

/**
 * Band and contribution of DM 7/6/1999 (DOMAIN §1.5, §6). Reference income = employee + other + continuous exempt
 * income. Conventional income (art. 21 L. 457/1978): d = deduction × dependent children, taken first from employee
 * income; conventional = share × max(0, employee − d) + max(0, other − max(0, d − employee)). Band A is tried first.
 * Need = max(0, annual rent − rate × income) × months / 12 (raised by the call's increase if it applies), capped
 * at the band's maximum and at the rent of those months, rounded half up to the cent once, at the end.
 */
public final class Dm1999Contribution {

    public record Inputs(long employeeCents, long otherCents, long exemptCents, int dependentChildren,
                         long annualRentCents, int monthsCounted, boolean increaseDeclared) {
    }

    /** Incidence percentages are null when the income they divide by is zero. */
    public record Result(long referenceIncomeCents, long conventionalIncomeCents, BigDecimal incidenceA,
                         BigDecimal incidenceB, Band band, long needCents, List<Check> checks) {
        public boolean inBand() {
            return band != null;
        }
    }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Dm1999Contribution() {
    }

    public static Result compute(RentSupport rules, Inputs in) {
        List<Check> checks = new ArrayList<>();
        long reference = in.employeeCents() + in.otherCents() + in.exemptCents();
        long deduction = Math.multiplyExact(Amounts.cents(rules.dependentChildDeduction().value()), in.dependentChildren());
        long employeeAfter = Math.max(0, in.employeeCents() - deduction);
        long deductionLeft = Math.max(0, deduction - in.employeeCents());
        long otherTotal = in.otherCents() + in.exemptCents();
        long conventional = Amounts.percentage(employeeAfter, rules.employeeIncomeShare().value())
                + Math.max(0, otherTotal - deductionLeft);
        checks.add(Check.pass("conventionalIncome",
                "conventional income " + euro(conventional) + " = " + percent(rules.employeeIncomeShare().value())
                        + " × (employee " + euro(in.employeeCents()) + " − " + in.dependentChildren() + " × "
                        + euro(rules.dependentChildDeduction().value()) + ", at least 0) + other " + euro(otherTotal)
                        + (deductionLeft > 0 ? " − deduction left over " + euro(deductionLeft) : ""),
                rules.dependentChildDeduction().legalRef(),
                Map.of("employee", euro(in.employeeCents()), "other", euro(otherTotal),
                        "dependentChildren", String.valueOf(in.dependentChildren()), "conventionalIncome", euro(conventional))));

        BigDecimal incidenceA = reference == 0 ? null : Amounts.percentOf(in.annualRentCents(), reference);
        BigDecimal incidenceB = conventional == 0 ? null : Amounts.percentOf(in.annualRentCents(), conventional);
        boolean a = bandCheck(checks, "A", rules.bandA(), reference, "taxable income", incidenceA, in.annualRentCents());
        boolean b = !a && bandCheck(checks, "B", rules.bandB(), conventional, "conventional income", incidenceB, in.annualRentCents());
        if (!a && !b) {
            return new Result(reference, conventional, incidenceA, incidenceB, null, 0, checks);
        }
        long income = a ? reference : conventional;
        long need = need(rules, a ? rules.bandA() : rules.bandB(), income, in, checks, a ? "A" : "B");
        return new Result(reference, conventional, incidenceA, incidenceB, a ? Band.A : Band.B, need, checks);
    }

    private static boolean bandCheck(List<Check> checks, String name, CallRules.Band band, long income, String incomeName,
                                     BigDecimal incidence, long annualRent) {
        long max = Amounts.cents(band.incomeMax().value());
        boolean incomeOk = income <= max;
        // exact comparison: rent × 100 ≥ threshold × income (a zero income has no finite incidence: above any threshold)
        boolean incidenceOk = BigDecimal.valueOf(annualRent).multiply(HUNDRED)
                .compareTo(band.incidenceMin().value().multiply(BigDecimal.valueOf(income))) >= 0;
        String incidenceText = incidence == null ? "not computable (income zero)" : percent(incidence);
        String verdict = incomeOk && incidenceOk ? "→ band " + name : "→ not band " + name;
        String explanation = incomeName + " " + euro(income) + (incomeOk ? " ≤ " : " > ") + euro(max)
                + "; incidence " + incidenceText + (incidenceOk ? " ≥ " : " < ") + percent(band.incidenceMin().value())
                + " " + verdict;
        checks.add(Check.of("band" + name, incomeOk && incidenceOk, explanation,
                band.incomeMax().legalRef() + "; " + band.incidenceMin().legalRef(),
                Map.of(incomeName.replace(' ', '_'), euro(income), "incomeMax", euro(max), "incidence", incidenceText,
                        "incidenceMin", percent(band.incidenceMin().value()), "annualRent", euro(annualRent))));
        return incomeOk && incidenceOk;
    }

    private static long need(RentSupport rules, CallRules.Band band, long income, Inputs in, List<Check> checks, String name) {
        BigDecimal rate = band.incidenceMin().value();
        BigDecimal yearly = BigDecimal.valueOf(in.annualRentCents())
                .subtract(rate.multiply(BigDecimal.valueOf(income)).divide(HUNDRED, 6, RoundingMode.HALF_UP))
                .max(BigDecimal.ZERO);
        BigDecimal exact = yearly.multiply(BigDecimal.valueOf(in.monthsCounted())).divide(BigDecimal.valueOf(12), 6, RoundingMode.HALF_UP);
        String increase = "";
        if (rules.increase() != null && in.increaseDeclared()) {
            exact = exact.multiply(HUNDRED.add(rules.increase().percent().value())).divide(HUNDRED, 6, RoundingMode.HALF_UP);
            increase = " + " + percent(rules.increase().percent().value()) + " (" + rules.increase().percent().legalRef() + ")";
        }
        long computed = exact.setScale(0, RoundingMode.HALF_UP).longValueExact();
        long cap = Amounts.cents(band.contributionCap().value());
        long rentOfMonths = BigDecimal.valueOf(in.annualRentCents()).multiply(BigDecimal.valueOf(in.monthsCounted()))
                .divide(BigDecimal.valueOf(12), 0, RoundingMode.HALF_UP).longValueExact();
        long need = Math.min(computed, Math.min(cap, rentOfMonths));
        String capped = need == computed ? "" : need == cap ? ", capped at the band maximum " + euro(cap)
                : ", capped at the rent of those months " + euro(rentOfMonths);
        checks.add(Check.of("contribution", need > 0,
                "need " + euro(need) + " = (rent " + euro(in.annualRentCents()) + " − " + percent(rate) + " × "
                        + euro(income) + ") × " + in.monthsCounted() + "/12" + increase + capped
                        + (need > 0 ? "" : " → no contribution due"),
                band.contributionCap().legalRef(),
                Map.of("band", name, "annualRent", euro(in.annualRentCents()), "income", euro(income),
                        "rate", percent(rate), "months", String.valueOf(in.monthsCounted()), "need", euro(need))));
        return need;
    }
}
