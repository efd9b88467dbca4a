package org.fondicasa.allocation.savings;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The balance is a plain calculation: no database needed to check that the money still adds up to the share. */
class BalanceTest {

    private static final Balance.Declared DECLARED = new Balance.Declared(new BigDecimal("1000.00"),
            new BigDecimal("600.00"), new BigDecimal("300.00"), new BigDecimal("100.00"));

    private static Balance.SavingsView moved(String from, SavingsMovement.Destination to, String amount) {
        return new Balance.SavingsView(from, to, new BigDecimal(amount), "test", "DGR 1724/2020", OffsetDateTime.now());
    }

    @Test
    void withoutADeclarationEverythingIsZeroAndBalanced() {
        Balance b = Balance.of("FINCOVID", "072006", null, List.of());
        assertThat(b.share()).isEqualTo(new BigDecimal("0.00"));
        assertThat(b.finA()).isEqualTo(new BigDecimal("0.00"));
        assertThat(b.balanced()).isTrue();
    }

    @Test
    void unspentFinAToFinBAndAvailableToTheAgenciesStillAddUpToTheShare() {
        Balance b = Balance.of("FINCOVID", "072006", DECLARED, List.of(
                moved("Fin_a", SavingsMovement.Destination.FIN_B, "150.00"),
                moved("Fin_a", SavingsMovement.Destination.HOUSING_AGENCIES, "50.00")));
        assertThat(b.finA()).isEqualTo(new BigDecimal("400.00"));
        assertThat(b.finB()).isEqualTo(new BigDecimal("450.00"));
        assertThat(b.finC()).isEqualTo(new BigDecimal("100.00"));
        assertThat(b.movedToFinB()).isEqualTo(new BigDecimal("150.00"));
        assertThat(b.movedToHousingAgencies()).isEqualTo(new BigDecimal("50.00"));
        assertThat(b.balanced()).isTrue();
        assertThat(b.remaining("Fin_a")).isEqualTo(new BigDecimal("400.00"));
        assertThat(b.movements()).hasSize(2);
    }

    @Test
    void movingMoreThanASourceHeldIsNotBalanced() {
        Balance b = Balance.of("FINCOVID", "072006", DECLARED, List.of(
                moved("Fin_c", SavingsMovement.Destination.HOUSING_AGENCIES, "100.01")));
        assertThat(b.finC()).isEqualTo(new BigDecimal("-0.01"));
        assertThat(b.balanced()).isFalse();
    }

    @Test
    void anUnknownSourceIsRefused() {
        Balance b = Balance.of("FINCOVID", "072006", DECLARED, List.of());
        assertThatThrownBy(() -> b.remaining("Fin_z")).isInstanceOf(IllegalArgumentException.class);
    }
}
