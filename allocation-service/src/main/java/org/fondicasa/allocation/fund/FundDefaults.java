package org.fondicasa.allocation.fund;

import io.smallrye.config.ConfigMapping;
import org.fondicasa.allocation.split.SplitRules;

import java.math.BigDecimal;

/** The rules a new fund takes when its request does not state them (see application.properties for their act). */
@ConfigMapping(prefix = "fondicasa.allocation.defaults")
public interface FundDefaults {
    BigDecimal cofinancingThreshold();

    BigDecimal penaltyRate();

    SplitRules.PenaltyDestination penaltyDestination();
}
