package org.fondicasa.testing;

import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.path.json.config.JsonPathConfig;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;

import java.math.BigDecimal;

/**
 * Money in REST answers compared exactly: to the cent and with its two decimals. A float matcher would let
 * 8357151.21 pass for 8357151.20 (a float holds about seven digits) and would not see 900.0 written for 900.00.
 */
public final class Money {

    private Money() {
    }

    /**
     * Makes REST Assured read JSON decimals as BigDecimal, as written (integers stay Integer / Long). Call it before a
     * test class's first request, e.g. in a static block; Quarkus keeps it across its per-test URL settings.
     */
    public static void exactJsonNumbers() {
        RestAssured.config = RestAssured.config().jsonConfig(
                JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    /** An amount in euro exactly as the API must write it, e.g. {@code euro("1234.56")}: two decimals, nothing rounded. */
    public static Matcher<Object> euro(String amount) {
        BigDecimal expected = new BigDecimal(amount);
        if (expected.scale() != 2) {
            throw new IllegalArgumentException("euro amounts have two decimals: " + amount);
        }
        return new Exactly(expected, "€ ");
    }

    /** A decimal (a rate, a threshold) exactly as written, scale included, e.g. {@code decimal("0.10")}. */
    public static Matcher<Object> decimal(String value) {
        return new Exactly(new BigDecimal(value), "");
    }

    private static final class Exactly extends TypeSafeDiagnosingMatcher<Object> {

        private final BigDecimal expected;
        private final String prefix;

        Exactly(BigDecimal expected, String prefix) {
            this.expected = expected;
            this.prefix = prefix;
        }

        @Override
        protected boolean matchesSafely(Object item, Description mismatch) {
            if (!(item instanceof BigDecimal actual)) {
                mismatch.appendText("was ").appendValue(item).appendText(" (" + item.getClass().getSimpleName() + ")");
                if (item instanceof Float || item instanceof Double) {
                    mismatch.appendText(": JSON decimals read as binary floating point; call Money.exactJsonNumbers() first");
                }
                return false;
            }
            // equals, not compareTo: 900.0 is not how the API writes 900.00
            if (!actual.equals(expected)) {
                mismatch.appendText("was " + actual.toPlainString() + " (scale " + actual.scale() + ")");
                return false;
            }
            return true;
        }

        @Override
        public void describeTo(Description description) {
            description.appendText("exactly " + prefix + expected.toPlainString() + " (scale " + expected.scale() + ")");
        }
    }
}
