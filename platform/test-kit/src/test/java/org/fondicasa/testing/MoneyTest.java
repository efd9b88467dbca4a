package org.fondicasa.testing;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.fondicasa.testing.Money.decimal;
import static org.fondicasa.testing.Money.euro;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MoneyTest {

    @Test
    void anAmountMatchesOnlyToTheCentAndWithTwoDecimals() {
        assertThat(new BigDecimal("8357151.20"), euro("8357151.20"));
        assertThat(new BigDecimal("8357151.21"), not(euro("8357151.20")));
        assertThat(new BigDecimal("900.0"), not(euro("900.00")));
        assertThat(new BigDecimal("9E+2"), not(euro("900.00")));
    }

    @Test
    void aFloatNeverMatchesBecauseItCannotHoldTheCents() {
        // 8357151.21f == 8357151.20f: the reason the float matchers went
        assertThat(8357151.20f, not(euro("8357151.20")));
    }

    @Test
    void aRateMatchesAsWritten() {
        assertThat(new BigDecimal("0.10"), decimal("0.10"));
        assertThat(new BigDecimal("0.1"), not(decimal("0.10")));
    }

    @Test
    void anExpectedAmountNeedsItsTwoDecimals() {
        assertThrows(IllegalArgumentException.class, () -> euro("900"));
    }
}
