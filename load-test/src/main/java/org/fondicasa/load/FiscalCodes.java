package org.fondicasa.load;

import org.fondicasa.platform.validation.FiscalCode;

/**
 * Distinct, valid Italian fiscal codes, one per index: surname and name consonants encode the index (21³ × 21³
 * codes), birth date and place vary with it, and the check character is computed as the Ministry's rule says
 * (service-kit's {@link FiscalCode}). Deterministic: the same index always gives the same code.
 */
final class FiscalCodes {

    private static final String CONSONANTS = "BCDFGHJKLMNPQRSTVWXYZ";
    private static final String MONTHS = "ABCDEHLMPRST";
    /** Birth places in Puglia (Belfiore codes): Bari, Bisceglie, Taranto, Lecce, Foggia, Brindisi, Andria. */
    private static final String[] PLACES = {"A662", "A883", "L049", "E506", "D643", "B180", "A285"};
    private static final int PER_NAME = CONSONANTS.length() * CONSONANTS.length() * CONSONANTS.length();
    static final long CAPACITY = (long) PER_NAME * PER_NAME;

    private FiscalCodes() {
    }

    static String of(int index) {
        if (index < 0 || index >= CAPACITY) {
            throw new IllegalArgumentException("index " + index);
        }
        StringBuilder code = new StringBuilder(16);
        consonants(code, index % PER_NAME);
        consonants(code, index / PER_NAME);
        int year = 40 + index % 50;
        code.append(year);
        code.append(MONTHS.charAt(index / 50 % MONTHS.length()));
        int day = 1 + index / 600 % 28 + (index % 2 == 1 ? 40 : 0);
        code.append(day < 10 ? "0" + day : Integer.toString(day));
        code.append(PLACES[index / 7 % PLACES.length]);
        code.append(FiscalCode.checkCharacter(code.toString()));
        String result = code.toString();
        if (!FiscalCode.isValid(result)) {
            throw new IllegalStateException("generated an invalid fiscal code " + result);
        }
        return result;
    }

    private static void consonants(StringBuilder code, int value) {
        int n = CONSONANTS.length();
        code.append(CONSONANTS.charAt(value / (n * n) % n)).append(CONSONANTS.charAt(value / n % n)).append(CONSONANTS.charAt(value % n));
    }
}
