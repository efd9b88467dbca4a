package org.fondicasa.platform.validation;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * IBAN check (ISO 13616, mod 97-10 of ISO 7064). Italian IBANs are also checked for their length (27) and
 * shape: CIN letter, 5-digit ABI, 5-digit CAB, 12-character account.
 */
public final class Iban {

    private static final Pattern GENERIC = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}");
    private static final Pattern ITALIAN = Pattern.compile("IT[0-9]{2}[A-Z][0-9]{10}[A-Z0-9]{12}");
    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

    private Iban() {
    }

    /** The compact upper-case IBAN (spaces removed) if valid. */
    public static Optional<String> normalise(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String iban = raw.replace(" ", "").toUpperCase(Locale.ROOT);
        return isValid(iban) ? Optional.of(iban) : Optional.empty();
    }

    public static boolean isValid(String iban) {
        if (iban == null || !GENERIC.matcher(iban).matches()) {
            return false;
        }
        if (iban.startsWith("IT") && !ITALIAN.matcher(iban).matches()) {
            return false;
        }
        return mod97(iban.substring(4) + iban.substring(0, 4)) == 1;
    }

    /** The two check digits for a country code and BBAN. */
    public static String checkDigits(String country, String bban) {
        int check = 98 - mod97(bban + country + "00");
        return check < 10 ? "0" + check : Integer.toString(check);
    }

    private static int mod97(String rearranged) {
        StringBuilder digits = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(digits.toString()).mod(NINETY_SEVEN).intValue();
    }
}
