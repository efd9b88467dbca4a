package org.fondicasa.reporting.report;

import org.fondicasa.platform.domain.DomainCore;

/**
 * The part of a report's unspent Fin_a that is news to allocation-service: what has not left Fin_a already (moved to
 * Fin_b by a closure or an earlier version, or to the housing agencies at the deadline) nor been claimed by a cause
 * whose move is still on its way. A late report after a missing one thus declares nothing the agencies received.
 * Amounts in cents.
 */
@DomainCore
public final class NewSavings {

    private NewSavings() {
    }

    /**
     * @param movedOut what left Fin_a, to Fin_b and to the housing agencies
     * @param pending  what earlier versions declared, a missing report sent and closed calls left unspent, whose move
     *                 the ledger has not seen yet
     */
    public static long of(long unspent, long movedOut, long pending) {
        return Math.max(0, unspent - movedOut - pending);
    }
}
