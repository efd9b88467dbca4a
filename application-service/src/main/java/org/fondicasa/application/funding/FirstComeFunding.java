package org.fondicasa.application.funding;

import org.fondicasa.platform.domain.DomainCore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;

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

    /**
     * The grants, the money left, the applications that wait (in receipt order), and where the line stops: the place
     * from which every application still owed money waits, those not among the claims included (see {@link #fund}).
     */
    public record Outcome(List<Grant> grants, long remainingCents, List<String> waiting, OptionalLong waitsFrom) {
        public long grantedCents() {
            return grants.stream().mapToLong(Grant::cents).sum();
        }
    }

    private FirstComeFunding() {
    }

    /**
     * Funds the head of the line. {@code claims} may be only the first ones still owed money (a pass reads the line a
     * part at a time): the outcome also says what happens to the applications behind them. When one of the claims
     * waits, everyone from it onwards waits (strict order); when the money is spent, everyone after the last claim
     * waits, and with no money at all the whole line waits, whether or not any claim was read (place 0: from the head).
     * Only when money is left after the last claim is {@code waitsFrom} empty: the line goes on with the next claims.
     */
    public static Outcome fund(long availableCents, List<Claim> claims, boolean wholeOnly) {
        if (availableCents < 0) {
            throw new IllegalArgumentException("available money must not be negative: " + availableCents);
        }
        List<Claim> inLine = claims.stream().sorted(Comparator.comparingLong(Claim::receiptSeq)).toList();
        List<Grant> grants = new ArrayList<>();
        List<String> waiting = new ArrayList<>();
        long remaining = availableCents;
        OptionalLong waitsFrom = OptionalLong.empty();
        for (Claim claim : inLine) {
            boolean blocked = waitsFrom.isPresent();
            if (!blocked && claim.stillNeededCents() <= remaining) {
                grants.add(new Grant(claim.protocolNumber(), claim.stillNeededCents(), true));
                remaining -= claim.stillNeededCents();
                continue;
            }
            if (!blocked && !wholeOnly && remaining > 0) {
                grants.add(new Grant(claim.protocolNumber(), remaining, false));
                remaining = 0;
            }
            // strict order: once one waits, everyone after it waits too
            waiting.add(claim.protocolNumber());
            if (!blocked) {
                waitsFrom = OptionalLong.of(claim.receiptSeq());
            }
        }
        if (waitsFrom.isEmpty() && remaining == 0) {
            // the money is spent: whoever comes after the last claim waits (everyone, when there was none)
            waitsFrom = OptionalLong.of(inLine.isEmpty() ? 0 : inLine.get(inLine.size() - 1).receiptSeq() + 1);
        }
        return new Outcome(grants, remaining, waiting, waitsFrom);
    }
}
