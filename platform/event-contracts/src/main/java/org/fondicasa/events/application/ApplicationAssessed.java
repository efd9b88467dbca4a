package org.fondicasa.events.application;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.fondicasa.events.NotRequired;

/** An application was assessed against its call's rules: what the municipal report needs, identified by protocol number only. */
@JsonInclude(JsonInclude.Include.NON_NULL) // absent, never null: the schema does not allow null
public record ApplicationAssessed(String callId, String kind, @NotRequired String istatCode,
                                  @NotRequired String fundCode, String protocolNumber, Boolean eligible,
                                  String status, @NotRequired String band, Integer householdSize,
                                  Integer dependentChildren, @NotRequired String isee,
                                  @NotRequired String referenceIncome, @NotRequired String conventionalIncome,
                                  @NotRequired String annualRent, @NotRequired Integer months,
                                  @NotRequired String incidence, String need, List<String> failedRules) implements ApplicationEvent {
    public static final String TYPE = "ApplicationAssessed";
    public static final int VERSION = 1;

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public int schemaVersion() {
        return VERSION;
    }

    @Override
    public String subject() {
        return istatCode;
    }

    /** A regional call (no municipality) keeps its events in order on its own id. */
    @Override
    public String eventKey() {
        return istatCode != null ? istatCode : callId;
    }

    @Override
    public void accept(Handler handler) {
        handler.applicationAssessed(this);
    }
}
