package org.fondicasa.application.eligibility;

import org.fondicasa.application.application.ApplicationForm;
import org.fondicasa.application.call.CallKind;
import org.fondicasa.application.call.CallRules;
import org.fondicasa.application.call.DeclaredFact;
import org.fondicasa.application.call.FactGroup;
import org.fondicasa.platform.domain.RuleViolation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.fondicasa.application.eligibility.Amounts.cents;
import static org.fondicasa.application.eligibility.Amounts.euro;
import static org.fondicasa.application.eligibility.Amounts.percent;

/**
 * Checks an application against its call's rules and explains every step. Two outcomes are kept apart: a form
 * that lacks what the call asks for is a client error ({@link #missing}), listed field by field before anything
 * is stored; a complete form that does not meet the rules is an accepted application assessed as not eligible,
 * with the failed checks as the reason.
 */
public final class Eligibility {

    /** What the assessment needs beyond the form: the day of submission (Europe/Rome) and the household's history. */
    public record Context(LocalDate submittedOn, int householdGrantsThisYear) {
    }

    private static final java.util.Set<String> ALTERNATIVES = java.util.Set.of("bandA", "bandB");

    private Eligibility() {
    }

    /** The fields the call needs that the form leaves out; empty when the form is complete. */
    public static List<RuleViolation> missing(CallKind kind, CallRules rules, ApplicationForm form) {
        List<RuleViolation> missing = new ArrayList<>();
        if (rules.iseeMax() != null && form.isee() == null) {
            missing.add(new RuleViolation("isee", "the call requires the household's ISEE"));
        }
        if (rules.minResidenceMonthsInPuglia() != null && form.residentInPugliaSince() == null) {
            missing.add(new RuleViolation("residentInPugliaSince", "the call requires the date since which the applicant lives in Puglia"));
        }
        for (DeclaredFact fact : rules.declarations()) {
            if (!form.declarations().containsKey(fact.fact())) {
                missing.add(new RuleViolation("declarations." + fact.fact(), "must be declared true or false: " + fact.description()));
            }
        }
        switch (kind) {
            case RENT_EMERGENCY -> {
                if (form.incomeLossPercent() == null) {
                    missing.add(new RuleViolation("incomeLossPercent", "the call requires the declared loss of IRPEF income, in percent"));
                }
                int months = rules.rentEmergency().months().size();
                if (form.rent() == null || form.rent().emergencyMonths() == null || form.rent().emergencyMonths().size() != months) {
                    missing.add(new RuleViolation("rent.emergencyMonths", "must list the rent due in each of the " + months
                            + " months " + rules.rentEmergency().months()));
                }
            }
            case RENT_SUPPORT -> {
                if (form.income() == null) {
                    missing.add(new RuleViolation("income", "the call requires the household's income by type"));
                }
                if (form.rent() == null || form.rent().annualRent() == null || form.rent().months() == null) {
                    missing.add(new RuleViolation("rent", "the call requires annualRent and months"));
                }
                if (rules.rentSupport().maxFloorArea() != null && (form.rent() == null || form.rent().floorArea() == null)) {
                    missing.add(new RuleViolation("rent.floorArea", "the call requires the dwelling's floor area in m²"));
                }
                if (!rules.rentSupport().excludedCadastralCategories().isEmpty() && (form.rent() == null || form.rent().cadastralCategory() == null)) {
                    missing.add(new RuleViolation("rent.cadastralCategory", "the call requires the dwelling's cadastral category"));
                }
            }
            case HARDSHIP_GRANT -> {
                if (form.use() == null || !rules.hardship().uses().contains(form.use())) {
                    missing.add(new RuleViolation("use", "must be one of " + rules.hardship().uses()));
                }
            }
            case SOCIAL_MICROCREDIT -> {
                if (form.requestedAmount() == null) {
                    missing.add(new RuleViolation("requestedAmount", "the call requires the loan amount requested"));
                }
            }
        }
        return missing;
    }

    /** Assesses a complete form (see {@link #missing}). */
    public static Assessment assess(CallKind kind, CallRules rules, ApplicationForm form, Context context) {
        List<Check> checks = new ArrayList<>();
        common(rules, form, context, checks);
        int children = (int) form.household().stream().filter(ApplicationForm.Member::dependentChild).count();
        int size = form.household().size();
        return switch (kind) {
            case RENT_EMERGENCY -> rentEmergency(rules.rentEmergency(), form, checks, size, children);
            case RENT_SUPPORT -> rentSupport(rules.rentSupport(), form, context, checks, size, children);
            case HARDSHIP_GRANT -> hardship(rules.hardship(), form, context, checks, size, children);
            case SOCIAL_MICROCREDIT -> microcredit(rules.microcredit(), form, checks, size, children);
        };
    }

