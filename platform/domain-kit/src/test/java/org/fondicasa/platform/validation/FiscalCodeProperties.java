package org.fondicasa.platform.validation;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

class FiscalCodeProperties {

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
