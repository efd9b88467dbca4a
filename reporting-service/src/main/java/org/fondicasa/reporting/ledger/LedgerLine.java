package org.fondicasa.reporting.ledger;

import org.fondicasa.platform.domain.DomainCore;
import org.fondicasa.platform.money.Euro;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A municipality's figures in a fund's ledger. Declared figures are null until their event arrives; flows start at
 * zero. {@code sources} is the balance of each money source, with the field names of allocation-service's balance;
 * {@code balanced} and {@code differences} say whether the figures add up.
 */
@DomainCore
public record LedgerLine(String istatCode, BigDecimal share, BigDecimal finA, BigDecimal finB, BigDecimal finC,
                         BigDecimal finBase, BigDecimal qEmi, BigDecimal qSmine, BigDecimal cofin, BigDecimal bonus,
                         BigDecimal granted, BigDecimal revoked, BigDecimal committed, BigDecimal paid, BigDecimal withheld,
                         BigDecimal unspent, BigDecimal movedToFinB, BigDecimal movedToHousingAgencies, List<SourceBalance> sources,
                         boolean balanced, List<String> differences) {

    /** One source's balance: allocated + movedIn = reserved + movedOut + available, reserved = committed + freeInCalls. */
    public record SourceBalance(String fundCode, String source, BigDecimal allocated, BigDecimal movedIn, BigDecimal reserved,
                         BigDecimal committed, BigDecimal freeInCalls, Map<String, BigDecimal> movedOut, BigDecimal available,
                         List<CallHolding> calls) {

        static SourceBalance of(SourceFigures s) {
            Map<String, BigDecimal> movedOut = new LinkedHashMap<>();
            s.movedOut().forEach((to, cents) -> movedOut.put(to, Euro.ofCents(cents)));
            return new SourceBalance(s.fundCode(), s.source(), Euro.ofCents(s.allocated()), Euro.ofCents(s.movedIn()),
                    Euro.ofCents(s.reserved()), Euro.ofCents(s.committed()), Euro.ofCents(s.freeInCalls()), movedOut,
                    Euro.ofCents(s.available()), s.calls().stream().map(CallHolding::of).toList());
        }
    }

    /** What one call holds of a source and committed from it; position is the source's place in the call's spending order. */
    public record CallHolding(String callId, int position, BigDecimal reserved, BigDecimal committed) {
        static CallHolding of(SourceFigures.CallShare c) {
            return new CallHolding(c.callId(), c.position(), Euro.ofCents(c.reserved()), Euro.ofCents(c.committed()));
        }
    }

    static LedgerLine of(Ledger.Line line) {
        return new LedgerLine(line.istatCode(), declared(line, Ledger.Kind.SHARE), declared(line, Ledger.Kind.FIN_A),
                declared(line, Ledger.Kind.FIN_B), declared(line, Ledger.Kind.FIN_C), declared(line, Ledger.Kind.FIN_BASE),
                declared(line, Ledger.Kind.QEMI), declared(line, Ledger.Kind.QSMINE), declared(line, Ledger.Kind.COFIN),
                declared(line, Ledger.Kind.BONUS), flow(line, Ledger.Kind.GRANTED), flow(line, Ledger.Kind.REVOKED),
                Euro.ofCents(line.committed()), flow(line, Ledger.Kind.PAID), flow(line, Ledger.Kind.WITHHELD),
                flow(line, Ledger.Kind.UNSPENT), flow(line, Ledger.Kind.MOVED_TO_FIN_B),
                flow(line, Ledger.Kind.MOVED_TO_HOUSING_AGENCIES), line.sources().stream().map(SourceBalance::of).toList(),
                line.balanced(), line.differences());
    }

    private static BigDecimal declared(Ledger.Line line, Ledger.Kind kind) {
        return line.declared(kind).map(Euro::ofCents).orElse(null);
    }

    private static BigDecimal flow(Ledger.Line line, Ledger.Kind kind) {
        return Euro.ofCents(line.flow(kind));
    }
}
