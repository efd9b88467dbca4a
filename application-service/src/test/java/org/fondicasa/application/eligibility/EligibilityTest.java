package org.fondicasa.application.eligibility;

import org.fondicasa.application.application.ApplicationForm;
import org.fondicasa.application.call.CallKind;
import org.fondicasa.application.call.CallRules;
import org.fondicasa.application.call.Templates;
import org.fondicasa.application.fixtures.ApplicationFormBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fondicasa.application.fixtures.ApplicationFormBuilder.HARDSHIP_DOCUMENTS;
import static org.fondicasa.application.fixtures.ApplicationFormBuilder.aHardshipApplication;
import static org.fondicasa.application.fixtures.ApplicationFormBuilder.aMicrocreditApplication;
import static org.fondicasa.application.fixtures.ApplicationFormBuilder.aRentSupportApplication;
import static org.fondicasa.application.fixtures.ApplicationFormBuilder.anEmergencyApplication;

class EligibilityTest {

    private static final Eligibility.Context TODAY = new Eligibility.Context(LocalDate.of(2026, 5, 21), 0);

    /** A band A tenant: € 12.000 of employee income, € 2.400 of rent over 12 months. */
    private static ApplicationFormBuilder bandATenant() {
        return aRentSupportApplication().withIncome("12000.00").withRent("2400.00").forMonths(12);
    }

    private static Assessment assess(CallKind kind, ApplicationForm form) {
        CallRules rules = Templates.rules(kind);
        assertThat(Eligibility.missing(kind, rules, form)).isEmpty();
        return Eligibility.assess(kind, rules, form, TODAY);
    }

    @Test
    void rentSupportBandAIsEligibleWithEveryCheckExplained() {
        Assessment a = assess(CallKind.RENT_SUPPORT, bandATenant().build());
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
        Assessment a = assess(CallKind.RENT_SUPPORT, bandATenant().declaring(exclusion).build());
        assertThat(a.eligible()).isFalse();
        assertThat(a.needCents()).isZero();
        assertThat(a.failures()).singleElement().satisfies(c -> {
            assertThat(c.rule()).isEqualTo(exclusion);
            assertThat(c.explanation()).endsWith("→ excluded");
        });
    }

    @Test
    void luxuryCategoryLargeDwellingAndCitizenIncomeRentQuotaAreExcluded() {
        assertThat(assess(CallKind.RENT_SUPPORT, bandATenant().inCadastralCategory("A8").build())
                .failures()).extracting(Check::rule).containsExactly("cadastralCategory");
        assertThat(assess(CallKind.RENT_SUPPORT, bandATenant().withFloorArea("120").build())
                .failures()).extracting(Check::rule).containsExactly("floorArea");
        assertThat(assess(CallKind.RENT_SUPPORT, bandATenant().withCitizenIncomeRentMonths(3).build())
                .failures()).extracting(Check::rule).containsExactly("citizenIncomeRent");
    }

    @Test
    void aLargeHouseholdMayRentMoreThan95SquareMetres() {
        ApplicationForm form = bandATenant().withFloorArea("120").declaring("LARGE_OR_SOCIALLY_WEAK_HOUSEHOLD").build();
        assertThat(assess(CallKind.RENT_SUPPORT, form).eligible()).isTrue();
    }

    @Test
    void zeroIncomeNeedsOneOfTheThreeDeclarations() {
        Assessment without = assess(CallKind.RENT_SUPPORT, aRentSupportApplication().withIncome("0.00").withRent("3600.00").build());
        assertThat(without.failures()).extracting(Check::rule).containsExactly("lowIncomeDeclaration");
        Assessment with = assess(CallKind.RENT_SUPPORT, aRentSupportApplication().withIncome("0.00").withRent("3600.00")
                .declaring("THIRD_PARTY_SUPPORT").build());
        assertThat(with.eligible()).isTrue();
        assertThat(with.needCents()).isEqualTo(309_874);
    }

    @Test
    void incidenceAboveNinetyPercentNeedsADeclarationToo() {
        Assessment a = assess(CallKind.RENT_SUPPORT, aRentSupportApplication().withIncome("3000.00").withRent("3000.00").build());
        assertThat(a.failures()).singleElement().satisfies(c -> assertThat(c.explanation()).startsWith("incidence 100,00% > 90,00%"));
    }

    @Test
    void separatedParentMustMeetTheExtraRequirements() {
        ApplicationForm form = aRentSupportApplication().withIncome("9000.00").withRent("3000.00").withChildren(1)
                .residentInPugliaSince(LocalDate.of(2010, 1, 1)).declaring("SEPARATED_OR_DIVORCED_PARENT")
                .declaring("HAS_MINOR_OR_DISABLED_CHILDREN").declaring("CONVICTED_CRIMES_AGAINST_PERSON").build();
        assertThat(assess(CallKind.RENT_SUPPORT, form).failures()).extracting(Check::rule)
                .containsExactly("separatedParentConviction");
    }

