package org.fondicasa.events.reporting;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A municipality submitted (a version of) its report on a fund: counts and money only. */
@JsonInclude(JsonInclude.Include.NON_NULL) // absent, never null: the schema does not allow null
public record ReportSubmitted(String fundCode, String istatCode, Integer version, String budgetSource,
                              String available, String used, String unspent, Integer beneficiaries, Boolean late) implements ReportingEvent {
    public static final String TYPE = "ReportSubmitted";
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

    @Override
    public void accept(Handler handler) {
        handler.reportSubmitted(this);
    }
}
