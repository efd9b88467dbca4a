package org.fondicasa.application.award;

import org.fondicasa.application.application.Application;
import org.fondicasa.application.application.HouseholdClaim;

import java.util.List;

/** The fiscal codes of an application's household, as intake recorded them. */
final class HouseholdCodes {

    private HouseholdCodes() {
    }

    static List<String> of(Application application) {
        return HouseholdClaim.<HouseholdClaim>list("protocolNumber", application.protocolNumber).stream()
                .map(c -> c.fiscalCode).toList();
    }
}