    private static void common(CallRules rules, ApplicationForm form, Context context, List<Check> checks) {
        if (rules.iseeMax() != null) {
            long isee = cents(form.isee());
            long max = cents(rules.iseeMax().value());
            checks.add(Check.of("iseeMax", isee <= max, "ISEE " + euro(isee) + (isee <= max ? " ≤ " : " > ") + euro(max),
                    rules.iseeMax().legalRef(), Map.of("isee", euro(isee), "iseeMax", euro(max))));
        }
        if (rules.minResidenceMonthsInPuglia() != null) {
            long months = ChronoUnit.MONTHS.between(form.residentInPugliaSince(), context.submittedOn());
            long min = rules.minResidenceMonthsInPuglia().value().longValue();
            checks.add(Check.of("residenceInPuglia", months >= min,
                    "resident in Puglia since " + form.residentInPugliaSince() + ": " + months + " months"
                            + (months >= min ? " ≥ " : " < ") + min,
                    rules.minResidenceMonthsInPuglia().legalRef(),
                    Map.of("residentSince", form.residentInPugliaSince().toString(), "months", String.valueOf(months),
                            "minMonths", String.valueOf(min))));
        }
        for (DeclaredFact fact : rules.declarations()) {
            boolean declared = form.declarations().get(fact.fact());
            boolean passed = declared == fact.requiredValue();
            checks.add(Check.of(fact.fact(), passed,
                    (declared ? "declared: " : "declared not: ") + fact.description() + (passed ? "" : fact.requiredValue()
                            ? " → requirement not met" : " → excluded"),
                    fact.legalRef(), Map.of(fact.fact(), String.valueOf(declared))));
        }
        for (FactGroup group : rules.atLeastOneOf()) {
            List<String> declared = group.facts().stream().filter(f -> Boolean.TRUE.equals(form.declarations().get(f))).toList();
            checks.add(Check.of(group.name(), !declared.isEmpty(),
                    declared.isEmpty() ? "none of " + group.facts() + " declared" : "declared " + declared,
                    group.legalRef(), Map.of("declared", declared.toString())));
        }
        if (rules.documents() != null) {
            List<String> absent = rules.documents().documents().stream().filter(d -> !form.documents().contains(d)).toList();
            checks.add(Check.of("documents", absent.isEmpty(),
                    absent.isEmpty() ? "all required documents attached" : "documents missing: " + absent,
                    rules.documents().legalRef(), Map.of("attached", form.documents().toString())));
        }
    }

    private static Assessment rentEmergency(CallRules.RentEmergency rules, ApplicationForm form, List<Check> checks,
                                            int size, int children) {
        BigDecimal loss = form.incomeLossPercent();
        boolean lossOk = loss.compareTo(rules.minIncomeLossPercent().value()) > 0;
        checks.add(Check.of("incomeLoss", lossOk, "declared IRPEF income loss " + percent(loss) + (lossOk ? " > " : " ≤ ")
                        + percent(rules.minIncomeLossPercent().value()), rules.minIncomeLossPercent().legalRef(),
                Map.of("incomeLoss", percent(loss), "minimum", percent(rules.minIncomeLossPercent().value()))));
        long rent = form.rent().emergencyMonths().stream().mapToLong(Amounts::cents).sum();
        long cap = cents(rules.contributionCap().value());
        long need = Math.min(rent, cap);
        checks.add(Check.of("contribution", need > 0, "rent due for " + rules.months() + " " + euro(rent)
                        + (rent > cap ? ", capped at " + euro(cap) : "") + " → contribution " + euro(need),
                rules.contributionLegalRef() + "; " + rules.contributionCap().legalRef(),
                Map.of("rent", euro(rent), "cap", euro(cap), "contribution", euro(need))));
        return result(checks, null, null, null, null, rent, rules.months().size(), need, size, children);
    }

