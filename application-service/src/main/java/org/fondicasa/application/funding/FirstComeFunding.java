package org.fondicasa.application.funding;

import org.fondicasa.platform.domain.DomainCore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * First come, first served (a sportello, DOMAIN §6): applications are funded in strict receipt order while money
 * lasts. A rent contribution that does not fit whole gets what is left (partial); a loan is granted whole or not at
 * all, and then it waits at the head of the line with every later one behind it. Nothing is ever committed beyond
 * the money available.
 */
@DomainCore
public final class FirstComeFunding {

    /** An eligible application still owed money: its place in line and what it still needs. */
    public record Claim(String protocolNumber, long receiptSeq, long stillNeededCents) {
        public Claim {
            if (stillNeededCents <= 0) {
                throw new IllegalArgumentException(protocolNumber + " needs nothing");
            }
        }
    }

    /** Money granted now to one application; {@code complete} when it covers what it still needed. */
    public record Grant(String protocolNumber, long cents, boolean complete) {
    }

    /** The grants, the money left, and the applications that wait (in receipt order). */
    public record Outcome(List<Grant> grants, long remainingCents, List<String> waiting) {
        public long grantedCents() {
            return grants.stream().mapToLong(Grant::cents).sum();
        }
    }

    private FirstComeFunding() {
    }

    public static Outcome fund(long availableCents, List<Claim> claims, boolean wholeOnly) {
        if (availableCents < 0) {
            throw new IllegalArgumentException("available money must not be negative: " + availableCents);
        }
        List<Claim> inLine = claims.stream().sorted(Comparator.comparingLong(Claim::receiptSeq)).toList();
        List<Grant> grants = new ArrayList<>();
        List<String> waiting = new ArrayList<>();
        long remaining = availableCents;
        boolean blocked = false;
        for (Claim claim : inLine) {
            if (!blocked && claim.stillNeededCents() <= remaining) {
                grants.add(new Grant(claim.protocolNumber(), claim.stillNeededCents(), true));
                remaining -= claim.stillNeededCents();
            } else if (!blocked && !wholeOnly && remaining > 0) {
                grants.add(new Grant(claim.protocolNumber(), remaining, false));
                remaining = 0;
                waiting.add(claim.protocolNumber());
                blocked = true;
            } else {
                // strict order: once one waits, everyone after it waits too
                blocked = true;
                waiting.add(claim.protocolNumber());
            }
        }
        return new Outcome(grants, remaining, waiting);
    }
}
