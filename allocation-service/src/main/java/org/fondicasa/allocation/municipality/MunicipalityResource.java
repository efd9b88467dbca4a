package org.fondicasa.allocation.municipality;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fondicasa.platform.web.ProblemException;

import java.util.List;

import static org.fondicasa.platform.security.Roles.CITIZEN;
import static org.fondicasa.platform.security.Roles.DASHBOARD;
import static org.fondicasa.platform.security.Roles.DESK_OPERATOR;
import static org.fondicasa.platform.security.Roles.MUNICIPALITY_OPERATOR;
import static org.fondicasa.platform.security.Roles.REGION_OFFICER;

@Path("/municipalities")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Municipalities")
@RolesAllowed({REGION_OFFICER, MUNICIPALITY_OPERATOR, CITIZEN, DESK_OPERATOR, DASHBOARD})
public class MunicipalityResource {

    @GET
    @Operation(summary = "The 257 municipalities of Puglia, optionally of one province (BA, BT, BR, FG, LE, TA)")
    public List<MunicipalityView> list(@QueryParam("province") @Pattern(regexp = "[A-Z]{2}") String province) {
        List<Municipality> found = province == null
                ? Municipality.list("order by istatCode")
                : Municipality.list("provinceAbbr = ?1 order by istatCode", province);
        return found.stream().map(MunicipalityView::of).toList();
    }

    @GET
    @Path("/{istatCode}")
    @Operation(summary = "One municipality by ISTAT code")
    public MunicipalityView get(@PathParam("istatCode") @Pattern(regexp = "[0-9]{6}", message = "must be a 6-digit ISTAT code") String istatCode) {
        Municipality m = Municipality.findById(istatCode);
        if (m == null) {
            throw ProblemException.notFound("No Puglia municipality has ISTAT code " + istatCode);
        }
        return MunicipalityView.of(m);
    }
}