    private static Assessment rentSupport(CallRules.RentSupport rules, ApplicationForm form, Context context,
                                          List<Check> checks, int size, int children) {
        ApplicationForm.Rent rent = form.rent();
        int withCitizenIncome = Optional.ofNullable(rent.monthsWithCitizenIncomeRent()).orElse(0);
        int months = rent.months();
        if (rules.onlyMonthsWithoutCitizenIncome()) {
            months = Math.max(0, rent.months() - withCitizenIncome);
            checks.add(Check.of("citizenIncomeMonths", months > 0, rent.months() + " months rented, " + withCitizenIncome
                            + " with the rent quota of reddito di cittadinanza → " + months + " months count",
                    rules.citizenIncomeLegalRef(), Map.of("months", String.valueOf(rent.months()),
                            "monthsWithCitizenIncome", String.valueOf(withCitizenIncome))));
        } else {
            checks.add(Check.of("citizenIncomeRent", withCitizenIncome == 0, withCitizenIncome == 0
                            ? "no rent quota of reddito di cittadinanza received"
                            : "rent quota of reddito di cittadinanza received for " + withCitizenIncome + " months → excluded",
                    rules.citizenIncomeLegalRef(), Map.of("monthsWithCitizenIncome", String.valueOf(withCitizenIncome))));
        }
        if (!rules.excludedCadastralCategories().isEmpty()) {
            String category = rent.cadastralCategory().strip().toUpperCase();
            boolean ok = !rules.excludedCadastralCategories().contains(category);
            checks.add(Check.of("cadastralCategory", ok, "cadastral category " + category
                            + (ok ? " not in " : " in ") + rules.excludedCadastralCategories() + (ok ? "" : " → excluded"),
                    rules.cadastralLegalRef(), Map.of("cadastralCategory", category)));
        }
        if (rules.maxFloorArea() != null) {
            BigDecimal area = rent.floorArea();
            boolean exempt = rules.floorAreaExemptionFact() != null
                    && Boolean.TRUE.equals(form.declarations().get(rules.floorAreaExemptionFact()));
            boolean ok = area.compareTo(rules.maxFloorArea().value()) <= 0 || exempt;
            checks.add(Check.of("floorArea", ok, "useful floor area " + area.toPlainString() + " m²"
                            + (area.compareTo(rules.maxFloorArea().value()) <= 0 ? " ≤ " : " > ")
                            + rules.maxFloorArea().value().toPlainString() + " m²"
                            + (exempt ? " (large or socially weak household: " + rules.floorAreaExemptionFact() + ")" : "")
                            + (ok ? "" : " → excluded"),
                    rules.maxFloorArea().legalRef(), Map.of("floorArea", area.toPlainString(), "exempt", String.valueOf(exempt))));
        }
        ApplicationForm.Income income = form.income();
        long excluded = cents(income.excludedAllowances());
        Dm1999Contribution.Result dm = Dm1999Contribution.compute(rules, new Dm1999Contribution.Inputs(
                cents(income.employee()), cents(income.other()), cents(income.exemptContinuous()), children,
                cents(rent.annualRent()), months,
                rules.increase() != null && Boolean.TRUE.equals(form.declarations().get(rules.increase().fact()))));
        if (excluded > 0) {
            checks.add(Check.pass("excludedAllowances", "accompaniment and care allowances " + euro(excluded)
                    + " not counted as income", rules.bandA().incomeMax().legalRef(), Map.of("excluded", euro(excluded))));
        }
        checks.addAll(dm.checks());
        lowIncomeDeclaration(rules, form, dm, checks);
        separatedParent(rules, form, context, dm, checks);
        BigDecimal incidence = dm.band() == Band.B ? dm.incidenceB() : dm.incidenceA();
        checks.add(Check.of("band", dm.inBand(), dm.inBand() ? "band " + dm.band() : "neither band A nor band B → not eligible",
                rules.bandA().incomeMax().legalRef() + "; " + rules.bandB().incomeMax().legalRef(),
                Map.of("band", dm.inBand() ? dm.band().name() : "none")));
        return result(checks, dm.band(), dm.referenceIncomeCents(), dm.conventionalIncomeCents(), incidence,
                cents(rent.annualRent()), months, dm.needCents(), size, children);
    }

    /** Zero income or incidence above the threshold: one of the call's declarations must explain how rent is paid. */
    private static void lowIncomeDeclaration(CallRules.RentSupport rules, ApplicationForm form, Dm1999Contribution.Result dm,
                                             List<Check> checks) {
        BigDecimal incidence = dm.incidenceA();
        boolean zero = dm.referenceIncomeCents() == 0;
        boolean high = incidence != null && incidence.compareTo(rules.declarationAboveIncidence().value()) > 0;
        if (!zero && !high) {
            return;
        }
        List<String> declared = rules.lowIncomeDeclarations().stream()
                .filter(f -> Boolean.TRUE.equals(form.declarations().get(f))).toList();
        checks.add(Check.of("lowIncomeDeclaration", !declared.isEmpty(),
                (zero ? "zero income" : "incidence " + percent(incidence) + " > " + percent(rules.declarationAboveIncidence().value()))
                        + (declared.isEmpty() ? ": none of " + rules.lowIncomeDeclarations() + " declared → excluded"
                        : ": declared " + declared),
                rules.lowIncomeLegalRef(), Map.of("declared", declared.toString())));
    }

