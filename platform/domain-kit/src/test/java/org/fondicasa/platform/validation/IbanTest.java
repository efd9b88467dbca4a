package org.fondicasa.platform.validation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IbanTest {

    @Test
    void knownIbansAreValid() {
        assertThat(Iban.isValid("IT60X0542811101000000123456")).isTrue();
        assertThat(Iban.isValid("DE89370400440532013000")).isTrue();
        assertThat(Iban.normalise("it60 x054 2811 1010 0000 0123 456")).contains("IT60X0542811101000000123456");
    }

    @Test
    void wrongCheckDigitsOrShapesAreRefused() {
        assertThat(Iban.isValid("IT61X0542811101000000123456")).isFalse();
        assertThat(Iban.isValid("IT60X054281110100000012345")).isFalse(); // Italian IBANs have 27 characters
        assertThat(Iban.isValid("IT6000542811101000000123456")).isFalse(); // the CIN is a letter
        assertThat(Iban.normalise(null)).isEmpty();
        assertThat(Iban.normalise("not an iban")).isEmpty();
    }
}
