package org.fondicasa.allocation.municipality;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
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
@Tag(name = "Municipalities", description = "The 257 municipalities of Puglia and the flags the region sets on them")
@RolesAllowed({REGION_OFFICER, MUNICIPALITY_OPERATOR, CITIZEN, DESK_OPERATOR, DASHBOARD})
public class MunicipalityResource {

    @GET
    @Operation(operationId = "listMunicipalities", summary = "The 257 municipalities of Puglia, optionally of one province (BA, BT, BR, FG, LE, TA)",
            description = "Each municipality with its ISTAT code, province and the flags the region set; ?province= keeps one province.")
    public List<MunicipalityView> list(@QueryParam("province") @Pattern(regexp = "[A-Z]{2}") String province) {
        List<Municipality> found = province == null
                ? Municipality.list("order by istatCode")
                : Municipality.list("provinceAbbr = ?1 order by istatCode", province);
        return found.stream().map(MunicipalityView::of).toList();
    }

    /** The flags the region sets; absent fields stay as they are. */
    public record Flags(Boolean highHousingTension, Boolean annexE) {
    }

    @PATCH
    @Path("/{istatCode}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @RolesAllowed(REGION_OFFICER)
    @Operation(operationId = "setMunicipalityFlags", summary = "Set the high-housing-tension (CIPE 87/2003) and Annex E flags of a municipality",
            description = "The flags weigh in the split, the bonus and the penalties. Absent fields keep their value; 404 for an unknown ISTAT code.")
    public MunicipalityView setFlags(@PathParam("istatCode") @Pattern(regexp = "[0-9]{6}", message = "must be a 6-digit ISTAT code") String istatCode,
                                     @NotNull Flags flags) {
        Municipality m = require(istatCode);
        if (flags.highHousingTension() != null) {
            m.highHousingTension = flags.highHousingTension();
        }
        if (flags.annexE() != null) {
            m.annexE = flags.annexE();
        }
        return MunicipalityView.of(m);
    }

    @GET
    @Path("/{istatCode}")
    @Operation(operationId = "getMunicipality", summary = "One municipality by ISTAT code",
            description = "The municipality with its province and flags; 404 for an unknown ISTAT code.")
    public MunicipalityView get(@PathParam("istatCode") @Pattern(regexp = "[0-9]{6}", message = "must be a 6-digit ISTAT code") String istatCode) {
        return MunicipalityView.of(require(istatCode));
    }

    /** The municipality, or 404 naming the code: for every endpoint that takes one in its path. */
    public static Municipality require(String istatCode) {
        Municipality m = Municipality.findById(istatCode);
        if (m == null) {
            throw ProblemException.notFound("No Puglia municipality has ISTAT code " + istatCode);
        }
        return m;
    }
}
