package org.fondicasa.reporting.export;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fondicasa.platform.security.Caller;
import org.fondicasa.platform.security.Tenant;

import java.util.List;

import static org.fondicasa.platform.security.Roles.CITIZEN;
import static org.fondicasa.platform.security.Roles.DASHBOARD;
import static org.fondicasa.platform.security.Roles.DESK_OPERATOR;
import static org.fondicasa.platform.security.Roles.MUNICIPALITY_OPERATOR;
import static org.fondicasa.platform.security.Roles.REGION_OFFICER;

@Path("/funds/{code}/exports")
@Tag(name = "Exports", description = "The region's annexes and the open data")
public class ExportResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final ExportService exports;
    private final Caller caller;

    public ExportResource(ExportService exports, Caller caller) {
        this.exports = exports;
        this.caller = caller;
    }

    @GET
    @Path("annexes.xlsx")
    @Produces(XLSX)
    @RolesAllowed({REGION_OFFICER, MUNICIPALITY_OPERATOR})
    @Tenant(value = "istatCode", in = Tenant.In.QUERY)
    @Operation(operationId = "exportAnnexesXlsx", summary = "Annexes B and C of the ordinary call as Excel: a sheet per band per municipality and a summary (beneficiaries: restricted)",
            description = "?istatCode= keeps one municipality; an operator gets their own municipality's rows only.")
    public Response annexesXlsx(@PathParam("code") String code,
                                @QueryParam("istatCode") @Pattern(regexp = "[0-9]{6}", message = "must be a 6-digit ISTAT code") String istatCode) {
        byte[] workbook = AnnexWorkbook.write(code, exports.legalAct(code), exports.annexes(code, istatCode, caller));
        return personal(Response.ok(workbook, XLSX), code + (istatCode == null ? "" : "-" + istatCode) + "-annexes.xlsx");
    }

    @GET
    @Path("annexes.csv")
    @Produces("text/csv")
    @RolesAllowed({REGION_OFFICER, MUNICIPALITY_OPERATOR})
    @Tenant(value = "istatCode", in = Tenant.In.QUERY)
    @Operation(operationId = "exportAnnexesCsv", summary = "The same rows as CSV (semicolons, decimal comma)",
            description = "Same rows and restrictions as the Excel annexes.")
    public Response annexesCsv(@PathParam("code") String code,
                               @QueryParam("istatCode") @Pattern(regexp = "[0-9]{6}", message = "must be a 6-digit ISTAT code") String istatCode) {
        return personal(Response.ok(exports.annexesCsv(exports.annexes(code, istatCode, caller)), "text/csv; charset=UTF-8"),
                code + (istatCode == null ? "" : "-" + istatCode) + "-annexes.csv");
    }

    @GET
    @Path("open-data.csv")
    @Produces("text/csv")
    @RolesAllowed({REGION_OFFICER, MUNICIPALITY_OPERATOR, DESK_OPERATOR, CITIZEN, DASHBOARD})
    @Operation(operationId = "exportOpenDataCsv", summary = "Open data: per municipality, money and counts only, no personal data",
            description = "One row per municipality.")
    public Response openDataCsv(@PathParam("code") String code) {
        return Response.ok(exports.openDataCsv(exports.openData(code)), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + code + "-open-data.csv\"").build();
    }

    @GET
    @Path("open-data.json")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({REGION_OFFICER, MUNICIPALITY_OPERATOR, DESK_OPERATOR, CITIZEN, DASHBOARD})
    @Operation(operationId = "getOpenData", summary = "Open data as JSON",
            description = "The rows of the open-data CSV.")
    public List<ExportService.OpenDataRow> openDataJson(@PathParam("code") String code) {
        return exports.openData(code);
    }

    private static Response personal(Response.ResponseBuilder response, String filename) {
        return response.header("Cache-Control", "no-store")
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"").build();
    }
}
