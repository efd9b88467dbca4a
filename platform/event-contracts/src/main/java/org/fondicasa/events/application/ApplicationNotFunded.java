package org.fondicasa.events.application;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.fondicasa.events.NotRequired;

/** An application was decided with no money (e.g. the social worker's assessment). */
@JsonInclude(JsonInclude.Include.NON_NULL) // absent, never null: the schema does not allow null
public record ApplicationNotFunded(String callId, String kind, @NotRequired String istatCode,
                                   @NotRequired String fundCode, String protocolNumber, String reason) implements ApplicationEvent {
    public static final String TYPE = "ApplicationNotFunded";
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
        handler.applicationNotFunded(this);
    }
}
