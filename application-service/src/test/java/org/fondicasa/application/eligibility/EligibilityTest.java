package org.fondicasa.application.eligibility;

import org.fondicasa.application.application.ApplicationForm;
import org.fondicasa.application.application.ApplicationForm.Rent;
import org.fondicasa.application.call.CallKind;
import org.fondicasa.application.call.CallRules;
import org.fondicasa.application.call.Templates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EligibilityTest {

    private static final Eligibility.Context TODAY = new Eligibility.Context(LocalDate.of(2026, 5, 21), 0);

    private static Assessment assess(CallKind kind, ApplicationForm form) {
        CallRules rules = Templates.rules(kind);
        assertThat(Eligibility.missing(kind, rules, form)).isEmpty();
        return Eligibility.assess(kind, rules, form, TODAY);
    }

    @Test
    void rent_support_band_A_is_eligible_with_every_check_explained() {
        Assessment a = assess(CallKind.RENT_SUPPORT, Forms.rentSupport("12000.00", "0.00", 0, "2400.00", 12, Forms.noExclusions()));
        assertThat(a.eligible()).isTrue();
        assertThat(a.band()).isEqualTo(Band.A);
        assertThat(a.needCents()).isEqualTo(72_000);
        assertThat(a.checks()).extracting(Check::rule).contains("TENANT_RELATED_TO_LANDLORD", "PRESTIGE_ZONE",
                "citizenIncomeRent", "cadastralCategory", "floorArea", "conventionalIncome", "bandA", "contribution");
        assertThat(a.checks()).allSatisfy(c -> assertThat(c.legalRef()).isNotBlank());
    }

    @ParameterizedTest
    @ValueSource(strings = {"TENANT_RELATED_TO_LANDLORD", "OWNS_PUBLIC_FUNDED_HOUSING", "OWNS_ADEQUATE_HOUSING",
            "TENANT_TAX_DEDUCTION_CLAIMED", "PRESTIGE_ZONE"})
    void each_declared_exclusion_makes_a_rent_support_application_not_eligible(String exclusion) {
        Map<String, Boolean> facts = Forms.noExclusions();
        facts.put(exclusion, true);
        Assessment a = assess(CallKind.RENT_SUPPORT, Forms.rentSupport("12000.00", "0.00", 0, "2400.00", 12, facts));
        assertThat(a.eligible()).isFalse();
        assertThat(a.needCents()).isZero();
        assertThat(a.failures()).singleElement().satisfies(c -> {
            assertThat(c.rule()).isEqualTo(exclusion);
            assertThat(c.explanation()).endsWith("→ excluded");
        });
    }

    @Test
    void luxury_category_large_dwelling_and_citizen_income_rent_quota_are_excluded() {
        ApplicationForm base = Forms.rentSupport("12000.00", "0.00", 0, "2400.00", 12, Forms.noExclusions());
        assertThat(assess(CallKind.RENT_SUPPORT, Forms.withRent(base, new Rent(new BigDecimal("2400.00"), 12, 0, null, new BigDecimal("70"), "A8")))
                .failures()).extracting(Check::rule).containsExactly("cadastralCategory");
        assertThat(assess(CallKind.RENT_SUPPORT, Forms.withRent(base, new Rent(new BigDecimal("2400.00"), 12, 0, null, new BigDecimal("120"), "A3")))
                .failures()).extracting(Check::rule).containsExactly("floorArea");
        assertThat(assess(CallKind.RENT_SUPPORT, Forms.withRent(base, new Rent(new BigDecimal("2400.00"), 12, 3, null, new BigDecimal("70"), "A3")))
                .failures()).extracting(Check::rule).containsExactly("citizenIncomeRent");
    }

    @Test
    void a_large_household_may_rent_more_than_95_square_metres() {
        Map<String, Boolean> facts = Forms.noExclusions();
        facts.put("LARGE_OR_SOCIALLY_WEAK_HOUSEHOLD", true);
        ApplicationForm form = Forms.withRent(Forms.rentSupport("12000.00", "0.00", 0, "2400.00", 12, facts),
                new Rent(new BigDecimal("2400.00"), 12, 0, null, new BigDecimal("120"), "A3"));
        assertThat(assess(CallKind.RENT_SUPPORT, form).eligible()).isTrue();
    }

    @Test
    void zero_income_needs_one_of_the_three_declarations() {
        Assessment without = assess(CallKind.RENT_SUPPORT, Forms.rentSupport("0.00", "0.00", 0, "3600.00", 12, Forms.noExclusions()));
        assertThat(without.failures()).extracting(Check::rule).containsExactly("lowIncomeDeclaration");
        Map<String, Boolean> facts = Forms.noExclusions();
        facts.put("THIRD_PARTY_SUPPORT", true);
        Assessment with = assess(CallKind.RENT_SUPPORT, Forms.rentSupport("0.00", "0.00", 0, "3600.00", 12, facts));
        assertThat(with.eligible()).isTrue();
        assertThat(with.needCents()).isEqualTo(309_874);
    }

    @Test
    void incidence_above_ninety_percent_needs_a_declaration_too() {
        Assessment a = assess(CallKind.RENT_SUPPORT, Forms.rentSupport("3000.00", "0.00", 0, "3000.00", 12, Forms.noExclusions()));
        assertThat(a.failures()).singleElement().satisfies(c -> assertThat(c.explanation()).startsWith("incidence 100,00% > 90,00%"));
    }

    @Test
    void separated_parent_must_meet_the_extra_requirements() {
        Map<String, Boolean> facts = Forms.noExclusions();
        facts.put("SEPARATED_OR_DIVORCED_PARENT", true);
        facts.put("HAS_MINOR_OR_DISABLED_CHILDREN", true);
        facts.put("CONVICTED_CRIMES_AGAINST_PERSON", true);
        ApplicationForm f = Forms.rentSupport("9000.00", "0.00", 1, "3000.00", 12, facts);
        ApplicationForm form = new ApplicationForm(null, f.household(), null, LocalDate.of(2010, 1, 1), f.income(), f.rent(),
                null, facts, null, null, null, f.iban(), List.of());
        assertThat(assess(CallKind.RENT_SUPPORT, form).failures()).extracting(Check::rule)
                .containsExactly("separatedParentConviction");
    }

    @Test
    void pulsano_counts_only_months_without_the_citizen_income_rent_quota() {
        CallRules template = Templates.rules(CallKind.RENT_SUPPORT);
        CallRules.RentSupport rs = template.rentSupport();
        CallRules pulsano = new CallRules(template.iseeMax(), null, template.declarations(), List.of(), null, null,
                new CallRules.RentSupport(rs.bandA(), rs.bandB(), rs.dependentChildDeduction(), rs.employeeIncomeShare(),
                        rs.declarationAboveIncidence(), rs.lowIncomeDeclarations(), rs.lowIncomeLegalRef(), rs.maxFloorArea(),
                        rs.floorAreaExemptionFact(), rs.excludedCadastralCategories(), rs.cadastralLegalRef(), true,
                        "Bando Pulsano 2021: only months without reddito di cittadinanza count", null, null, rs.payment()),
                null, null);
        ApplicationForm form = Forms.withRent(Forms.rentSupport("12000.00", "0.00", 0, "2400.00", 12, Forms.noExclusions()),
                new Rent(new BigDecimal("2400.00"), 12, 4, null, new BigDecimal("70"), "A3"));
        Assessment a = Eligibility.assess(CallKind.RENT_SUPPORT, pulsano, form, TODAY);
        assertThat(a.eligible()).isTrue();
        assertThat(a.monthsCounted()).isEqualTo(8);
        assertThat(a.needCents()).isEqualTo(48_000); // 720 × 8 / 12
    }

    @Test
    void rent_emergency_pays_three_months_capped_at_1000_and_needs_a_loss_over_20_percent() {
        Assessment a = assess(CallKind.RENT_EMERGENCY, Forms.emergency("20000.00", "35", "450.00", "450.00", "450.00"));
        assertThat(a.eligible()).isTrue();
        assertThat(a.needCents()).isEqualTo(100_000);
        Assessment exactly20 = assess(CallKind.RENT_EMERGENCY, Forms.emergency("20000.00", "20", "300.00", "300.00", "300.00"));
        assertThat(exactly20.failures()).extracting(Check::rule).containsExactly("incomeLoss");
        Assessment rich = assess(CallKind.RENT_EMERGENCY, Forms.emergency("35000.01", "50", "300.00", "300.00", "300.00"));
        assertThat(rich.failures()).extracting(Check::rule).containsExactly("iseeMax");
    }

    @Test
    void rent_emergency_form_without_the_three_months_is_incomplete() {
        ApplicationForm form = Forms.emergency("20000.00", "35", "450.00");
        assertThat(Eligibility.missing(CallKind.RENT_EMERGENCY, Templates.rules(CallKind.RENT_EMERGENCY), form))
                .extracting(v -> v.field()).containsExactly("rent.emergencyMonths");
    }

    @Test
    void microcredit_needs_twelve_months_in_puglia_isee_and_a_vulnerability() {
        Map<String, Boolean> vulnerable = Map.of("VULNERABILITY_JOB_LOSS", true);
        assertThat(assess(CallKind.SOCIAL_MICROCREDIT, Forms.microcredit("18500.00", LocalDate.of(2025, 5, 21), "10000.00", vulnerable))
                .eligible()).isTrue();
        assertThat(assess(CallKind.SOCIAL_MICROCREDIT, Forms.microcredit("18500.00", LocalDate.of(2025, 5, 22), "5000.00", vulnerable))
                .failures()).extracting(Check::rule).containsExactly("residenceInPuglia");
        assertThat(assess(CallKind.SOCIAL_MICROCREDIT, Forms.microcredit("18500.01", LocalDate.of(2020, 1, 1), "5000.00", vulnerable))
                .failures()).extracting(Check::rule).containsExactly("iseeMax");
        assertThat(assess(CallKind.SOCIAL_MICROCREDIT, Forms.microcredit("9000.00", LocalDate.of(2020, 1, 1), "5000.00", Map.of()))
                .failures()).extracting(Check::rule).containsExactly("vulnerability");
        assertThat(assess(CallKind.SOCIAL_MICROCREDIT, Forms.microcredit("9000.00", LocalDate.of(2020, 1, 1), "10000.01", vulnerable))
                .failures()).extracting(Check::rule).containsExactly("maxLoan");
    }

    @Test
    void hardship_grant_needs_the_documents_of_art_9_and_only_once_a_year() {
        List<String> all = List.of("ISEE_CERTIFICATE", "SELF_DECLARATION_PUBLIC_SUPPORT", "PROOF_OF_NEED",
                "ID_DOCUMENT_AND_FISCAL_CODE", "IBAN_CERTIFICATE");
        ApplicationForm form = Forms.hardship("8000.00", "UTILITY_BILLS_DISCONNECTION", all, Forms.noExclusions());
        Assessment ok = assess(CallKind.HARDSHIP_GRANT, form);
        assertThat(ok.eligible()).isTrue();
        assertThat(ok.needCents()).isEqualTo(50_000);
        Assessment second = Eligibility.assess(CallKind.HARDSHIP_GRANT, Templates.rules(CallKind.HARDSHIP_GRANT), form,
                new Eligibility.Context(TODAY.submittedOn(), 1));
        assertThat(second.failures()).extracting(Check::rule).containsExactly("oncePerYear");
        Assessment noDocs = assess(CallKind.HARDSHIP_GRANT, Forms.hardship("8000.00", "UTILITY_BILLS_DISCONNECTION",
                List.of("ISEE_CERTIFICATE"), Forms.noExclusions()));
        assertThat(noDocs.failures()).singleElement().satisfies(c -> assertThat(c.explanation())
                .contains("PROOF_OF_NEED"));
    }

    @Test
    void every_template_is_consistent_with_its_kind() {
        for (CallKind kind : CallKind.values()) {
            assertThat(Templates.rules(kind).inconsistencies(kind)).as(kind.name()).isEmpty();
        }
    }
}
