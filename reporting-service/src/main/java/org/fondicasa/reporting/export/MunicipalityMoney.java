package org.fondicasa.reporting.export;

import org.fondicasa.platform.domain.DomainCore;
import org.fondicasa.reporting.ledger.Ledger;
import org.fondicasa.reporting.ledger.SourceFigures;
import org.fondicasa.reporting.ledger.SourceKind;

import java.util.List;
import java.util.Objects;

/**
 * A municipality's money in a fund as the exports show it, summed from the ledger's per-source balances so that no
 * export can say otherwise than the ledger. The fund counts its own sources and, when it names a quota fund, that
 * fund's Fin_c (the ordinary call's Fin_c is the FINCOVID Fin_c: the same money, counted once). Amounts in cents.
 *
 * @param resources what the sources hold for calls: reserved by calls plus still available (allocated + moved in − moved out)
 * @param committed granted less revoked, attributed to the sources in each call's spending order
 * @param paid      paid to beneficiaries, withheld arrears included
 */
@DomainCore
public record MunicipalityMoney(long resources, long reserved, long committed, long available, long paid) {

    public static MunicipalityMoney of(String fundCode, String quotaFund, Ledger.Line line) {
        List<SourceFigures> counted = counted(fundCode, quotaFund, line);
        return new MunicipalityMoney(counted.stream().mapToLong(SourceFigures::resources).sum(),
                counted.stream().mapToLong(SourceFigures::reserved).sum(),
                counted.stream().mapToLong(SourceFigures::committed).sum(),
                counted.stream().mapToLong(SourceFigures::available).sum(),
                line.flow(Ledger.Kind.PAID) + line.flow(Ledger.Kind.WITHHELD));
    }

    /** The sources the fund counts for the municipality. */
    static List<SourceFigures> counted(String fundCode, String quotaFund, Ledger.Line line) {
        return line.sources().stream().filter(s -> Objects.equals(s.fundCode(), fundCode)
                || quotaFund != null && quotaFund.equals(s.fundCode()) && SourceKind.FIN_C.label().equals(s.source())).toList();
    }
}