    private static void separatedParent(CallRules.RentSupport rules, ApplicationForm form, Context context,
                                        Dm1999Contribution.Result dm, List<Check> checks) {
        CallRules.SeparatedParents sp = rules.separatedParents();
        if (sp == null || !Boolean.TRUE.equals(form.declarations().get(sp.fact()))) {
            return;
        }
        long years = form.residentInPugliaSince() == null ? 0
                : ChronoUnit.YEARS.between(form.residentInPugliaSince(), context.submittedOn());
        long min = sp.minResidenceYearsInPuglia().value().longValue();
        checks.add(Check.of("separatedParentResidence", years >= min, "separated or divorced parent resident in Puglia "
                        + years + " years" + (years >= min ? " ≥ " : " < ") + min,
                sp.minResidenceYearsInPuglia().legalRef(), Map.of("years", String.valueOf(years))));
        long max = cents(sp.incomeMax().value());
        checks.add(Check.of("separatedParentIncome", dm.referenceIncomeCents() <= max, "separated or divorced parent income "
                        + euro(dm.referenceIncomeCents()) + (dm.referenceIncomeCents() <= max ? " ≤ " : " > ") + euro(max),
                sp.incomeMax().legalRef(), Map.of("income", euro(dm.referenceIncomeCents()), "incomeMax", euro(max))));
        boolean children = Boolean.TRUE.equals(form.declarations().get(sp.childrenFact()));
        checks.add(Check.of("separatedParentChildren", children, children ? "has minor or disabled children"
                : "no minor or disabled children declared → excluded", sp.incomeMax().legalRef(), Map.of(sp.childrenFact(), String.valueOf(children))));
        boolean convicted = Boolean.TRUE.equals(form.declarations().get(sp.convictionFact()));
        checks.add(Check.of("separatedParentConviction", !convicted, convicted
                ? "convicted of crimes against the person → excluded" : "no conviction for crimes against the person",
                sp.incomeMax().legalRef(), Map.of(sp.convictionFact(), String.valueOf(convicted))));
    }

    private static Assessment hardship(CallRules.Hardship rules, ApplicationForm form, Context context, List<Check> checks,
                                       int size, int children) {
        int allowed = rules.grantsPerHouseholdPerYear().value().intValue();
        boolean ok = context.householdGrantsThisYear() < allowed;
        checks.add(Check.of("oncePerYear", ok, "hardship grants to this household in " + context.submittedOn().getYear() + ": "
                        + context.householdGrantsThisYear() + (ok ? " < " : " ≥ ") + allowed,
                rules.grantsPerHouseholdPerYear().legalRef(),
                Map.of("grantsThisYear", String.valueOf(context.householdGrantsThisYear()), "allowed", String.valueOf(allowed))));
        checks.add(Check.pass("use", "use: " + form.use(), rules.usesLegalRef(), Map.of("use", form.use())));
        long max = cents(rules.maxAmount().value());
        long requested = form.requestedAmount() == null ? max : cents(form.requestedAmount());
        long need = Math.min(requested, max);
        checks.add(Check.pass("maxAmount", "at most " + euro(max) + "; the social worker's assessment sets the amount"
                        + (form.requestedAmount() == null ? "" : " (requested " + euro(requested) + ")"),
                rules.maxAmount().legalRef(), Map.of("requested", euro(requested), "maxAmount", euro(max))));
        return result(checks, null, null, null, null, null, null, need, size, children);
    }

    private static Assessment microcredit(CallRules.Microcredit rules, ApplicationForm form, List<Check> checks,
                                          int size, int children) {
        long requested = cents(form.requestedAmount());
        long max = cents(rules.maxLoan().value());
        checks.add(Check.of("maxLoan", requested <= max, "loan requested " + euro(requested) + (requested <= max ? " ≤ " : " > ")
                + euro(max), rules.maxLoan().legalRef(), Map.of("requested", euro(requested), "maxLoan", euro(max))));
        return result(checks, null, null, null, null, null, null, requested, size, children);
    }

    private static Assessment result(List<Check> checks, Band band, Long reference, Long conventional, BigDecimal incidence,
                                     Long rent, Integer months, long need, int size, int children) {
        // band A and band B are alternatives: failing one is explained, the "band" check decides
        boolean eligible = checks.stream().filter(c -> !ALTERNATIVES.contains(c.rule())).allMatch(Check::passed);
        return new Assessment(eligible, band, reference, conventional, incidence, rent, months, eligible ? need : 0,
                size, children, checks);
    }
}
