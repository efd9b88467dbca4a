package org.fondicasa.reporting.ledger;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Folds the stored entries of a fund into each municipality's figures. */
@ApplicationScoped
public class LedgerReader {

    public Ledger.Line line(String fundCode, String istatCode) {
        List<Ledger.Entry> entries = LedgerEntry.<LedgerEntry>list("fundCode = ?1 and istatCode = ?2", fundCode, istatCode)
                .stream().map(LedgerEntry::toEntry).toList();
        return Ledger.fold(istatCode, entries);
    }

    public Map<String, Ledger.Line> lines(String fundCode) {
        return LedgerEntry.<LedgerEntry>list("fundCode", fundCode).stream()
                .collect(Collectors.groupingBy(e -> e.istatCode, TreeMap::new,
                        Collectors.mapping(LedgerEntry::toEntry, Collectors.toList())))
                .entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> Ledger.fold(e.getKey(), e.getValue()), (a, b) -> a, TreeMap::new));
    }
}
