package org.fondicasa.events.reporting;

import com.fasterxml.jackson.annotation.JsonInclude;

/** No report by the deadline: the available money goes ex officio to the housing agencies. */
@JsonInclude(JsonInclude.Include.NON_NULL) // absent, never null: the schema does not allow null
public record ReportMissing(String fundCode, String istatCode, String budgetSource, String available, String deadline) implements ReportingEvent {
    public static final String TYPE = "ReportMissing";
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
        handler.reportMissing(this);
    }
}
