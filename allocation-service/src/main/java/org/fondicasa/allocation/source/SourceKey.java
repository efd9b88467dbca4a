package org.fondicasa.allocation.source;

import org.fondicasa.platform.domain.DomainCore;

/** A money source: one kind of money of one municipality in one fund (Fin_a of FINCOVID for Casarano). */
@DomainCore
public record SourceKey(String fundCode, String istatCode, String kind) {

    @Override
    public String toString() {
        return kind + " of fund " + fundCode + " for municipality " + istatCode;
    }
}
