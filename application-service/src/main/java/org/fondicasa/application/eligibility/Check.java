package org.fondicasa.application.eligibility;

import java.util.Map;

/**
 * One rule checked on one application: the values used, whether it passed, the sentence an officer reads
 * ("DM 7/6/1999 art. 1: incidence 12,30% < 14,00% → not band A") and the legal reference.
 */
public record Check(String rule, boolean passed, String explanation, String legalRef, Map<String, String> inputs) {

    public Check {
        inputs = Map.copyOf(inputs);
    }

    static Check pass(String rule, String explanation, String legalRef, Map<String, String> inputs) {
        return new Check(rule, true, explanation, legalRef, inputs);
    }

    static Check of(String rule, boolean passed, String explanation, String legalRef, Map<String, String> inputs) {
        return new Check(rule, passed, explanation, legalRef, inputs);
    }
}
