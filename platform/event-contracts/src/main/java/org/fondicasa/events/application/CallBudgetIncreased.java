package org.fondicasa.events.application;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.fondicasa.events.NotRequired;

/** Money was added to a call's budget, with the act that gives it. */
@JsonInclude(JsonInclude.Include.NON_NULL) // absent, never null: the schema does not allow null
public record CallBudgetIncreased(String callId, String kind, @NotRequired String istatCode,
                                  @NotRequired String fundCode, String legalAct, String source, String amount,
                                  String budget, String legalRef) implements ApplicationEvent {
    public static final String TYPE = "CallBudgetIncreased";
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
        handler.callBudgetIncreased(this);
    }
}
