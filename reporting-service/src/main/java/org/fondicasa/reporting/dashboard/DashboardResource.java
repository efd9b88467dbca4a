package org.fondicasa.reporting.dashboard;

import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fondicasa.reporting.export.ExportService;
import org.fondicasa.reporting.ledger.KnownFund;
import org.jboss.resteasy.reactive.RestStreamElementType;

import java.util.List;

import static org.fondicasa.platform.security.Roles.DASHBOARD;
import static org.fondicasa.platform.security.Roles.REGION_OFFICER;

/** Read models for the region's dashboards: aggregates only, no personal data. */
@Path("/dashboard")
@Tag(name = "Dashboard", description = "The public dashboard's read model and live feed")
public class DashboardResource {

    private final DashboardService dashboards;
    private final DashboardFeed feed;
    private final ExportService exports;

    public DashboardResource(DashboardService dashboards, DashboardFeed feed, ExportService exports) {
        this.dashboards = dashboards;
        this.feed = feed;
        this.exports = exports;
    }

    @GET
    @Path("/funds")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({DASHBOARD, REGION_OFFICER})
    @Operation(operationId = "listFundDashboards", summary = "Every fund's dashboard",
            description = "Money and counts only, no personal data.")
    public List<FundDashboard> funds() {
        return KnownFund.<KnownFund>list("order by code").stream().map(f -> dashboards.fund(f.code)).toList();
    }

    @GET
    @Path("/funds/{code}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({DASHBOARD, REGION_OFFICER})
    @Operation(operationId = "getFundDashboard", summary = "A fund: municipalities with quotas, reports submitted, late and missing, calls, applications, money granted, paid and moved, per province",
            description = "Money and counts only; 404 for an unknown fund.")
    public FundDashboard fund(@PathParam("code") String code) {
        return dashboards.fund(code);
    }

    @GET
    @Path("/funds/{code}/municipalities")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({DASHBOARD, REGION_OFFICER})
    @Operation(operationId = "listDashboardMunicipalities", summary = "A fund per municipality: the open-data figures (money and counts only)",
            description = "Money and counts only, no personal data.")
    public List<ExportService.OpenDataRow> municipalities(@PathParam("code") String code) {
        return exports.openData(code);
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @RolesAllowed({DASHBOARD, REGION_OFFICER})
    @Operation(operationId = "streamFundDashboards", summary = "Live: a fund's dashboard each time its figures change (at most every couple of seconds)",
            description = "Server-sent events, each a fund's dashboard as JSON.")
    public Multi<FundDashboard> stream() {
        return feed.stream();
    }
}
