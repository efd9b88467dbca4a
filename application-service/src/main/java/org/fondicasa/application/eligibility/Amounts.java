package org.fondicasa.application.eligibility;

import org.fondicasa.platform.money.Euro;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Amounts and percentages as the explanations print them, Italian style. */
final class Amounts {

    private static final ThreadLocal<DecimalFormat> PERCENT = ThreadLocal.withInitial(() ->
            new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ITALY)));

    private Amounts() {
    }

    static long cents(BigDecimal euro) {
        return euro == null ? 0 : Euro.toCents(euro);
    }

    static String euro(long cents) {
        return Euro.format(cents);
    }

    static String euro(BigDecimal euro) {
        return Euro.format(euro);
    }

    static String percent(BigDecimal percent) {
        return PERCENT.get().format(percent) + "%";
    }

    /** part / whole × 100, to two decimals, half up. */
    static BigDecimal percentOf(long partCents, long wholeCents) {
        return BigDecimal.valueOf(partCents).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(wholeCents), 2, RoundingMode.HALF_UP);
    }

    /** cents × percent / 100, rounded half up to the cent. */
    static long percentage(long cents, BigDecimal percent) {
        return BigDecimal.valueOf(cents).multiply(percent).divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP)
                .longValueExact();
    }
}
