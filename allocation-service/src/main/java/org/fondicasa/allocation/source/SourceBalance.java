package org.fondicasa.allocation.source;

import org.fondicasa.platform.domain.DomainCore;
import org.fondicasa.platform.money.Euro;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One source's money at a moment: what was allocated to it and every movement since, in order. It keeps
 * {@code allocated + movedIn = reserved + movedOut + available}, and refuses any change that would make
 * {@code available} or a call's hold negative: the persistence layer applies a change only after this check passed,
 * under the source's lock, in the same transaction. Amounts in cents.
 */
@DomainCore
public record SourceBalance(SourceKey key, long allocated, List<Movement> movements, boolean forfeited) {

    public enum Type { RESERVED, RELEASED, MOVED_OUT, MOVED_IN }

    public enum Destination {
        /** the municipality's own Fin_b (unspent Fin_a, DGR 1724/2020) */
        FIN_B,
        /** the housing agencies, ex officio (no report by the deadline, DGR 1724/2020) */
        HOUSING_AGENCIES
    }

    /** One change of the source; {@code callId} for reservations and releases, {@code destination} for moves out. */
    public record Movement(Type type, long cents, String callId, Destination destination, String reason, String legalRef,
                           Instant at) {
        public Movement {
            if (cents <= 0) {
                throw new IllegalArgumentException("a movement moves money: " + cents);
            }
        }
    }

    /** The change asked for does not fit what the source or the call holds; nothing was changed. */
    public static final class Refused extends RuntimeException {
        private final SourceKey key;
        private final long available;
        private final long requested;

        Refused(SourceKey key, long available, long requested, String message) {
            super(message);
            this.key = key;
            this.available = available;
            this.requested = requested;
        }

        public SourceKey key() {
            return key;
        }

        public long available() {
            return available;
        }

        public long requested() {
            return requested;
        }
    }

    public SourceBalance {
        movements = List.copyOf(movements);
    }

    public static SourceBalance empty(SourceKey key, long allocated) {
        return new SourceBalance(key, allocated, List.of(), false);
    }

    public long reserved() {
        return sum(Type.RESERVED) - sum(Type.RELEASED);
    }

    public long movedIn() {
        return sum(Type.MOVED_IN);
    }

    public long movedOut() {
        return sum(Type.MOVED_OUT);
    }

    public long movedOut(Destination destination) {
        return movements.stream().filter(m -> m.type() == Type.MOVED_OUT && m.destination() == destination)
                .mapToLong(Movement::cents).sum();
    }

    public long available() {
        return allocated + movedIn() - reserved() - movedOut();
    }

    /** What the call still holds of this source: reserved less released. */
    public long heldBy(String callId) {
        return movements.stream().filter(m -> callId.equals(m.callId()))
                .mapToLong(m -> m.type() == Type.RESERVED ? m.cents() : m.type() == Type.RELEASED ? -m.cents() : 0).sum();
    }

    /** What every call holds, per call, in the order the calls first reserved. */
    public Map<String, Long> holds() {
        Map<String, Long> holds = new LinkedHashMap<>();
        movements.stream().filter(m -> m.callId() != null).forEach(m -> holds.merge(m.callId(),
                m.type() == Type.RESERVED ? m.cents() : -m.cents(), Long::sum));
        return holds;
    }

    /**
     * A call reserves {@code requested} cents, or everything available when {@code requested} is null.
     *
     * @throws Refused when nothing is available or less than asked
     */
    public SourceBalance reserve(String callId, Long requested, String reason, String legalRef, Instant at) {
        long available = available();
        long amount = requested == null ? available : requested;
        if (amount <= 0 || amount > available) {
            throw new Refused(key, available, amount, key + " has " + Euro.format(Math.max(available, 0)) + " available"
                    + (requested == null ? "; nothing to reserve" : "; the call asks " + Euro.format(amount)));
        }
        return with(new Movement(Type.RESERVED, amount, callId, null, reason, legalRef, at));
    }

    /** Money a call held goes back to the source. */
    public SourceBalance release(String callId, long cents, String reason, String legalRef, Instant at) {
        long held = heldBy(callId);
        if (cents <= 0 || cents > held) {
            throw new Refused(key, held, cents, "call " + callId + " holds " + Euro.format(held) + " of " + key
                    + "; it cannot release " + Euro.format(cents));
        }
        return with(new Movement(Type.RELEASED, cents, callId, null, reason, legalRef, at));
    }

    /** Savings leave the source, never more than it has available. */
    public SourceBalance moveOut(Destination destination, long cents, String reason, String legalRef, Instant at) {
        long available = available();
        if (cents <= 0 || cents > available) {
            throw new Refused(key, available, cents, key + " has " + Euro.format(Math.max(available, 0))
                    + " available; " + Euro.format(cents) + " cannot move to " + destination);
        }
        return with(new Movement(Type.MOVED_OUT, cents, null, destination, reason, legalRef, at));
    }

    /** Savings arrive from another source of the municipality (unspent Fin_a into Fin_b). */
    public SourceBalance moveIn(long cents, String reason, String legalRef, Instant at) {
        return with(new Movement(Type.MOVED_IN, cents, null, null, reason, legalRef, at));
    }

    /** A report missing at its deadline: from now on what the source has available goes to the housing agencies. */
    public SourceBalance forfeit() {
        return new SourceBalance(key, allocated, movements, true);
    }

    /**
     * A new declaration of the source's amount; refused when calls and savings already used more than it.
     */
    public SourceBalance reallocate(long newAllocated) {
        long used = reserved() + movedOut() - movedIn();
        if (newAllocated < used) {
            throw new Refused(key, allocated - used, newAllocated - allocated, key + ": calls and savings already use "
                    + Euro.format(used) + "; it cannot be declared as " + Euro.format(newAllocated));
        }
        return new SourceBalance(key, newAllocated, movements, forfeited);
    }

    /** What contradicts conservation, in words an officer reads; empty when the source balances. */
    public List<String> differences() {
        List<String> differences = new ArrayList<>();
        if (available() < 0) {
            differences.add(key + ": available is " + Euro.format(available()) + " (allocated " + Euro.format(allocated)
                    + " + moved in " + Euro.format(movedIn()) + " − reserved " + Euro.format(reserved()) + " − moved out "
                    + Euro.format(movedOut()) + ")");
        }
        holds().forEach((call, held) -> {
            if (held < 0) {
                differences.add(key + ": call " + call + " released " + Euro.format(-held) + " more than it reserved");
            }
        });
        return differences;
    }

    private SourceBalance with(Movement movement) {
        List<Movement> next = new ArrayList<>(movements);
        next.add(movement);
        return new SourceBalance(key, allocated, next, forfeited);
    }

    private long sum(Type type) {
        return movements.stream().filter(m -> m.type() == type).mapToLong(Movement::cents).sum();
    }
}
