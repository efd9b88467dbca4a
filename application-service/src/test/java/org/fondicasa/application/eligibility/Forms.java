package org.fondicasa.application.eligibility;

import org.fondicasa.application.application.ApplicationForm;
import org.fondicasa.application.application.ApplicationForm.Income;
import org.fondicasa.application.application.ApplicationForm.Member;
import org.fondicasa.application.application.ApplicationForm.Rent;
import org.fondicasa.application.application.ApplicationForm.Role;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Readable application forms for the domain tests. */
final class Forms {

    static final String MARIO = "RSSMRA80A01A662A";

    private Forms() {
    }

    static Map<String, Boolean> noExclusions() {
        Map<String, Boolean> facts = new HashMap<>();
        for (String f : List.of("TENANT_RELATED_TO_LANDLORD", "OWNS_PUBLIC_FUNDED_HOUSING", "OWNS_ADEQUATE_HOUSING",
                "TENANT_TAX_DEDUCTION_CLAIMED", "PRESTIGE_ZONE", "CITIZEN_INCOME_RENT_QUOTA", "OWNS_OTHER_REAL_ESTATE",
                "PUBLIC_BENEFIT_LAST_TWO_MONTHS", "CONVICTED_CRIMES_AGAINST_PA", "OTHER_RESOURCES_EQUAL_MAX_GRANT")) {
            facts.put(f, false);
        }
        facts.put("NOT_ENOUGH_LIQUIDITY", true);
        facts.put("RESIDENT_IN_MUNICIPALITY", true);
        facts.put("MOVABLE_ASSETS_WITHIN_FRANCHISE", true);
        return facts;
    }

    static ApplicationForm rentSupport(String employee, String other, int children, String annualRent, int months,
                                       Map<String, Boolean> facts) {
        List<Member> household = new java.util.ArrayList<>(List.of(new Member(MARIO, Role.APPLICANT, false)));
        for (int i = 0; i < children; i++) {
            household.add(new Member("CHILD" + i, Role.CHILD, true));
        }
        return new ApplicationForm(null, household, null, null,
                new Income(new BigDecimal(employee), new BigDecimal(other), BigDecimal.ZERO, BigDecimal.ZERO),
                new Rent(new BigDecimal(annualRent), months, 0, null, new BigDecimal("70"), "A3"),
                null, facts, null, null, null, "IT60X0542811101000000123456", List.of());
    }

    static ApplicationForm withRent(ApplicationForm f, Rent rent) {
        return new ApplicationForm(f.onBehalfOf(), f.household(), f.isee(), f.residentInPugliaSince(), f.income(), rent,
                f.incomeLossPercent(), f.declarations(), f.requestedAmount(), f.use(), f.purpose(), f.iban(), f.documents());
    }

    static ApplicationForm emergency(String isee, String loss, String... months) {
        return new ApplicationForm(null, List.of(new Member(MARIO, Role.APPLICANT, false)), new BigDecimal(isee), null, null,
                new Rent(null, null, null, java.util.Arrays.stream(months).map(BigDecimal::new).toList(), null, null),
                new BigDecimal(loss), noExclusions(), null, null, null, "IT60X0542811101000000123456", List.of());
    }

    static ApplicationForm microcredit(String isee, LocalDate residentSince, String loan, Map<String, Boolean> facts) {
        return new ApplicationForm(null, List.of(new Member(MARIO, Role.APPLICANT, false)), new BigDecimal(isee), residentSince,
                null, null, null, facts, new BigDecimal(loan), null, "school books", "IT60X0542811101000000123456", List.of());
    }

    static ApplicationForm hardship(String isee, String use, List<String> documents, Map<String, Boolean> facts) {
        return new ApplicationForm(null, List.of(new Member(MARIO, Role.APPLICANT, false)), new BigDecimal(isee), null, null,
                null, null, facts, null, use, "disconnection notice", "IT60X0542811101000000123456", documents);
    }
}
