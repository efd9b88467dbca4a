package org.fondicasa.application.call;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.fondicasa.platform.domain.DomainCore;
import org.fondicasa.platform.domain.RuleViolation;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a call's eligibility and contributions depend on, as data with its legal reference: the common
 * requirements (ISEE, residence, declarations, documents) and the section of the call's kind. Stored with the call;
 * a new act means a new call, so an application is always judged by the rules it was submitted under.
 */
@DomainCore
public record CallRules(@Valid Rule iseeMax,
                        @Valid Rule minResidenceMonthsInPuglia,
                        @NotNull List<@Valid DeclaredFact> declarations,
                        @NotNull List<@Valid FactGroup> atLeastOneOf,
                        @Valid RequiredDocuments documents,
                        @Valid RentEmergency rentEmergency,
                        @Valid RentSupport rentSupport,
                        @Valid Hardship hardship,
                        @Valid Microcredit microcredit) {

    /** Fin_a COVID call: the rent of the listed months, capped; income loss strictly above the minimum. */
    public record RentEmergency(@Valid @NotNull Rule minIncomeLossPercent,
                                @Valid @NotNull Rule contributionCap,
                                @NotEmpty List<@NotNull YearMonth> months,
                                @NotBlank String contributionLegalRef) {
    }

    /** DM 7/6/1999 with its two bands and the call's options. */
    public record RentSupport(@Valid @NotNull Band bandA,
                              @Valid @NotNull Band bandB,
                              @Valid @NotNull Rule dependentChildDeduction,
                              @Valid @NotNull Rule employeeIncomeShare,
                              @Valid @NotNull Rule declarationAboveIncidence,
                              @NotEmpty List<@NotBlank String> lowIncomeDeclarations,
                              @NotBlank String lowIncomeLegalRef,
                              @Valid Rule maxFloorArea,
                              String floorAreaExemptionFact,
                              @NotNull List<@NotBlank String> excludedCadastralCategories,
                              @NotBlank String cadastralLegalRef,
                              boolean onlyMonthsWithoutCitizenIncome,
                              @NotBlank String citizenIncomeLegalRef,
                              @Valid Increase increase,
                              @Valid SeparatedParents separatedParents,
                              @Valid @NotNull PaymentStrategy payment) {
    }

    /** A band: income limit, minimum rent incidence (percent), maximum contribution. */
    public record Band(@Valid @NotNull Rule incomeMax, @Valid @NotNull Rule incidenceMin, @Valid @NotNull Rule contributionCap) {
    }

    /** Art. 2 c.4 DM 7/6/1999: the need raised by a percentage for households that declare the fact. */
    public record Increase(@Valid @NotNull Rule percent, @NotBlank String fact) {
    }

    /** Separated or divorced parents (DOMAIN §1.5): the extra requirements when the applicant declares {@code fact}. */
    public record SeparatedParents(@NotBlank String fact,
                                   @Valid @NotNull Rule minResidenceYearsInPuglia,
                                   @Valid @NotNull Rule incomeMax,
                                   @NotBlank String childrenFact,
                                   @NotBlank String convictionFact) {
    }

    /** How a ranked call's money is paid out. */
    public record PaymentStrategy(@NotNull Type type, @NotNull List<@Valid CutBand> cuts, @NotBlank String legalRef) {
        public enum Type {
            /** The whole contribution in ranking order until money runs out; the last one gets what is left. */
            FULL_IN_ORDER,
            /** Band A only: every contribution × budget / total band-A need, cent-exact. */
            PROPORTIONAL_BAND_A,
            /** Band A only: contributions cut by a percentage per income band, then paid in ranking order. */
            PROGRESSIVE_BAND_A
        }
    }

    /** Band-A applicants with reference income up to {@code incomeUpTo} (null: any income) get {@code cutPercent} less. */
    public record CutBand(BigDecimal incomeUpTo, @NotNull BigDecimal cutPercent) {
    }

    /** Hardship grant: the uses, the cap, how many grants a household may have per calendar year. */
    public record Hardship(@Valid @NotNull Rule maxAmount,
                           @NotEmpty List<@NotBlank String> uses,
                           @NotBlank String usesLegalRef,
                           @Valid @NotNull Rule grantsPerHouseholdPerYear) {
    }

    /** Social microcredit: the largest loan. */
    public record Microcredit(@Valid @NotNull Rule maxLoan) {
    }

    /** What is inconsistent between the rules and the kind, as violations; empty when fine. */
    public List<RuleViolation> inconsistencies(CallKind kind) {
        List<RuleViolation> problems = new ArrayList<>();
        require(problems, kind == CallKind.RENT_EMERGENCY, rentEmergency, "rentEmergency", kind);
        require(problems, kind == CallKind.RENT_SUPPORT, rentSupport, "rentSupport", kind);
        require(problems, kind == CallKind.HARDSHIP_GRANT, hardship, "hardship", kind);
        require(problems, kind == CallKind.SOCIAL_MICROCREDIT, microcredit, "microcredit", kind);
        if (rentSupport != null && rentSupport.payment() != null) {
            PaymentStrategy payment = rentSupport.payment();
            if (payment.type() == PaymentStrategy.Type.PROGRESSIVE_BAND_A && (payment.cuts() == null || payment.cuts().isEmpty())) {
                problems.add(new RuleViolation("rules.rentSupport.payment.cuts", "a progressive cut needs at least one income band"));
            }
            if (payment.cuts() != null) {
                for (int i = 0; i < payment.cuts().size(); i++) {
                    BigDecimal cut = payment.cuts().get(i).cutPercent();
                    if (cut != null && (cut.signum() < 0 || cut.compareTo(BigDecimal.valueOf(100)) > 0)) {
                        problems.add(new RuleViolation("rules.rentSupport.payment.cuts[" + i + "].cutPercent", "must be between 0 and 100"));
                    }
                }
            }
        }
        return problems;
    }

    private static void require(List<RuleViolation> problems, boolean needed, Object section, String name, CallKind kind) {
        if (needed && section == null) {
            problems.add(new RuleViolation("rules." + name, "a " + kind + " call needs its " + name + " rules"));
        } else if (!needed && section != null) {
            problems.add(new RuleViolation("rules." + name, "does not apply to a " + kind + " call"));
        }
    }
}
