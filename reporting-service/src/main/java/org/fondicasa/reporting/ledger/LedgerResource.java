package org.fondicasa.reporting.ledger;

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
import org.fondicasa.platform.security.Caller;
import org.fondicasa.platform.security.Roles;
import org.fondicasa.platform.web.ProblemException;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.fondicasa.platform.security.Roles.MUNICIPALITY_OPERATOR;
import static org.fondicasa.platform.security.Roles.REGION_OFFICER;

@Path("/funds/{code}/ledger")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Ledger", description = "The money ledger built from every service's events")
public class LedgerResource {

    private final Caller caller;

    public LedgerResource(Caller caller) {
        this.caller = caller;
    }

    @GET
    @RolesAllowed({REGION_OFFICER, MUNICIPALITY_OPERATOR})
    @Operation(operationId = "getLedger", summary = "The fund's ledger per municipality: the region sees every municipality, an operator only theirs",
            description = "Built from the events the three services published.")
    public List<LedgerLine> ledger(@PathParam("code") String code,
                                   @QueryParam("istatCode") @Pattern(regexp = "[0-9]{6}", message = "must be a 6-digit ISTAT code") String istatCode) {
        return lines(code, istatCode);
    }

    @GET
    @Path("/check")
    @RolesAllowed({REGION_OFFICER, MUNICIPALITY_OPERATOR})
    @Operation(operationId = "checkLedger", summary = "Whether the fund's figures balance, and what does not add up where",
            description = "No differences when every figure adds up.")
    public Check check(@PathParam("code") String code,
                       @QueryParam("istatCode") @Pattern(regexp = "[0-9]{6}", message = "must be a 6-digit ISTAT code") String istatCode) {
        List<String> differences = lines(code, istatCode).stream()
                .flatMap(l -> l.differences().stream().map(d -> l.istatCode() + ": " + d)).toList();
        return new Check(differences.isEmpty(), differences);
    }

    /** The ledger balances when no municipality's figures contradict each other. */
    public record Check(boolean balanced, List<String> differences) {
    }

    private List<LedgerLine> lines(String code, String istatCode) {
        Map<String, List<Ledger.Entry>> byMunicipality = entries(code, istatCode).stream()
                .collect(Collectors.groupingBy(e -> e.istatCode, java.util.TreeMap::new,
                        Collectors.mapping(LedgerEntry::toEntry, Collectors.toList())));
        return byMunicipality.entrySet().stream().map(e -> LedgerLine.of(Ledger.fold(e.getKey(), e.getValue()))).toList();
    }

    @GET
    @Path("/entries")
    @RolesAllowed({REGION_OFFICER, MUNICIPALITY_OPERATOR})
    @Operation(operationId = "listLedgerEntries", summary = "Every ledger entry with the event it came from, in the order the events occurred",
            description = "Each entry names the event it was recorded from.")
    public List<LedgerEntryView> entryList(@PathParam("code") String code,
                                           @QueryParam("istatCode") @Pattern(regexp = "[0-9]{6}", message = "must be a 6-digit ISTAT code") String istatCode) {
        return entries(code, istatCode).stream()
                .sorted(Comparator.comparing((LedgerEntry e) -> e.occurredAt).thenComparing(e -> e.eventId))
                .map(LedgerEntryView::of)
                .toList();
    }

    /** The region reads any municipality or all; an operator only their own, whatever they ask for. */
    private List<LedgerEntry> entries(String code, String istatCode) {
        String scope = istatCode;
        if (!caller.has(Roles.REGION_OFFICER)) {
            scope = istatCode != null ? istatCode : caller.istatCode().orElse(null);
            if (scope == null) {
                throw ProblemException.forbidden("Your token names no municipality");
            }
            caller.requireMunicipality(scope);
        }
        if (KnownFund.findById(code) == null) {
            throw ProblemException.notFound("No fund has code " + code);
        }
        return scope == null
                ? LedgerEntry.list("fundCode", code)
                : LedgerEntry.list("fundCode = ?1 and istatCode = ?2", code, scope);
    }
}
