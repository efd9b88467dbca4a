package org.fondicasa.platform.validation;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
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

    @Property
    void computedCheckDigitsMakeAValidItalianIban(@ForAll("italianBban") String bban) {
        assertThat(Iban.isValid("IT" + Iban.checkDigits("IT", bban) + bban)).isTrue();
    }

    @Property
    void changingAnyOneDigitIsDetected(@ForAll("italianBban") String bban, @ForAll @IntRange(min = 5, max = 26) int position,
                                       @ForAll @IntRange(min = 1, max = 9) int shift) {
        String iban = "IT" + Iban.checkDigits("IT", bban) + bban;
        char c = iban.charAt(position);
        if (!Character.isDigit(c)) {
            return;
        }
        char changed = (char) ('0' + (c - '0' + shift) % 10);
        String tampered = iban.substring(0, position) + changed + iban.substring(position + 1);
        assertThat(Iban.isValid(tampered)).as(tampered).isFalse();
    }

    @Provide
    Arbitrary<String> italianBban() {
        return Combinators.combine(Arbitraries.chars().range('A', 'Z'),
                Arbitraries.strings().numeric().ofLength(10),
                Arbitraries.strings().withCharRange('0', '9').withCharRange('A', 'Z').ofLength(12))
                .as((cin, abiCab, account) -> cin + abiCab + account);
    }
}
