package org.fondicasa.reporting.ledger;

import org.fondicasa.platform.domain.DomainCore;
import org.fondicasa.platform.money.Euro;

import java.math.BigDecimal;
import java.util.List;

/**
 * A municipality's figures in a fund's ledger. Declared figures are null until their event arrives; flows start at
 * zero. {@code balanced} and {@code differences} say whether the figures add up.
 */
@DomainCore
public record LedgerLine(String istatCode, BigDecimal share, BigDecimal finA, BigDecimal finB, BigDecimal finC,
                         BigDecimal finBase, BigDecimal qEmi, BigDecimal qSmine, BigDecimal cofin, BigDecimal bonus,
                         BigDecimal granted, BigDecimal revoked, BigDecimal committed, BigDecimal paid, BigDecimal withheld,
                         BigDecimal unspent, BigDecimal movedToFinB, BigDecimal movedToHousingAgencies, boolean balanced,
                         List<String> differences) {

    static LedgerLine of(Ledger.Line line) {
        return new LedgerLine(line.istatCode(), declared(line, Ledger.Kind.SHARE), declared(line, Ledger.Kind.FIN_A),
                declared(line, Ledger.Kind.FIN_B), declared(line, Ledger.Kind.FIN_C), declared(line, Ledger.Kind.FIN_BASE),
                declared(line, Ledger.Kind.QEMI), declared(line, Ledger.Kind.QSMINE), declared(line, Ledger.Kind.COFIN),
                declared(line, Ledger.Kind.BONUS), flow(line, Ledger.Kind.GRANTED), flow(line, Ledger.Kind.REVOKED),
                Euro.ofCents(line.committed()), flow(line, Ledger.Kind.PAID), flow(line, Ledger.Kind.WITHHELD),
                flow(line, Ledger.Kind.UNSPENT), flow(line, Ledger.Kind.MOVED_TO_FIN_B),
                flow(line, Ledger.Kind.MOVED_TO_HOUSING_AGENCIES), line.balanced(), line.differences());
    }

    private static BigDecimal declared(Ledger.Line line, Ledger.Kind kind) {
        return line.declared(kind).map(Euro::ofCents).orElse(null);
    }

    private static BigDecimal flow(Ledger.Line line, Ledger.Kind kind) {
        return Euro.ofCents(line.flow(kind));
    }
}
