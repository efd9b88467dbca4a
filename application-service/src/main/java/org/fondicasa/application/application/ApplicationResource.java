package org.fondicasa.application.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import io.smallrye.common.annotation.Blocking;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fondicasa.application.award.Award;
import org.fondicasa.application.award.AwardRequests;
import org.fondicasa.application.award.AwardService;
import org.fondicasa.application.call.CallService;
import org.fondicasa.platform.security.Caller;
import org.fondicasa.platform.security.Tenant;
import org.fondicasa.application.call.CallOwner;
import org.fondicasa.platform.security.Roles;
import org.fondicasa.platform.web.ProblemException;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

import static org.fondicasa.platform.security.Roles.CITIZEN;
import static org.fondicasa.platform.security.Roles.DESK_OPERATOR;
import static org.fondicasa.platform.security.Roles.MUNICIPALITY_OPERATOR;
import static org.fondicasa.platform.security.Roles.REGION_OFFICER;

@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Applications", description = "Citizens' applications, from submission to payment")
public class ApplicationResource {

    private final ApplicationService applications;
    private final AwardService awards;
    private final CallService calls;
    private final Intake intake;
    private final Caller caller;
    private final ApplicationViews views;

    public ApplicationResource(ApplicationService applications, AwardService awards, CallService calls, Intake intake,
                               Caller caller, ApplicationViews views) {
        this.applications = applications;
        this.awards = awards;
        this.calls = calls;
        this.intake = intake;
        this.caller = caller;
        this.views = views;
    }

