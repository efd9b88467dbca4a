package org.fondicasa.platform.validation;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Italian codice fiscale of a person: 16 characters whose last one is a check character over the first 15
 * (DM 23/12/1976). Digits may be replaced by letters (omocodia), which the check covers too. SPID and CIE
 * identity providers send it as {@code TINIT-<code>} (ETSI natural person identifier): both forms normalise
 * to the bare upper-case code.
 */
public final class FiscalCode {

    private static final Pattern SHAPE = Pattern.compile(
            "[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]");
    // values of characters in odd positions (1st, 3rd, ...), for 0-9 then A-Z
    private static final int[] ODD = {1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10,
            22, 25, 24, 23};

    private FiscalCode() {
    }

    /** The bare upper-case code if {@code raw} is a valid fiscal code (with or without the TINIT- prefix). */
    public static Optional<String> normalise(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String code = raw.strip().toUpperCase(Locale.ROOT);
        if (code.startsWith("TINIT-")) {
            code = code.substring("TINIT-".length());
        }
        return isValid(code) ? Optional.of(code) : Optional.empty();
    }

    public static boolean isValid(String code) {
        return code != null && SHAPE.matcher(code).matches() && checkCharacter(code.substring(0, 15)) == code.charAt(15);
    }

    /** The check character of the first 15 characters of a fiscal code. */
    public static char checkCharacter(String first15) {
        int sum = 0;
        for (int i = 0; i < 15; i++) {
            char c = first15.charAt(i);
            int index = Character.isDigit(c) ? c - '0' : c - 'A';
            // positions are counted from 1, so index 0 is an odd position
            sum += (i % 2 == 0) ? ODD[index] : index;
        }
        return (char) ('A' + sum % 26);
    }
}
