package org.fondicasa.allocation.source;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fondicasa.allocation.fund.FundResource;
import org.fondicasa.platform.security.Caller;
import org.fondicasa.platform.security.Tenant;

import java.util.UUID;

import static org.fondicasa.platform.security.Roles.MUNICIPALITY_OPERATOR;
import static org.fondicasa.platform.security.Roles.REGION_OFFICER;

@Path("/funds/{code}/municipalities/{istatCode}/reservations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reservations", description = "Calls reserve their budget from the municipality's sources when they open")
@Tenant("istatCode")
public class ReservationResource {

    private static final String ISTAT = "[0-9]{6}";
    private static final String ISTAT_MESSAGE = "must be a 6-digit ISTAT code";

    private final Caller caller;
    private final ReservationService reservations;

    public ReservationResource(Caller caller, ReservationService reservations) {
        this.caller = caller;
        this.reservations = reservations;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({REGION_OFFICER, MUNICIPALITY_OPERATOR})
    @Operation(operationId = "reserveBudget", summary = "A call reserves its budget from the sources, all lines or none (application-service asks when a call opens)",
            description = "A line without amount takes everything the source has available. 409 insufficient-funds names the source, "
                    + "what it has available and what was asked; nothing is reserved then. The same callId again answers 200 with the "
                    + "reservation already made. An operator reserves their own municipality's money only.")
    @APIResponse(responseCode = "201", description = "The reservation made",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReservationView.class)))
    @APIResponse(responseCode = "200", description = "The reservation this call made before",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReservationView.class)))
    public Response reserve(@PathParam("code") String code,
                            @PathParam("istatCode") @Pattern(regexp = ISTAT, message = ISTAT_MESSAGE) String istatCode,
                            @NotNull @Valid ReservationRequest request) {
        caller.requireMunicipality(istatCode);
        ReservationService.Outcome outcome = reservations.reserve(FundResource.require(code), istatCode, request, caller.name());
        return Response.status(outcome.created() ? 201 : 200).entity(outcome.reservation()).build();
    }

    @GET
    @Path("/{callId}")
    @RolesAllowed({REGION_OFFICER, MUNICIPALITY_OPERATOR})
    @Operation(operationId = "getReservation", summary = "What a call holds of each source", description = "An operator sees their own municipality only.")
    public ReservationView get(@PathParam("code") String code,
                               @PathParam("istatCode") @Pattern(regexp = ISTAT, message = ISTAT_MESSAGE) String istatCode,
                               @PathParam("callId") UUID callId) {
        caller.requireMunicipality(istatCode);
        return reservations.view(FundResource.require(code), istatCode, callId);
    }

    @POST
    @Path("/{callId}/top-ups")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({REGION_OFFICER, MUNICIPALITY_OPERATOR})
    @Operation(operationId = "topUpReservation", summary = "A call reserves more of a source (a top-up); the same topUpId again changes nothing",
            description = "409 insufficient-funds when the source has less available than asked.")
    @APIResponse(responseCode = "201", description = "The source's line of the reservation after the top-up",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReservationView.Line.class)))
    public Response topUp(@PathParam("code") String code,
                          @PathParam("istatCode") @Pattern(regexp = ISTAT, message = ISTAT_MESSAGE) String istatCode,
                          @PathParam("callId") UUID callId, @NotNull @Valid ReservationRequest.TopUp request) {
        caller.requireMunicipality(istatCode);
        return Response.status(201).entity(reservations.topUp(FundResource.require(code), istatCode, callId, request)).build();
    }

    @DELETE
    @Path("/{callId}")
    @RolesAllowed({REGION_OFFICER, MUNICIPALITY_OPERATOR})
    @Operation(operationId = "withdrawReservation", summary = "Give back a reservation whose call was never opened",
            description = "application-service does this when it could not store the call; 409 once the call opened (its money goes back when it closes).")
    @APIResponse(responseCode = "204", description = "The money is available again")
    public Response withdraw(@PathParam("code") String code,
                             @PathParam("istatCode") @Pattern(regexp = ISTAT, message = ISTAT_MESSAGE) String istatCode,
                             @PathParam("callId") UUID callId) {
        caller.requireMunicipality(istatCode);
        reservations.withdraw(FundResource.require(code), istatCode, callId);
        return Response.noContent().build();
    }
}
