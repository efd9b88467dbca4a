package org.fondicasa.allocation.fund;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fondicasa.platform.security.Caller;
import org.fondicasa.allocation.split.AllocationRun;
import org.fondicasa.platform.web.ProblemException;

import java.util.List;

import static org.fondicasa.platform.security.Roles.DASHBOARD;
import static org.fondicasa.platform.security.Roles.MUNICIPALITY_OPERATOR;
import static org.fondicasa.platform.security.Roles.REGION_OFFICER;

@Path("/funds")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Funds", description = "Regional funds: the legal act, the amount and the rules of each")
public class FundResource {

    private final FundService funds;
    private final Caller caller;

    public FundResource(FundService funds, Caller caller) {
        this.funds = funds;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(REGION_OFFICER)
    @Operation(operationId = "createFund", summary = "Create a fund with the legal act that set it and its rules; emits FundCreated",
            description = "Answers 201 with the fund. The code never changes; absent co-financing threshold and penalty rate take the defaults. 400 lists every invalid field, 409 when the code exists.")
    @APIResponse(responseCode = "201", description = "The fund created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FundView.class)))
    public Response create(@NotNull @Valid FundRequest request, UriInfo uri) {
        Fund fund = funds.create(request, caller.name());
        return Response.created(uri.getAbsolutePathBuilder().path(fund.code).build()).entity(view(fund)).build();
    }

    @GET
    @RolesAllowed({REGION_OFFICER, MUNICIPALITY_OPERATOR, DASHBOARD})
    @Operation(operationId = "listFunds", summary = "All funds, newest year first",
            description = "Each fund with its amounts and, once its split is published, what was allocated and the residual.")
    public List<FundView> list() {
        return Fund.<Fund>list("order by year desc, code").stream().map(FundResource::view).toList();
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({REGION_OFFICER, MUNICIPALITY_OPERATOR, DASHBOARD})
    @Operation(operationId = "getFund", summary = "One fund",
            description = "The fund with its rules, its deadlines (Europe/Rome) and, once its split is published, allocated and residual; 404 for an unknown code.")
    public FundView get(@PathParam("code") String code) {
        return view(require(code));
    }

    static FundView view(Fund fund) {
        AllocationRun published = AllocationRun.published(fund.code);
        return FundView.of(fund, published == null ? null : published.allocated, published == null ? null : published.residual);
    }

    public static Fund require(String code) {
        Fund fund = Fund.findById(code);
        if (fund == null) {
            throw ProblemException.notFound("No fund has code " + code);
        }
        return fund;
    }
}
