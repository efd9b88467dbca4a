package org.fondicasa.reporting.report;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fondicasa.platform.security.Caller;
import org.fondicasa.platform.security.Tenant;

import java.util.List;

import static org.fondicasa.platform.security.Roles.MUNICIPALITY_OPERATOR;
import static org.fondicasa.platform.security.Roles.REGION_OFFICER;

/** Reports carry beneficiaries' household data: never cached. */
@Path("/funds/{code}/municipalities/{istatCode}/report")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reports (rendicontazione)", description = "Municipal reports on Fin_a and their deadlines")
@Tenant("istatCode")
public class ReportResource {

    private final ReportService reports;
    private final Caller caller;

    public ReportResource(ReportService reports, Caller caller) {
        this.reports = reports;
        this.caller = caller;
    }

    @GET
    @Path("/draft")
    @RolesAllowed({REGION_OFFICER, MUNICIPALITY_OPERATOR})
    @Operation(operationId = "draftReport", summary = "The report pre-filled from the grants and payments seen: Fin_a available, money used, beneficiaries",
            description = "Nothing is stored: submit the draft, completed, to report.")
    @APIResponse(responseCode = "200", description = "The draft",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportView.class)))
    public Response draft(@PathParam("code") String code, @PathParam("istatCode") String istatCode) {
        return noStore(Response.ok(reports.draft(code, istatCode, caller)));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({REGION_OFFICER, MUNICIPALITY_OPERATOR})
    @Operation(operationId = "submitReport", summary = "Submit the report (a new version; a correction needs a reason); every inconsistency listed, nothing stored",
            description = "Answers 201 with the version stored; an operator reports for their own municipality only.")
    @APIResponse(responseCode = "201", description = "The version stored",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportView.class)))
    public Response submit(@PathParam("code") String code, @PathParam("istatCode") String istatCode,
                           @Valid @NotNull ReportRequest request) {
        return noStore(Response.status(201).entity(reports.submit(code, istatCode, request, caller)));
    }

    @GET
    @RolesAllowed({REGION_OFFICER, MUNICIPALITY_OPERATOR})
    @Operation(operationId = "getReport", summary = "The latest version of the report",
            description = "404 while nothing is submitted.")
    @APIResponse(responseCode = "200", description = "The latest version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportView.class)))
    public Response latest(@PathParam("code") String code, @PathParam("istatCode") String istatCode) {
        return noStore(Response.ok(reports.latest(code, istatCode, caller)));
    }

    @GET
    @Path("/versions")
    @RolesAllowed({REGION_OFFICER, MUNICIPALITY_OPERATOR})
    @Operation(operationId = "listReportVersions", summary = "Every version of the report, oldest first",
            description = "Each version with who submitted it and when.")
    @APIResponse(responseCode = "200", description = "Every version, oldest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = ReportView.class)))
    public Response versions(@PathParam("code") String code, @PathParam("istatCode") String istatCode) {
        List<ReportView> all = reports.versions(code, istatCode, caller);
        return noStore(Response.ok(all));
    }

    private static Response noStore(Response.ResponseBuilder response) {
        return response.header("Cache-Control", "no-store").build();
    }
}
