package org.fondicasa.platform.validation;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import static org.assertj.core.api.Assertions.assertThat;

class IbanProperties {

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
