package org.fondicasa.reporting.ledger;

import org.fondicasa.platform.domain.DomainCore;
import org.fondicasa.platform.money.Euro;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The fund as a whole: what it handed to municipalities (shares and bonuses) and what it kept (the residual, e.g. the
 * € 2.462,89 DGR 1724/2020 left unallocated), and the totals of its sources, which must balance as each source does.
 * Amounts in cents.
 */
@DomainCore
public record FundCheck(long amount, long shares, long bonuses, long residual, Totals totals, List<String> differences) {

    /** The fund's own sources summed over its municipalities. */
    public record Totals(long allocated, long movedIn, long reserved, long committed, Map<String, Long> movedOut, long available) {
        public long freeInCalls() {
            return reserved - committed;
        }

        public long movedOutTotal() {
            return movedOut.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    public static FundCheck of(String fundCode, long amount, Collection<Ledger.Line> lines) {
        long shares = lines.stream().mapToLong(l -> l.declared(Ledger.Kind.SHARE).orElse(0L)).sum();
        long bonuses = lines.stream().mapToLong(l -> l.declared(Ledger.Kind.BONUS).orElse(0L)).sum();
        long allocated = 0;
        long movedIn = 0;
        long reserved = 0;
        long committed = 0;
        long available = 0;
        Map<String, Long> movedOut = Ledger.destinations();
        for (Ledger.Line line : lines) {
            for (SourceFigures s : line.sources()) {
                if (Objects.equals(s.fundCode(), fundCode)) {
                    allocated += s.allocated();
                    movedIn += s.movedIn();
                    reserved += s.reserved();
                    committed += s.committed();
                    available += s.available();
                    s.movedOut().forEach((to, cents) -> movedOut.merge(to, cents, Long::sum));
                }
            }
        }
        Totals totals = new Totals(allocated, movedIn, reserved, committed, movedOut, available);
        List<String> differences = new ArrayList<>();
        long residual = amount - shares - bonuses;
        if (residual < 0) {
            differences.add("fund " + fundCode + ": the shares (" + Euro.format(shares) + ") and bonuses (" + Euro.format(bonuses)
                    + ") given to municipalities add up to " + Euro.format(shares + bonuses) + ", more than the fund's "
                    + Euro.format(amount));
        }
        if (allocated + movedIn != reserved + totals.movedOutTotal() + available) {
            differences.add("fund " + fundCode + ": allocated " + Euro.format(allocated) + " + moved in " + Euro.format(movedIn)
                    + " is not reserved " + Euro.format(reserved) + " + moved out " + Euro.format(totals.movedOutTotal())
                    + " + available " + Euro.format(available));
        }
        return new FundCheck(amount, shares, bonuses, residual, totals, List.copyOf(differences));
    }
}
