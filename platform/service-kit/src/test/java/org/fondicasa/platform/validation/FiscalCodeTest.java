package org.fondicasa.platform.validation;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
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

    @Property
    void everyCodeWithItsComputedCheckCharacterIsValid(@ForAll("first15") String first15) {
        assertThat(FiscalCode.isValid(first15 + FiscalCode.checkCharacter(first15))).isTrue();
    }

    @Property
    void anyOtherCheckCharacterIsRefused(@ForAll("first15") String first15, @ForAll("letter") char other) {
        char check = FiscalCode.checkCharacter(first15);
        assertThat(FiscalCode.isValid(first15 + other)).isEqualTo(other == check);
    }

    @Provide
    Arbitrary<Character> letter() {
        return Arbitraries.chars().range('A', 'Z');
    }

    @Provide
    Arbitrary<String> first15() {
        net.jqwik.api.arbitraries.StringArbitrary letters = Arbitraries.strings().withCharRange('A', 'Z');
        net.jqwik.api.arbitraries.StringArbitrary digits = Arbitraries.strings().withChars("0123456789LMNPQRSTUV");
        Arbitrary<String> month = Arbitraries.of("A", "B", "C", "D", "E", "H", "L", "M", "P", "R", "S", "T");
        return Combinators.combine(letters.ofLength(6), digits.ofLength(2), month, digits.ofLength(2),
                letters.ofLength(1), digits.ofLength(3)).as((a, b, c, d, e, f) -> a + b + c + d + e + f);
    }
}
