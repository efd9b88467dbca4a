package org.fondicasa.platform.money;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SpendingOrderProperties {

    @Property
    void eachSourceGivesAtMostWhatItHoldsAndTheSpentSumIsAttributedUpToTheReservations(
            @ForAll @Size(max = 8) List<@LongRange(min = 0, max = 1_000_000_000L) Long> reserved,
            @ForAll @LongRange(min = 0, max = 10_000_000_000L) long spent) {
        List<Long> parts = SpendingOrder.attribute(reserved, spent);
        long held = reserved.stream().mapToLong(Long::longValue).sum();
        assertThat(parts.stream().mapToLong(Long::longValue).sum()).isEqualTo(Math.min(spent, held));
        for (int i = 0; i < parts.size(); i++) {
            assertThat(parts.get(i)).isBetween(0L, reserved.get(i));
            if (parts.get(i) > 0 && i > 0) {
                assertThat(parts.get(i - 1)).as("an earlier source is spent to its end first").isEqualTo(reserved.get(i - 1));
            }
        }
    }

    @Test
    void theFirstSourceIsSpentBeforeTheSecond() {
        assertThat(SpendingOrder.attribute(List.of(100_000L, 50_000L), 120_000L)).containsExactly(100_000L, 20_000L);
        assertThat(SpendingOrder.attribute(List.of(100_000L, 50_000L), 0L)).containsExactly(0L, 0L);
    }
}
