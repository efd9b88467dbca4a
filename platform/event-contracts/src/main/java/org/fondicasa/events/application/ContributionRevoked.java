package org.fondicasa.events.application;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.fondicasa.events.NotRequired;

/** An unpaid grant was revoked or withdrawn; the money returns to the call. */
@JsonInclude(JsonInclude.Include.NON_NULL) // absent, never null: the schema does not allow null
public record ContributionRevoked(String callId, String kind, @NotRequired String istatCode,
                                  @NotRequired String fundCode, String protocolNumber, String amount, String reason) implements ApplicationEvent {
    public static final String TYPE = "ContributionRevoked";
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
        handler.contributionRevoked(this);
    }
}
