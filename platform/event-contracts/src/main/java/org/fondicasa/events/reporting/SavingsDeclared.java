package org.fondicasa.events.reporting;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Unspent money a report declared, not already reported by closed calls or earlier versions; allocation-service moves it. */
@JsonInclude(JsonInclude.Include.NON_NULL) // absent, never null: the schema does not allow null
public record SavingsDeclared(String fundCode, String istatCode, String budgetSource, String unspent,
                              Integer reportVersion) implements ReportingEvent {
    public static final String TYPE = "SavingsDeclared";
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
        handler.savingsDeclared(this);
    }
}
