package org.fondicasa.reporting.dashboard;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Funds whose figures changed since the dashboards were last told: each burst of events is one update, not thousands. */
@ApplicationScoped
public class DashboardChanges {

    private final Set<String> changed = ConcurrentHashMap.newKeySet();

    public void touched(String fundCode) {
        if (fundCode != null) {
            changed.add(fundCode);
        }
    }

    Set<String> drain() {
        Set<String> funds = Set.copyOf(changed);
        changed.removeAll(funds);
        return funds;
    }
}
