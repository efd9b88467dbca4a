package org.fondicasa.platform.money;

import java.util.ArrayList;
import java.util.List;

/**
 * Which of a call's sources a sum was spent from: grants draw on the sources in the call's order, each to its end
 * before the next (the region's money in the order the budget lists it). Allocation-service releases and the ledger
 * attributes by this one rule, so both name the same source for the same euro. Amounts in cents.
 */
public final class SpendingOrder {

    private SpendingOrder() {
    }

    /**
     * @param reserved what each source holds for the call, in spending order (none negative)
     * @param spent    what the call committed, at least zero; beyond the sum of {@code reserved} the excess is not
     *                 attributed (the call spent its own money there)
     * @return what was spent from each source, in the same order
     */
    public static List<Long> attribute(List<Long> reserved, long spent) {
        if (spent < 0) {
            throw new IllegalArgumentException("spent must not be negative: " + spent);
        }
        List<Long> parts = new ArrayList<>(reserved.size());
        long left = spent;
        for (long held : reserved) {
            if (held < 0) {
                throw new IllegalArgumentException("a reservation is never negative: " + held);
            }
            long part = Math.min(held, left);
            parts.add(part);
            left -= part;
        }
        return List.copyOf(parts);
    }
}
