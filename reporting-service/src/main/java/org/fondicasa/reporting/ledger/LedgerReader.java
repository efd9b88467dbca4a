package org.fondicasa.reporting.ledger;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Folds the stored entries of a fund into each municipality's figures. The entries of related funds come along (the
 * quota fund whose Fin_c this fund's call uses; the funds whose calls use this fund's Fin_c), so that a source shared
 * by two funds shows the same figures in both ledgers.
 */
@ApplicationScoped
public class LedgerReader {

    /** One municipality's line; empty figures when nothing arrived yet. */
    public Ledger.Line line(String fundCode, String istatCode) {
        return lines(fundCode, istatCode).getOrDefault(istatCode, Ledger.fold(fundCode, quotaFund(fundCode), istatCode, List.of()));
    }

    public Map<String, Ledger.Line> lines(String fundCode) {
        return lines(fundCode, null);
    }

    /** Every municipality of the fund with an entry of its own, or only {@code istatCode} when given. */
    public Map<String, Ledger.Line> lines(String fundCode, String istatCode) {
        String quotaFund = quotaFund(fundCode);
        Set<String> funds = related(fundCode, quotaFund);
        List<LedgerEntry> entries = istatCode == null
                ? LedgerEntry.list("fundCode in ?1", funds)
                : LedgerEntry.list("fundCode in ?1 and istatCode = ?2", funds, istatCode);
        Set<String> withOwnEntries = entries.stream().filter(e -> e.fundCode.equals(fundCode)).map(e -> e.istatCode)
                .collect(Collectors.toCollection(TreeSet::new));
        Map<String, List<Ledger.Entry>> byMunicipality = entries.stream().filter(e -> withOwnEntries.contains(e.istatCode))
                .collect(Collectors.groupingBy(e -> e.istatCode, TreeMap::new, Collectors.mapping(LedgerEntry::toEntry, Collectors.toList())));
        Map<String, Ledger.Line> lines = new TreeMap<>();
        byMunicipality.forEach((istat, list) -> lines.put(istat, Ledger.fold(fundCode, quotaFund, istat, list)));
        return lines;
    }

    private static String quotaFund(String fundCode) {
        KnownFund fund = KnownFund.findById(fundCode);
        return fund == null ? null : fund.quotaFund;
    }

    private static Set<String> related(String fundCode, String quotaFund) {
        Set<String> funds = new TreeSet<>();
        funds.add(fundCode);
        if (quotaFund != null) {
            funds.add(quotaFund);
        }
        KnownFund.<KnownFund>list("quotaFund", fundCode).forEach(f -> funds.add(f.code));
        return funds;
    }
}
