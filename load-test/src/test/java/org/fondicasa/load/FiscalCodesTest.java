package org.fondicasa.load;

import org.fondicasa.platform.validation.FiscalCode;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class FiscalCodesTest {

    @Test
    void aBurstWorthOfCodesIsValidAndDistinct() {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 60_000; i++) {
            String code = FiscalCodes.of(i);
            assertThat(FiscalCode.isValid(code)).as(code).isTrue();
            codes.add(code);
        }
        assertThat(codes).hasSize(60_000);
    }

    @Test
    void theSameIndexGivesTheSameCode() {
        assertThat(FiscalCodes.of(12_345)).isEqualTo(FiscalCodes.of(12_345)).hasSize(16);
    }

    @Test
    void codesFarApartAreValidToo() {
        for (long i = FiscalCodes.CAPACITY - 1; i > 0; i /= 3) {
            assertThat(FiscalCode.isValid(FiscalCodes.of((int) i))).isTrue();
        }
    }
}
