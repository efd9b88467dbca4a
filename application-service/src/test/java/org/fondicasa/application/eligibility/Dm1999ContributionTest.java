package org.fondicasa.application.eligibility;

import org.fondicasa.application.call.CallKind;
import org.fondicasa.application.call.CallRules;
import org.fondicasa.application.call.Templates;
import org.fondicasa.application.fixtures.ContributionInputsBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fondicasa.application.fixtures.ContributionInputsBuilder.aHouseholdEarning;

class Dm1999ContributionTest {

    private final CallRules.RentSupport rules = Templates.rules(CallKind.RENT_SUPPORT).rentSupport();

    private Dm1999Contribution.Result compute(ContributionInputsBuilder household) {
        return Dm1999Contribution.compute(rules, household.build());
    }

    @Test
    void bandANeedIsRentMinusFourteenPercentOfIncome() {
        var r = compute(aHouseholdEarning("12000.00").payingRent("2400.00"));
        assertThat(r.band()).isEqualTo(Band.A);
        assertThat(r.incidenceA()).isEqualByComparingTo("20.00");
        assertThat(r.needCents()).isEqualTo(240_000 - 168_000);
    }

    @Test
    void bandANeedIsCappedAt309874() {
        var r = compute(aHouseholdEarning("10000.00").payingRent("4800.00"));
        assertThat(r.needCents()).isEqualTo(309_874);
        assertThat(r.checks()).anySatisfy(c -> assertThat(c.explanation()).contains("capped at the band maximum € 3.098,74"));
    }

    @Test
    void incidenceBelowFourteenPercentIsNotBandAAndTheReasonSaysSo() {
        var r = compute(aHouseholdEarning("10000.00").payingRent("1230.00"));
        assertThat(r.band()).isNull();
        assertThat(r.checks()).anySatisfy(c -> assertThat(c.explanation())
                .isEqualTo("taxable income € 10.000,00 ≤ € 13.338,26; incidence 12,30% < 14,00% → not band A"));
    }

    @Test
    void bandBUsesConventionalIncomeWithChildDeductionFromEmployeeIncome() {
        // d = 2 × 516,46 = 1.032,92; 60% × (20.000 − 1.032,92) = 11.380,248 → 11.380,25
        var r = compute(aHouseholdEarning("20000.00").withChildren(2).payingRent("4000.00"));
        assertThat(r.conventionalIncomeCents()).isEqualTo(1_138_025);
        assertThat(r.band()).isEqualTo(Band.B);
        // 4.000 − 24% × 11.380,25 = 4.000 − 2.731,26 = 1.268,74
        assertThat(r.needCents()).isEqualTo(126_874);
    }

    @Test
    void deductionLeftOverAfterEmployeeIncomeComesOffOtherIncome() {
        // employee 500, 3 children: d = 1.549,38; 1.049,38 comes off other income 14.000
        var r = compute(aHouseholdEarning("500.00").withOtherIncome("14000.00").withChildren(3).payingRent("5000.00"));
        assertThat(r.conventionalIncomeCents()).isEqualTo(1_400_000 - (154_938 - 50_000));
    }

    @Test
    void needIsProRatedByMonthsAndRoundedHalfUpOnce() {
        var r = compute(aHouseholdEarning("20000.00").withChildren(2).payingRent("4000.00").forMonths(7));
        // 1.268,74 × 7 / 12 = 740,098… → 740,10
        assertThat(r.needCents()).isEqualTo(74_010);
    }

    @Test
    void bandBNeedIsCappedAt232406() {
        var r = compute(aHouseholdEarning("0.00").withOtherIncome("15000.00").payingRent("7000.00"));
        assertThat(r.band()).isEqualTo(Band.B);
        assertThat(r.needCents()).isEqualTo(232_406);
    }

    @Test
    void aboveBothLimitsIsNoBand() {
        var r = compute(aHouseholdEarning("30000.00").payingRent("9000.00"));
        assertThat(r.band()).isNull();
        assertThat(r.needCents()).isZero();
    }

    @Test
    void zeroIncomeIsBandAWithTheRentCapped() {
        var r = compute(aHouseholdEarning("0.00").payingRent("3600.00"));
        assertThat(r.band()).isEqualTo(Band.A);
        assertThat(r.incidenceA()).isNull();
        assertThat(r.needCents()).isEqualTo(309_874);
    }

    @Test
    void theArt2C4IncreaseAppliesBeforeTheCapsWhenTheCallHasItAndTheHouseholdDeclaresIt() {
        CallRules.RentSupport withIncrease = new CallRules.RentSupport(rules.bandA(), rules.bandB(), rules.dependentChildDeduction(),
                rules.employeeIncomeShare(), rules.declarationAboveIncidence(), rules.lowIncomeDeclarations(), rules.lowIncomeLegalRef(),
                rules.maxFloorArea(), rules.floorAreaExemptionFact(), rules.excludedCadastralCategories(), rules.cadastralLegalRef(),
                false, rules.citizenIncomeLegalRef(), new CallRules.Increase(org.fondicasa.application.call.Rule.of("25",
                "DM 7/6/1999 art. 2 c.4"), "ELDERLY_OR_DISABLED_MEMBER"), null, rules.payment());
        // (2.400 − 14% × 12.000) = 720, + 25% = 900
        var raised = Dm1999Contribution.compute(withIncrease, aHouseholdEarning("12000.00").payingRent("2400.00").declaringTheIncrease().build());
        assertThat(raised.needCents()).isEqualTo(90_000);
        var notDeclared = Dm1999Contribution.compute(withIncrease, aHouseholdEarning("12000.00").payingRent("2400.00").build());
        assertThat(notDeclared.needCents()).isEqualTo(72_000);
    }
}
