package org.fondicasa.platform.validation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FiscalCodeTest {

    @Test
    void knownCodesAreValid() {
        assertThat(FiscalCode.isValid("RSSMRA80A01A662A")).isTrue();
        assertThat(FiscalCode.isValid("BNCNNA85E52A883Y")).isTrue();
        assertThat(FiscalCode.isValid("RSSMRA80A01H501U")).isTrue();
        assertThat(FiscalCode.isValid("MRTMTT25D09F205Z")).isTrue();
    }

    @Test
    void aWrongCheckCharacterIsRefused() {
        assertThat(FiscalCode.isValid("RSSMRA80A01A662X")).isFalse();
    }

    @Test
    void omocodiaLettersInPlaceOfDigitsAreAccepted() {
        // the 15th character's digit 1 replaced by its omocodia letter M, check recomputed
        String first15 = "RSSMRA80A01H50M";
        assertThat(FiscalCode.isValid(first15 + FiscalCode.checkCharacter(first15))).isTrue();
    }

    @Test
    void spidAndCieFormsNormaliseToTheBareCode() {
        assertThat(FiscalCode.normalise("TINIT-RSSMRA80A01A662A")).contains("RSSMRA80A01A662A");
        assertThat(FiscalCode.normalise(" tinit-rssmra80a01a662a ")).contains("RSSMRA80A01A662A");
        assertThat(FiscalCode.normalise("RSSMRA80A01A662A")).contains("RSSMRA80A01A662A");
        assertThat(FiscalCode.normalise("TINIT-RSSMRA80A01A662X")).isEmpty();
        assertThat(FiscalCode.normalise("12345678901")).isEmpty();
        assertThat(FiscalCode.normalise(null)).isEmpty();
    }

    @Test
    void wrongShapesAreRefused() {
        assertThat(FiscalCode.isValid("RSSMRA80Z01A662A")).isFalse(); // Z is not a month letter
        assertThat(FiscalCode.isValid("RSSMRA80A01A662")).isFalse();
        assertThat(FiscalCode.isValid("")).isFalse();
    }
}