    @POST
    @Path("calls/{id}/applications")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({CITIZEN, DESK_OPERATOR})
    @Tenant(value = "id", owner = CallOwner.class)
    @Operation(operationId = "submitApplication", summary = "Apply: a citizen as themselves (the token's fiscal code), or a desk operator for a citizen (assisted)",
            description = "Answers 201 with the application: its protocol number and its assessment against the call's rules.")
    @APIResponse(responseCode = "201", description = "The receipt: protocol number and place in line",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Receipt.class)))
    @Blocking // the checks before the queue may read the database; the wait for the commit holds no thread
    public CompletionStage<Response> submit(@PathParam("id") UUID callId, @NotNull ApplicationForm form, @Context UriInfo uri) {
        UriBuilder receipts = uri.getBaseUriBuilder().path("applications/{p}");
        return applications.submit(callId, form, caller)
                .thenApply(receipt -> Response.created(receipts.build(receipt.protocolNumber())).entity(receipt).build());
    }

    @GET
    @Path("applications/{protocol}")
    @RolesAllowed({CITIZEN, DESK_OPERATOR, MUNICIPALITY_OPERATOR, REGION_OFFICER})
    @Tenant(value = "protocol", owner = ApplicationOwner.class)
    @Operation(operationId = "getApplication", summary = "An application with its assessment and money: its applicant, the desk operator who filed it, its call's officers",
            description = "404 for anyone else than its applicant, the desk operator who filed it and its call's officers; only the officers see its household contests (contests).")
    public ApplicationView get(@PathParam("protocol") String protocol) {
        Application application = Application.findById(protocol);
        if (application == null || !maySee(application)) {
            // the same answer whether it does not exist or is someone else's
            throw ProblemException.notFound("No application " + protocol + " that you may see");
        }
        return view(application);
    }

    @GET
    @Path("calls/{id}/applications")
    @RolesAllowed({MUNICIPALITY_OPERATOR, REGION_OFFICER})
    @Tenant(value = "id", owner = CallOwner.class)
    @Operation(operationId = "listCallApplications", summary = "A call's applications in receipt order, optionally by status, for its officers",
            description = "?status= keeps the applications in one status. Each shows the household contests it is part of (contests).")
    public List<ApplicationView> ofCall(@PathParam("id") UUID callId, @QueryParam("status") ApplicationStatus status,
                                        @QueryParam("after") Long afterPlace) {
        calls.requireManager(caller, calls.require(callId));
        long after = afterPlace == null ? 0 : afterPlace;
        List<Application> found = status == null
                ? Application.find("callId = ?1 and receiptSeq > ?2 order by receiptSeq", callId, after).page(0, 500).list()
                : Application.find("callId = ?1 and status = ?2 and receiptSeq > ?3 order by receiptSeq", callId, status, after).page(0, 500).list();
        return views.forManagers(found);
    }

    @POST
    @Path("applications/{protocol}/withdrawal")
    @RolesAllowed(CITIZEN)
    @Tenant(value = "protocol", owner = ApplicationOwner.class)
    @Operation(operationId = "withdrawApplication", summary = "The applicant withdraws; an unpaid grant returns to the call",
            description = "Only the applicant withdraws.")
    public ApplicationView withdraw(@PathParam("protocol") String protocol) {
        awards.withdraw(protocol, caller);
        return view(Application.findById(protocol));
    }

    @PUT
    @Path("applications/{protocol}/tax-arrears")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({MUNICIPALITY_OPERATOR, REGION_OFFICER})
    @Tenant(value = "protocol", owner = ApplicationOwner.class)
    @Operation(operationId = "recordTaxArrears", summary = "The finance office records municipal tax arrears, withheld from the contribution at payment",
            description = "The amount is withheld from the contribution when it is paid.")
    public ApplicationView taxArrears(@PathParam("protocol") String protocol, @Valid @NotNull AwardRequests.TaxArrearsRecord record) {
        awards.recordTaxArrears(protocol, record, caller);
        return view(Application.findById(protocol));
    }

    @POST
    @Path("applications/{protocol}/social-assessment")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({MUNICIPALITY_OPERATOR, REGION_OFFICER})
    @Tenant(value = "protocol", owner = ApplicationOwner.class)
    @Operation(operationId = "recordSocialAssessment", summary = "Hardship grant: the social worker's assessment sets the amount (0 refuses)",
            description = "For hardship grants: the assessed amount becomes the grant.")
    public ApplicationView socialAssessment(@PathParam("protocol") String protocol, @Valid @NotNull AwardRequests.SocialAssessment body) {
        awards.assessHardship(protocol, body, caller, intake);
        return view(Application.findById(protocol));
    }

    @POST
    @Path("applications/{protocol}/payment")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({MUNICIPALITY_OPERATOR, REGION_OFFICER})
    @Tenant(value = "protocol", owner = ApplicationOwner.class)
    @Operation(operationId = "recordPayment", summary = "Record the payment to the applicant's IBAN (executed by the treasury), less withheld arrears",
            description = "The treasury executes the payment; this records it, less the tax arrears withheld.")
    public ApplicationView pay(@PathParam("protocol") String protocol, @Valid @NotNull AwardRequests.Payment payment) {
        awards.pay(protocol, payment, caller);
        return view(Application.findById(protocol));
    }

    @POST
    @Path("applications/{protocol}/revocation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({MUNICIPALITY_OPERATOR, REGION_OFFICER})
    @Tenant(value = "protocol", owner = ApplicationOwner.class)
    @Operation(operationId = "revokeGrant", summary = "Revoke an unpaid grant, with the reason; the money returns to the call",
            description = "Only an unpaid grant; the reason is recorded.")
    public ApplicationView revoke(@PathParam("protocol") String protocol, @Valid @NotNull AwardRequests.Revocation revocation) {
        awards.revoke(protocol, revocation, caller);
        return view(Application.findById(protocol));
    }

    private boolean maySee(Application application) {
        if (caller.has(Roles.REGION_OFFICER)) {
            return true;
        }
        if (caller.has(Roles.MUNICIPALITY_OPERATOR)) {
            String istat = calls.require(application.callId).istatCode;
            return istat != null && caller.istatCode().filter(istat::equals).isPresent();
        }
        if (caller.has(Roles.CITIZEN)) {
            return caller.fiscalCode().filter(application.applicantFiscalCode::equals).isPresent();
        }
        return caller.has(Roles.DESK_OPERATOR) && application.assisted && application.submittedBy.equals(caller.name());
    }

    /** The call's managers see the household contests an application is part of; its applicant and desk do not. */
    private ApplicationView view(Application a) {
        return manages(a) ? views.forManagers(a) : views.of(a);
    }

    private boolean manages(Application application) {
        if (caller.has(Roles.REGION_OFFICER)) {
            return true;
        }
        if (!caller.has(Roles.MUNICIPALITY_OPERATOR)) {
            return false;
        }
        String istat = calls.require(application.callId).istatCode;
        return istat != null && caller.istatCode().filter(istat::equals).isPresent();
    }
}
