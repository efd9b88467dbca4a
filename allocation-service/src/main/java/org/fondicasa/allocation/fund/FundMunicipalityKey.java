package org.fondicasa.allocation.fund;

import java.io.Serializable;

/** The key of everything a fund holds per municipality (needs, penalties, deadline extensions). */
public record FundMunicipalityKey(String fundCode, String istatCode) implements Serializable {
    public FundMunicipalityKey() {
        this(null, null);
    }
}
