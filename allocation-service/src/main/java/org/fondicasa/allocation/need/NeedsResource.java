package org.fondicasa.allocation.need;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fondicasa.allocation.fund.FundResource;
import org.fondicasa.allocation.municipality.Municipality;
import org.fondicasa.allocation.split.AllocationRun;
import org.fondicasa.platform.web.Problem;
import org.fondicasa.platform.web.ProblemException;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.fondicasa.platform.security.Roles.REGION_OFFICER;

/** The documented needs the split weighs, uploaded whole by the region as JSON or CSV. */
@Path("/funds/{code}/needs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Split (riparto)", description = "The split of a fund among the municipalities: documented needs, simulations, publication")
@RolesAllowed(REGION_OFFICER)
public class NeedsResource {

    private final ObjectMapper mapper;

    public NeedsResource(ObjectMapper mapper) {
        // floats read as BigDecimal: a need of 1234.56 stays exactly that
        this.mapper = mapper.copy().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(operationId = "replaceNeeds", summary = "Replace the fund's needs with [{istatCode, need}]; every bad row is listed and nothing is stored",
            description = "The body is a JSON array of {istatCode, need} or a CSV whose header is istat_code,need. The upload replaces the fund's needs whole; 400 lists every bad row, 409 once the split is published.")
    // the body is read as text so that every bad row can be listed; the document says what it must hold
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = NeedView.class)))
    public List<NeedView> putJson(@PathParam("code") String code, String body) {
        List<Problem.Violation> violations = new ArrayList<>();
        List<NeedsUpload.Row> rows = new ArrayList<>();
        JsonNode root;
        try {
            root = mapper.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            throw ProblemException.invalid("The body is not JSON: " + e.getOriginalMessage(), List.of());
        }
        if (root == null || !root.isArray()) {
            throw ProblemException.invalid("Expected a JSON array of {istatCode, need}", List.of(new Problem.Violation("$", "not an array")));
        }
        for (int i = 0; i < root.size(); i++) {
            JsonNode row = root.get(i);
            String where = "[" + i + "]";
            JsonNode need = row.get("need");
            JsonNode istat = row.get("istatCode");
            String raw;
            if (need == null) {
                raw = "";
            } else if (need.isNumber()) {
                raw = need.decimalValue().toPlainString();
            } else {
                violations.add(new Problem.Violation(where + ".need", "must be a number in euro, got " + need));
                raw = null;
            }
            rows.add(new NeedsUpload.Row(where, istat == null || !istat.isTextual() ? String.valueOf(istat) : istat.asText(), raw));
        }
        return store(code, rows, violations);
    }

    @PUT
    @Consumes("text/csv")
    @Transactional
    @Operation(operationId = "replaceNeeds", summary = "Replace the fund's needs with a CSV whose header is istat_code,need",
            description = "The body is a JSON array of {istatCode, need} or a CSV whose header is istat_code,need. The upload replaces the fund's needs whole; 400 lists every bad row, 409 once the split is published.")
    public List<NeedView> putCsv(@PathParam("code") String code, String body) {
        List<Problem.Violation> violations = new ArrayList<>();
        List<NeedsUpload.Row> rows = NeedsUpload.csvRows(body == null ? "" : body, violations);
        return store(code, rows, violations);
    }

    @GET
    @Operation(operationId = "listNeeds", summary = "The fund's needs",
            description = "Each municipality's documented need in euro, by ISTAT code.")
    public List<NeedView> get(@PathParam("code") String code) {
        FundResource.require(code);
        return FundNeed.<FundNeed>list("fundCode = ?1 order by istatCode", code).stream()
                .map(n -> new NeedView(n.istatCode, n.need)).toList();
    }

    private List<NeedView> store(String code, List<NeedsUpload.Row> rows, List<Problem.Violation> parseViolations) {
        FundResource.require(code);
        if (AllocationRun.published(code) != null) {
            throw ProblemException.conflict("The allocation of fund " + code + " is published: its needs can no longer change");
        }
        Set<String> known = Municipality.<Municipality>streamAll().map(m -> m.istatCode).collect(Collectors.toSet());
        NeedsUpload.Result result = NeedsUpload.check(rows, known);
        List<Problem.Violation> violations = new ArrayList<>(parseViolations);
        violations.addAll(result.violations());
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations.size() + " problem(s) in the upload; nothing was stored", violations);
        }
        FundNeed.delete("fundCode", code);
        result.needs().forEach((istat, need) -> {
            FundNeed n = new FundNeed();
            n.fundCode = code;
            n.istatCode = istat;
            n.need = need;
            n.persist();
        });
        return get(code);
    }
}
