package org.fondicasa.allocation.source;

import org.fondicasa.platform.money.Euro;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Bari's money in the 2020 round, for the domain tests: its FINCOVID Fin_a / Fin_b / Fin_c and the ordinary fund's
 * COFIN, the calls that spend them, and euro written as the acts write them ({@code euro("1000.00")} is 100000 cents).
 */
final class Sources2020 {

    static final String FINCOVID = "FINCOVID-2020";
    static final String ORDINARY = "AFFITTI-2019";
    static final String BARI = "072006";

    static final SourceKey BARI_FIN_A = new SourceKey(FINCOVID, BARI, SourceKind.FIN_A.label());
    static final SourceKey BARI_FIN_B = new SourceKey(FINCOVID, BARI, SourceKind.FIN_B.label());
    static final SourceKey BARI_FIN_C = new SourceKey(FINCOVID, BARI, SourceKind.FIN_C.label());
    static final SourceKey BARI_COFIN = new SourceKey(ORDINARY, BARI, SourceKind.COFIN.label());

    /** Bari's Fin_a emergency call (DD 12/2020), first come, first served. */
    static final String EMERGENCY_CALL = "11111111-1111-1111-1111-111111111111";
    /** Bari's ordinary 2019 rent call, ranked. */
    static final String ORDINARY_CALL = "22222222-2222-2222-2222-222222222222";

    static final Instant NOW = Instant.parse("2020-12-01T09:00:00Z");

    private Sources2020() {
    }

    static long euro(String amount) {
        return Euro.toCents(new BigDecimal(amount));
    }

    static String euroText(long cents) {
        return Euro.format(cents);
    }

    static SourceBalance declared(SourceKey source, String amount) {
        return SourceBalance.empty(source, euro(amount));
    }

    static SourceBalance reserve(SourceBalance source, String call, String amount) {
        return source.reserve(call, euro(amount), "reserved by call " + call, "DD 12/2020", NOW);
    }

    static SourceBalance reserveAll(SourceBalance source, String call) {
        return source.reserve(call, null, "reserved by call " + call, "DD 12/2020", NOW);
    }

    static SourceBalance release(SourceBalance source, String call, String amount) {
        return source.release(call, euro(amount), "call " + call + " closed", "DD 12/2020", NOW);
    }

    static SourceBalance moveOut(SourceBalance source, SourceBalance.Destination to, String amount) {
        return source.moveOut(to, euro(amount), "savings", "DGR 1724/2020", NOW);
    }

    static SourceBalance moveIn(SourceBalance source, String amount) {
        return source.moveIn(euro(amount), "unspent Fin_a", "DGR 1724/2020", NOW);
    }

    /** Applies a savings move as MoneyEvents does: out of the source (and into Fin_b, the counterpart). */
    static SourceBalance apply(SourceBalance source, SavingsRule.Move move) {
        return source.moveOut(move.destination(), move.cents(), move.reason(), "DGR 1724/2020", NOW);
    }
}
