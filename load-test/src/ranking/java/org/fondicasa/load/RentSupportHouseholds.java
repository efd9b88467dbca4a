package org.fondicasa.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.fondicasa.application.application.ApplicationForm;
import org.fondicasa.application.call.CallKind;
import org.fondicasa.application.call.CallRules;
import org.fondicasa.application.eligibility.Assessment;
import org.fondicasa.application.eligibility.Eligibility;
import org.fondicasa.platform.validation.Iban;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TimeZone;

/**
 * The households of the national-scale ranked call: one rent-support form (DM 7/6/1999) per index, deterministic
 * (the same index always gives the same household), figures spread like the demo's {@code Applicants} but over many
 * more households: varied incomes by type, dependent children and spouses, rents and months, floor areas and
 * cadastral categories, a few exclusion declarations, zero incomes with the declaration that explains them. Each form
 * is read into application-service's own {@link ApplicationForm} and assessed by its own {@link Eligibility}, and both
 * are written as JSON with an ObjectMapper configured as the service's (Quarkus' modules, dates as text): the rows
 * bulk-loaded are the rows intake would have stored (checked in the run against applications sent through HTTP).
 */
final class RentSupportHouseholds {

    /** Fiscal codes per application: the applicant, a spouse, up to three children, one spare. */
    static final int CODES_PER_APPLICATION = 6;
    private static final long SEED = 0x5EED_2026_1205L;
    private static final String[] EXCLUSIONS = {"TENANT_RELATED_TO_LANDLORD", "OWNS_PUBLIC_FUNDED_HOUSING", "OWNS_ADEQUATE_HOUSING",
            "TENANT_TAX_DEDUCTION_CLAIMED", "PRESTIGE_ZONE"};
    private static final String[] LOW_INCOME = {"ASSISTED_BY_SOCIAL_SERVICES", "VERIFIABLE_INCOME_SOURCE", "THIRD_PARTY_SUPPORT"};
    private static final String[] CATEGORIES = {"A2", "A3", "A3", "A4", "A4", "A5"};

    /** As Quarkus' ObjectMapper of the service: its modules, dates as ISO text, unknown fields refused, Europe/Rome. */
    static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setTimeZone(TimeZone.getTimeZone("Europe/Rome"));

    /** One household's application as sent, as read by the service, its household (applicant first) and assessment. */
    record Generated(int index, String body, ApplicationForm form, List<String> household, Assessment assessment) {
        String applicant() {
            return household.get(0);
        }
    }

    private final CallRules rules;
    private final LocalDate submittedOn;

    RentSupportHouseholds(CallRules rules, LocalDate submittedOn) {
        this.rules = rules;
        this.submittedOn = submittedOn;
    }

    static CallRules rules(String rulesJson) {
        try {
            return MAPPER.readValue(rulesJson, CallRules.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the call's rules do not read as application-service's CallRules", e);
        }
    }

    Generated generate(int index) {
        Random random = new Random(SEED + index * 0x9E3779B97F4A7C15L);
        ObjectNode form = MAPPER.createObjectNode();
        ArrayNode members = form.putArray("household");
        List<String> household = new ArrayList<>();
        String applicant = FiscalCodes.of(index * CODES_PER_APPLICATION);
        household.add(applicant);
        members.addObject().put("fiscalCode", applicant).put("role", "APPLICANT");
        if (random.nextInt(3) == 0) {
            String spouse = FiscalCodes.of(index * CODES_PER_APPLICATION + 1);
            household.add(spouse);
            members.addObject().put("fiscalCode", spouse).put("role", "SPOUSE");
        }
        int children = random.nextInt(4) == 0 ? 0 : random.nextInt(4);
        for (int c = 0; c < children; c++) {
            String child = FiscalCodes.of(index * CODES_PER_APPLICATION + 2 + c);
            household.add(child);
            members.addObject().put("fiscalCode", child).put("role", "CHILD").put("dependentChild", c < 2 || random.nextBoolean());
        }
        form.put("isee", money(1500 + random.nextInt(22000), random));
        form.put("residentInPugliaSince", LocalDate.of(1975 + random.nextInt(45), 1 + random.nextInt(12), 1 + random.nextInt(28)).toString());
        long employee = random.nextInt(9) == 0 ? 0 : 2500 + random.nextInt(21000);
        long other = random.nextInt(5) == 0 ? random.nextInt(4000) : 0;
        ObjectNode income = form.putObject("income");
        income.put("employee", employee == 0 ? "0.00" : money(employee, random))
                .put("other", other == 0 ? "0.00" : money(other, random))
                .put("exemptContinuous", random.nextInt(15) == 0 ? money(600 + random.nextInt(4000), random) : "0.00")
                .put("excludedAllowances", random.nextInt(25) == 0 ? money(5000 + random.nextInt(2000), random) : "0.00");
        int months = random.nextInt(6) == 0 ? 3 + random.nextInt(9) : 12;
        int floorArea = 38 + random.nextInt(random.nextInt(12) == 0 ? 80 : 57);
        form.putObject("rent").put("annualRent", money(2400 + random.nextInt(6600), random)).put("months", months)
                .put("monthsWithCitizenIncomeRent", random.nextInt(20) == 0 ? 1 + random.nextInt(months) : 0)
                .put("floorArea", Integer.toString(floorArea))
                .put("cadastralCategory", random.nextInt(60) == 0 ? (random.nextBoolean() ? "A1" : "A8") : CATEGORIES[random.nextInt(CATEGORIES.length)]);
        ObjectNode declarations = form.putObject("declarations");
        for (String fact : EXCLUSIONS) {
            declarations.put(fact, random.nextInt(90) == 0);
        }
        if (household.size() >= 5 || random.nextInt(12) == 0) {
            declarations.put("LARGE_OR_SOCIALLY_WEAK_HOUSEHOLD", true);
        }
        // a household with little or no income says how it pays the rent (most of them do)
        if (employee + other < 6000 && random.nextInt(10) != 0) {
            declarations.put(LOW_INCOME[random.nextInt(LOW_INCOME.length)], true);
        }
        if (children > 0 && random.nextInt(40) == 0) {
            declarations.put("SEPARATED_OR_DIVORCED_PARENT", true).put("HAS_MINOR_OR_DISABLED_CHILDREN", true)
                    .put("CONVICTED_CRIMES_AGAINST_PERSON", random.nextInt(10) == 0);
        }
        form.put("iban", iban(random));
        form.putArray("documents").add("LEASE_CONTRACT").add("ID_DOCUMENT");
        try {
            String body = MAPPER.writeValueAsString(form);
            ApplicationForm read = MAPPER.readValue(body, ApplicationForm.class);
            Assessment assessment = Eligibility.assess(CallKind.RENT_SUPPORT, rules, read, new Eligibility.Context(submittedOn, 0));
            return new Generated(index, body, read, List.copyOf(household), assessment);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String json(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String money(long euro, Random random) {
        return BigDecimal.valueOf(euro * 100 + random.nextInt(100), 2).toPlainString();
    }

    private static String iban(Random random) {
        String bban = "X0542811101" + String.format("%012d", Math.floorMod(random.nextLong(), 1_000_000_000_000L));
        return "IT" + Iban.checkDigits("IT", bban) + bban;
    }
}
