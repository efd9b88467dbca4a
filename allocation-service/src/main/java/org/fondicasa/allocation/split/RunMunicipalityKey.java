package org.fondicasa.allocation.split;

import java.io.Serializable;
import java.util.UUID;

/** The key of a municipality's line in a run (a split's share, a bonus line). */
public record RunMunicipalityKey(UUID runId, String istatCode) implements Serializable {
    public RunMunicipalityKey() {
        this(null, null);
    }
}
