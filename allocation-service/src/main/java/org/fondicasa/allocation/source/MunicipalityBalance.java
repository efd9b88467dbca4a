package org.fondicasa.allocation.source;

import org.fondicasa.platform.money.Euro;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A municipality's money in a fund, per source: allocated + moved in = reserved + moved out + available, and reserved
 * = committed + free in calls; every movement with its reason and act. {@code balanced} is false, with the
 * differences named, when any source contradicts that.
 */
public record MunicipalityBalance(String fundCode, String istatCode, BigDecimal share, boolean balanced, List<String> differences,
                                  List<Source> sources) {

    public record Source(String fundCode, String source, BigDecimal allocated, BigDecimal movedIn, BigDecimal reserved,
                         BigDecimal committed, BigDecimal freeInCalls, Map<SourceBalance.Destination, BigDecimal> movedOut,
                         BigDecimal available, boolean forfeited, List<Movement> movements) {
    }

    public record Movement(SourceBalance.Type type, BigDecimal amount, UUID callId, SourceBalance.Destination destination,
                           String reason, String legalRef, OffsetDateTime occurredAt) {
    }

    static Source of(SourceBalance b, long committed) {
        return new Source(b.key().fundCode(), b.key().kind(), Euro.ofCents(b.allocated()), Euro.ofCents(b.movedIn()),
                Euro.ofCents(b.reserved()), Euro.ofCents(committed), Euro.ofCents(b.reserved() - committed),
                Map.of(SourceBalance.Destination.FIN_B, Euro.ofCents(b.movedOut(SourceBalance.Destination.FIN_B)),
                        SourceBalance.Destination.HOUSING_AGENCIES, Euro.ofCents(b.movedOut(SourceBalance.Destination.HOUSING_AGENCIES))),
                Euro.ofCents(b.available()), b.forfeited(), b.movements().stream().map(m -> new Movement(m.type(),
                        Euro.ofCents(m.cents()), m.callId() == null ? null : UUID.fromString(m.callId()), m.destination(), m.reason(),
                        m.legalRef(), m.at().atOffset(ZoneOffset.UTC))).toList());
    }
}
