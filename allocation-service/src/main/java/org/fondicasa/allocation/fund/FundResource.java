package org.fondicasa.allocation.fund;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fondicasa.platform.events.Outbox;
import org.fondicasa.platform.security.Caller;
import org.fondicasa.platform.web.ProblemException;

import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.List;

import static org.fondicasa.platform.security.Roles.DASHBOARD;
import static org.fondicasa.platform.security.Roles.MUNICIPALITY_OPERATOR;
import static org.fondicasa.platform.security.Roles.REGION_OFFICER;

@Path("/funds")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Funds")
public class FundResource {

    private final Outbox outbox;
    private final Caller caller;

    public FundResource(Outbox outbox, Caller caller) {
        this.outbox = outbox;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @RolesAllowed(REGION_OFFICER)
    @Operation(summary = "Create a fund with the legal act that set it; emits FundCreated")
    public Response create(@NotNull @Valid FundRequest request, UriInfo uri) {
        if (Fund.findById(request.code()) != null) {
            throw ProblemException.conflict("A fund with code " + request.code() + " exists already");
        }
        Fund fund = new Fund();
        fund.code = request.code();
        fund.title = request.title().strip();
        fund.legalAct = request.legalAct().strip();
        fund.year = request.year();
        fund.amount = request.amount().setScale(2, RoundingMode.UNNECESSARY);
        fund.createdAt = OffsetDateTime.now();
        fund.createdBy = caller.name();
        fund.persist();
        outbox.publish(FundCreated.TYPE, FundCreated.VERSION, null, fund.code,
                new FundCreated(fund.code, fund.title, fund.legalAct, fund.year, fund.amount.toPlainString()));
        return Response.created(uri.getAbsolutePathBuilder().path(fund.code).build()).entity(FundView.of(fund)).build();
    }

    @GET
    @RolesAllowed({REGION_OFFICER, MUNICIPALITY_OPERATOR, DASHBOARD})
    @Operation(summary = "All funds, newest year first")
    public List<FundView> list() {
        return Fund.<Fund>list("order by year desc, code").stream().map(FundView::of).toList();
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({REGION_OFFICER, MUNICIPALITY_OPERATOR, DASHBOARD})
    @Operation(summary = "One fund")
    public FundView get(@PathParam("code") String code) {
        return FundView.of(require(code));
    }

    public static Fund require(String code) {
        Fund fund = Fund.findById(code);
        if (fund == null) {
            throw ProblemException.notFound("No fund has code " + code);
        }
        return fund;
    }
}
