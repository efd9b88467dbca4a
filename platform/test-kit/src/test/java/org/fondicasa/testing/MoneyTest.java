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
    void an_amount_matches_only_to_the_cent_and_with_two_decimals() {
        assertThat(new BigDecimal("8357151.20"), euro("8357151.20"));
        assertThat(new BigDecimal("8357151.21"), not(euro("8357151.20")));
        assertThat(new BigDecimal("900.0"), not(euro("900.00")));
        assertThat(new BigDecimal("9E+2"), not(euro("900.00")));
    }

    @Test
    void a_float_never_matches_because_it_cannot_hold_the_cents() {
        // 8357151.21f == 8357151.20f: the reason the float matchers went
        assertThat(8357151.20f, not(euro("8357151.20")));
    }

    @Test
    void a_rate_matches_as_written() {
        assertThat(new BigDecimal("0.10"), decimal("0.10"));
        assertThat(new BigDecimal("0.1"), not(decimal("0.10")));
    }

    @Test
    void an_expected_amount_needs_its_two_decimals() {
        assertThrows(IllegalArgumentException.class, () -> euro("900"));
    }
}
