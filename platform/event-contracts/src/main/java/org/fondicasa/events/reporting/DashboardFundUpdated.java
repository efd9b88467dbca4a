package org.fondicasa.events.reporting;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A fund's aggregate figures for external dashboards: counts and money only. */
@JsonInclude(JsonInclude.Include.NON_NULL) // absent, never null: the schema does not allow null
public record DashboardFundUpdated(String fundCode, Integer municipalities, Integer quotasDeclared,
                                   Integer reportsSubmitted, Integer reportsLate, Integer reportsMissing,
                                   Integer callsOpen, Integer callsClosed, Long applications, Long eligible,
                                   String share, String granted, String paid, String unspent,
                                   String movedToHousingAgencies, String computedAt) implements DashboardEvent {
    public static final String TYPE = "DashboardFundUpdated";
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
        return null;
    }

    @Override
    public String eventKey() {
        return fundCode;
    }

    @Override
    public void accept(Handler handler) {
        handler.dashboardFundUpdated(this);
    }
}
