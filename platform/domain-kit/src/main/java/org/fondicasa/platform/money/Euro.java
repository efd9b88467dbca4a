package org.fondicasa.platform.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Money at the edges: euro amounts as BigDecimal with scale 2 in the API and the database, whole cents (long)
 * inside the calculations. Conversions never round: an amount with more than two decimals is refused.
 */
public final class Euro {

    private static final ThreadLocal<DecimalFormat> ITALIAN = ThreadLocal.withInitial(() ->
            new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ITALY)));

    private Euro() {
    }

    public static long toCents(BigDecimal euro) {
        try {
            return euro.setScale(2, RoundingMode.UNNECESSARY).movePointRight(2).longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("not euro with at most two decimals: " + euro.toPlainString(), e);
        }
    }

    public static BigDecimal ofCents(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }

    /** "€ 8.357.151,20": how Italian acts and officers write money. */
    public static String format(long cents) {
        return "€ " + ITALIAN.get().format(ofCents(cents));
    }

    public static String format(BigDecimal euro) {
        return "€ " + ITALIAN.get().format(euro);
    }
}
