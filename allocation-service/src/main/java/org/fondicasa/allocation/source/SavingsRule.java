package org.fondicasa.allocation.source;

import org.fondicasa.platform.domain.DomainCore;
import org.fondicasa.platform.money.Euro;

import java.util.Optional;

/**
 * What happens to Fin_a that is not spent (economie, DGR 1724/2020; DOMAIN §1.4): unspent Fin_a goes to the
 * municipality's Fin_b; once the report is missing at its deadline, everything available goes to the housing agencies
 * ex officio, now and whenever money comes back later. A closure, a report's unspent figure and a missing report are
 * three views of the same money: each moves only what the source has available then, so the money moves once.
 * Other sources keep what comes back available.
 */
@DomainCore
public final class SavingsRule {

    public record Move(SourceBalance.Destination destination, long cents, String reason) {
    }

    private SavingsRule() {
    }

    /** Money came back to the source (a call closed, a grant revoked after closing). */
    public static Optional<Move> afterRelease(SourceBalance source, long released, String why) {
        if (!SourceKind.FIN_A.label().equals(source.key().kind())) {
            return Optional.empty();
        }
        if (source.forfeited()) {
            return exOfficio(source, why + "; the report was missing at its deadline, so the available Fin_a goes to the housing agencies");
        }
        long cents = Math.min(released, source.available());
        return cents <= 0 ? Optional.empty()
                : Optional.of(new Move(SourceBalance.Destination.FIN_B, cents, why + ": " + Euro.format(cents)
                + " of unspent Fin_a goes to the municipality's Fin_b"));
    }

    /**
     * A reservation whose call never opened came back: it is no saving, so it stays available, unless the report is
     * missing already; then it goes to the housing agencies like everything else the source has available.
     */
    public static Optional<Move> afterWithdrawal(SourceBalance source, String why) {
        if (!SourceKind.FIN_A.label().equals(source.key().kind()) || !source.forfeited()) {
            return Optional.empty();
        }
        return exOfficio(source, why + "; the report was missing at its deadline, so the available Fin_a goes to the housing agencies");
    }

    /** The report is missing at the deadline: everything available goes to the housing agencies. */
    public static Optional<Move> reportMissing(SourceBalance source, String deadline) {
        return exOfficio(source, "no report by the deadline " + deadline);
    }

    /** The report declares unspent Fin_a: what is still available of it goes to Fin_b (what already moved does not). */
    public static Optional<Move> reportedUnspent(SourceBalance source, long declared, String why) {
        long cents = Math.min(declared, source.available());
        return cents <= 0 ? Optional.empty()
                : Optional.of(new Move(SourceBalance.Destination.FIN_B, cents, why + ": " + Euro.format(cents)
                + " of unspent Fin_a goes to the municipality's Fin_b"
                + (cents < declared ? " (of " + Euro.format(declared) + " declared; the rest had already moved or is held by a call)" : "")));
    }

    private static Optional<Move> exOfficio(SourceBalance source, String why) {
        long cents = source.available();
        return cents <= 0 ? Optional.empty()
                : Optional.of(new Move(SourceBalance.Destination.HOUSING_AGENCIES, cents, why + ": "
                + Euro.format(cents) + " available goes ex officio to the housing agencies"));
    }
}
