package org.fondicasa.events.application;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.fondicasa.events.NotRequired;

/** A ranked call's ranking was published (counts and money only). */
@JsonInclude(JsonInclude.Include.NON_NULL) // absent, never null: the schema does not allow null
public record RankingPublished(String callId, String kind, @NotRequired String istatCode,
                               @NotRequired String fundCode, String legalAct, String runId, String strategy,
                               String budget, String committed, Integer ranked, Integer funded, Integer bandA,
                               Integer bandB, Integer excluded) implements ApplicationEvent {
    public static final String TYPE = "RankingPublished";
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
        handler.rankingPublished(this);
    }
}
