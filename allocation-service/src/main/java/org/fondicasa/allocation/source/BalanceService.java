package org.fondicasa.allocation.source;

import jakarta.enterprise.context.ApplicationScoped;
import org.fondicasa.allocation.fund.Fund;
import org.fondicasa.allocation.quota.QuotaDeclaration;
import org.fondicasa.platform.money.Euro;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reads a municipality's balance per source, with what each call committed from it. */
@ApplicationScoped
public class BalanceService {

    private final Sources sources;

    public BalanceService(Sources sources) {
        this.sources = sources;
    }

    public MunicipalityBalance of(Fund fund, String istatCode) {
        List<MunicipalityBalance.Source> lines = new ArrayList<>();
        List<String> differences = new ArrayList<>();
        for (SourceKind kind : SourceKind.values()) {
            SourceKey key = new SourceKey(fund.code, istatCode, kind.label());
            if (sources.declared(key) == null && BudgetMovement.count("fundCode = ?1 and istatCode = ?2 and source = ?3",
                    key.fundCode(), key.istatCode(), key.kind()) == 0) {
                continue;
            }
            SourceBalance balance = sources.balance(key);
            long committed = 0;
            for (String call : balance.holds().keySet()) {
                CallReservation r = CallReservation.findById(UUID.fromString(call));
                committed += sources.hold(r.callId).committedBySource(Euro.toCents(r.committed)).getOrDefault(key, 0L);
            }
            differences.addAll(balance.differences());
            if (committed > balance.reserved()) {
                differences.add(key + ": calls committed " + Euro.format(committed) + " but reserved only " + Euro.format(balance.reserved()));
            }
            lines.add(MunicipalityBalance.of(balance, committed));
        }
        QuotaDeclaration quota = QuotaDeclaration.latest(fund.code, istatCode);
        return new MunicipalityBalance(fund.code, istatCode, quota == null ? null : quota.share, differences.isEmpty(),
                differences, lines);
    }
}
