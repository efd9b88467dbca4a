package org.fondicasa.allocation.source;

import org.fondicasa.platform.domain.DomainCore;
import org.fondicasa.platform.money.SpendingOrder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one call holds of its sources, in spending order. Grants draw on the sources in that order
 * ({@link SpendingOrder}), so closing gives back, per source, what the call held and did not spend; a grant revoked
 * after closing gives back from the source spent last. Amounts in cents.
 */
@DomainCore
public record CallHold(String callId, List<Line> lines) {

    public record Line(int position, SourceKey source, long held) {
    }

    public CallHold {
        lines = lines.stream().sorted(java.util.Comparator.comparingInt(Line::position)).toList();
    }

    public long held() {
        return lines.stream().mapToLong(Line::held).sum();
    }

    /** What each source gets back when the call closes having committed {@code committed} (its own money beyond). */
    public Map<SourceKey, Long> unspentAtClosure(long committed) {
        List<Long> spent = SpendingOrder.attribute(lines.stream().map(Line::held).toList(), committed);
        Map<SourceKey, Long> unspent = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            long back = lines.get(i).held() - spent.get(i);
            if (back > 0) {
                unspent.put(lines.get(i).source(), back);
            }
        }
        return unspent;
    }

    /** What each source gets back of {@code revoked} cents once the call is closed: the source spent last first. */
    public Map<SourceKey, Long> revokedAfterClosure(long revoked) {
        Map<SourceKey, Long> back = new LinkedHashMap<>();
        long left = revoked;
        List<Line> reversed = new ArrayList<>(lines);
        java.util.Collections.reverse(reversed);
        for (Line line : reversed) {
            long part = Math.min(line.held(), left);
            if (part > 0) {
                back.put(line.source(), part);
                left -= part;
            }
        }
        return back;
    }

    /** What the call spent from each source, given what it committed in all: for the balance view. */
    public Map<SourceKey, Long> committedBySource(long committed) {
        List<Long> spent = SpendingOrder.attribute(lines.stream().map(Line::held).toList(), committed);
        Map<SourceKey, Long> bySource = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            bySource.merge(lines.get(i).source(), spent.get(i), Long::sum);
        }
        return bySource;
    }
}