    @Test
    void pulsanoCountsOnlyMonthsWithoutTheCitizenIncomeRentQuota() {
        CallRules template = Templates.rules(CallKind.RENT_SUPPORT);
        CallRules.RentSupport rs = template.rentSupport();
        CallRules pulsano = new CallRules(template.iseeMax(), null, template.declarations(), List.of(), null, null,
                new CallRules.RentSupport(rs.bandA(), rs.bandB(), rs.dependentChildDeduction(), rs.employeeIncomeShare(),
                        rs.declarationAboveIncidence(), rs.lowIncomeDeclarations(), rs.lowIncomeLegalRef(), rs.maxFloorArea(),
                        rs.floorAreaExemptionFact(), rs.excludedCadastralCategories(), rs.cadastralLegalRef(), true,
                        "Bando Pulsano 2021: only months without reddito di cittadinanza count", null, null, rs.payment()),
                null, null);
        ApplicationForm form = bandATenant().withCitizenIncomeRentMonths(4).build();
        Assessment a = Eligibility.assess(CallKind.RENT_SUPPORT, pulsano, form, TODAY);
        assertThat(a.eligible()).isTrue();
        assertThat(a.monthsCounted()).isEqualTo(8);
        assertThat(a.needCents()).isEqualTo(48_000); // 720 × 8 / 12
    }

    @Test
    void rentEmergencyPaysThreeMonthsCappedAt1000AndNeedsALossOver20Percent() {
        Assessment a = assess(CallKind.RENT_EMERGENCY, anEmergencyApplication().withIsee("20000.00").withIncomeLoss("35")
                .withMonthsOfRent("450.00", "450.00", "450.00").build());
        assertThat(a.eligible()).isTrue();
        assertThat(a.needCents()).isEqualTo(100_000);
        Assessment exactly20 = assess(CallKind.RENT_EMERGENCY, anEmergencyApplication().withIsee("20000.00").withIncomeLoss("20")
                .withMonthsOfRent("300.00", "300.00", "300.00").build());
        assertThat(exactly20.failures()).extracting(Check::rule).containsExactly("incomeLoss");
        Assessment rich = assess(CallKind.RENT_EMERGENCY, anEmergencyApplication().withIsee("35000.01").withIncomeLoss("50")
                .withMonthsOfRent("300.00", "300.00", "300.00").build());
        assertThat(rich.failures()).extracting(Check::rule).containsExactly("iseeMax");
    }

    @Test
    void rentEmergencyFormWithoutTheThreeMonthsIsIncomplete() {
        ApplicationForm form = anEmergencyApplication().withIsee("20000.00").withIncomeLoss("35").withMonthsOfRent("450.00").build();
        assertThat(Eligibility.missing(CallKind.RENT_EMERGENCY, Templates.rules(CallKind.RENT_EMERGENCY), form))
                .extracting(v -> v.field()).containsExactly("rent.emergencyMonths");
    }

    @Test
    void microcreditNeedsTwelveMonthsInPugliaIseeAndAVulnerability() {
        assertThat(assess(CallKind.SOCIAL_MICROCREDIT, aMicrocreditApplication().withIsee("18500.00").residentInPugliaSince(LocalDate.of(2025, 5, 21))
                .requesting("10000.00").build())
                .eligible()).isTrue();
        assertThat(assess(CallKind.SOCIAL_MICROCREDIT, aMicrocreditApplication().withIsee("18500.00").residentInPugliaSince(LocalDate.of(2025, 5, 22))
                .requesting("5000.00").build())
                .failures()).extracting(Check::rule).containsExactly("residenceInPuglia");
        assertThat(assess(CallKind.SOCIAL_MICROCREDIT, aMicrocreditApplication().withIsee("18500.01").residentInPugliaSince(LocalDate.of(2020, 1, 1))
                .requesting("5000.00").build())
                .failures()).extracting(Check::rule).containsExactly("iseeMax");
        assertThat(assess(CallKind.SOCIAL_MICROCREDIT, aMicrocreditApplication().withIsee("9000.00").residentInPugliaSince(LocalDate.of(2020, 1, 1))
                .requesting("5000.00").withNoDeclarations().build())
                .failures()).extracting(Check::rule).containsExactly("vulnerability");
        assertThat(assess(CallKind.SOCIAL_MICROCREDIT, aMicrocreditApplication().withIsee("9000.00").residentInPugliaSince(LocalDate.of(2020, 1, 1))
                .requesting("10000.01").build())
                .failures()).extracting(Check::rule).containsExactly("maxLoan");
    }

    @Test
    void hardshipGrantNeedsTheDocumentsOfArt9AndOnlyOnceAYear() {
        ApplicationForm form = aHardshipApplication().withIsee("8000.00").forUse("UTILITY_BILLS_DISCONNECTION")
                .withDocuments(HARDSHIP_DOCUMENTS).build();
        Assessment ok = assess(CallKind.HARDSHIP_GRANT, form);
        assertThat(ok.eligible()).isTrue();
        assertThat(ok.needCents()).isEqualTo(50_000);
        Assessment second = Eligibility.assess(CallKind.HARDSHIP_GRANT, Templates.rules(CallKind.HARDSHIP_GRANT), form,
                new Eligibility.Context(TODAY.submittedOn(), 1));
        assertThat(second.failures()).extracting(Check::rule).containsExactly("oncePerYear");
        Assessment noDocs = assess(CallKind.HARDSHIP_GRANT, aHardshipApplication().withIsee("8000.00")
                .forUse("UTILITY_BILLS_DISCONNECTION").withDocuments("ISEE_CERTIFICATE").build());
        assertThat(noDocs.failures()).singleElement().satisfies(c -> assertThat(c.explanation())
                .contains("PROOF_OF_NEED"));
    }

    @Test
    void everyTemplateIsConsistentWithItsKind() {
        for (CallKind kind : CallKind.values()) {
            assertThat(Templates.rules(kind).inconsistencies(kind)).as(kind.name()).isEmpty();
        }
    }
}
