package org.fondicasa.local;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.fondicasa.platform.validation.FiscalCode;
import org.fondicasa.platform.validation.Iban;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Random;

/**
 * Generated applicants of the demo round: households with valid fiscal codes and IBANs (check characters computed),
 * figures drawn from a fixed seed so every run files the same applications. Most are eligible; a few are not, each
 * for a reason the call's rules name, so that the assessments show refusals too.
 */
final class Applicants {

    private static final String CONSONANTS = "BCDFGLMNPRSTVZ";
    private static final String MONTHS = "ABCDEHLMPRST";

    private final Random random;
    private final String birthPlace;
    private int next;

    /** {@code birthPlace}: the cadastral code in the fiscal codes (e.g. A662 for Bari). */
    Applicants(long seed, String birthPlace) {
        this.random = new Random(seed);
        this.birthPlace = birthPlace;
    }

    /** A COVID rent emergency application (Fin_a, DGR 1724/2020) filed at a desk for a citizen. */
    ObjectNode rentEmergency() {
        ObjectNode form = household(random.nextInt(4));
        boolean citizenIncome = random.nextInt(20) == 0;
        int loss = random.nextInt(8) == 0 ? 10 + random.nextInt(9) : 25 + random.nextInt(50);
        int isee = random.nextInt(15) == 0 ? 36000 + random.nextInt(6000) : 3000 + random.nextInt(25000);
        form.put("isee", money(isee));
        form.put("incomeLossPercent", Integer.toString(loss));
        ArrayNode months = form.putObject("rent").putArray("emergencyMonths");
        String monthly = money(250 + random.nextInt(400));
        months.add(monthly).add(monthly).add(monthly);
        form.putObject("declarations").put("NOT_ENOUGH_LIQUIDITY", true).put("CITIZEN_INCOME_RENT_QUOTA", citizenIncome);
        form.putArray("documents");
        return form;
    }

    /** An ordinary rent support application (DM 7/6/1999) filed at a desk for a citizen. */
    ObjectNode rentSupport() {
        int children = random.nextInt(4) == 0 ? 0 : random.nextInt(3);
        ObjectNode form = household(children);
        int employee = random.nextInt(10) == 0 ? 0 : 4000 + random.nextInt(20000);
        ObjectNode income = form.putObject("income");
        income.put("employee", money(employee)).put("other", random.nextInt(5) == 0 ? money(random.nextInt(3000)) : "0.00")
                .put("exemptContinuous", "0.00").put("excludedAllowances", "0.00");
        int months = random.nextInt(6) == 0 ? 6 + random.nextInt(6) : 12;
        form.putObject("rent").put("annualRent", money(2400 + random.nextInt(5400))).put("months", months)
                .put("monthsWithCitizenIncomeRent", 0).put("floorArea", Integer.toString(45 + random.nextInt(48)))
                .put("cadastralCategory", random.nextInt(25) == 0 ? "A1" : random.nextBoolean() ? "A3" : "A4");
        ObjectNode declarations = form.putObject("declarations");
        for (String fact : new String[]{"TENANT_RELATED_TO_LANDLORD", "OWNS_PUBLIC_FUNDED_HOUSING", "OWNS_ADEQUATE_HOUSING",
                "TENANT_TAX_DEDUCTION_CLAIMED", "PRESTIGE_ZONE"}) {
            declarations.put(fact, random.nextInt(60) == 0);
        }
        if (employee == 0) {
            declarations.put("THIRD_PARTY_SUPPORT", true);
        }
        form.putArray("documents").add("LEASE_CONTRACT");
        return form;
    }

    /** An ordinary rent-support application the citizen files herself (a SPID/CIE token), alone in her household. */
    ObjectNode rentSupportOf(String fiscalCode) {
        ObjectNode form = rentSupport();
        form.remove("onBehalfOf");
        form.putArray("household").addObject().put("fiscalCode", fiscalCode).put("role", "APPLICANT");
        return form;
    }

    /** The applicant and {@code children} dependent children, a desk's {@code onBehalfOf}, and an IBAN. */
    private ObjectNode household(int children) {
        String applicant = fiscalCode(1955 + random.nextInt(45));
        ObjectNode form = Http.JSON.createObjectNode();
        form.put("onBehalfOf", applicant);
        ArrayNode members = form.putArray("household");
        members.addObject().put("fiscalCode", applicant).put("role", "APPLICANT");
        for (int i = 0; i < children; i++) {
            members.addObject().put("fiscalCode", fiscalCode(2005 + random.nextInt(15))).put("role", "CHILD").put("dependentChild", true);
        }
        form.put("iban", iban());
        return form;
    }

    /** A fiscal code of someone born in {@code year}, unique in this run (the sequence is in the surname letters). */
    private String fiscalCode(int year) {
        int n = next++;
        StringBuilder code = new StringBuilder();
        code.append(CONSONANTS.charAt(n % 14)).append(CONSONANTS.charAt(n / 14 % 14)).append(CONSONANTS.charAt(n / 196 % 14));
        for (int i = 0; i < 3; i++) {
            code.append(CONSONANTS.charAt(random.nextInt(CONSONANTS.length())));
        }
        int day = 1 + random.nextInt(28) + (random.nextBoolean() ? 40 : 0);
        code.append(String.format("%02d", year % 100)).append(MONTHS.charAt(random.nextInt(12)))
                .append(String.format("%02d", day)).append(birthPlace);
        return code.append(FiscalCode.checkCharacter(code.toString())).toString();
    }

    private String iban() {
        String bban = "X0542811101" + String.format("%012d", Math.floorMod(random.nextLong(), 1_000_000_000_000L));
        return "IT" + Iban.checkDigits("IT", bban) + bban;
    }

    private static String money(int euro) {
        return BigDecimal.valueOf(euro).setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }
}
