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
import org.fondicasa.platform.money.Euro;
import org.fondicasa.platform.security.Caller;
import org.fondicasa.platform.security.Tenant;
import org.fondicasa.platform.security.Roles;
import org.fondicasa.platform.web.ProblemException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.fondicasa.platform.security.Roles.MUNICIPALITY_OPERATOR;
import static org.fondicasa.platform.security.Roles.REGION_OFFICER;

@Path("/funds/{code}/ledger")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Ledger", description = "The money ledger built from every service's events")
@Tenant(value = "istatCode", in = Tenant.In.QUERY)
public class LedgerResource {

    private final Caller caller;
    private final LedgerReader reader;

    public LedgerResource(Caller caller, LedgerReader reader) {
        this.caller = caller;
        this.reader = reader;
    }

    @GET
    @RolesAllowed({REGION_OFFICER, MUNICIPALITY_OPERATOR})
    @Operation(operationId = "getLedger", summary = "The fund's ledger per municipality: the region sees every municipality, an operator only theirs",
            description = "Built from the events the three services published. Each line lists the balance of every money source "
                    + "(allocated, movedIn, reserved, committed, freeInCalls, movedOut by destination, available).")
    public List<LedgerLine> ledger(@PathParam("code") String code,
                                   @QueryParam("istatCode") @Pattern(regexp = "[0-9]{6}", message = "must be a 6-digit ISTAT code") String istatCode) {
        return reader.lines(code, scope(code, istatCode)).values().stream().map(LedgerLine::of).toList();
    }

    @GET
    @Path("/check")
    @RolesAllowed({REGION_OFFICER, MUNICIPALITY_OPERATOR})
    @Operation(operationId = "checkLedger", summary = "Whether the fund's money is conserved, and what does not add up where",
            description = "Per source: allocated + movedIn = reserved + movedOut + available, nothing negative, no call committing "
                    + "more than it holds, every move to Fin_b arriving there, no cause moving savings twice. Per fund (without "
                    + "istatCode): the shares and bonuses within the fund, and its residual. No differences when every figure adds up.")
    public Check check(@PathParam("code") String code,
                       @QueryParam("istatCode") @Pattern(regexp = "[0-9]{6}", message = "must be a 6-digit ISTAT code") String istatCode) {
        String scope = scope(code, istatCode);
        Map<String, Ledger.Line> lines = reader.lines(code, scope);
        List<String> differences = new ArrayList<>(lines.values().stream()
                .flatMap(l -> l.differences().stream().map(d -> l.istatCode() + ": " + d)).toList());
        FundFigures fund = null;
        if (scope == null) {
            KnownFund known = KnownFund.findById(code);
            FundCheck check = FundCheck.of(code, Euro.toCents(known.amount), lines.values());
            differences.addAll(check.differences());
            fund = FundFigures.of(check);
        }
        return new Check(differences.isEmpty(), differences, fund);
    }

    /**
     * The ledger balances when no municipality's figures contradict each other; {@code fund} (the whole fund only) shows
     * what it handed to municipalities, its residual and the totals of its sources.
     */
    public record Check(boolean balanced, List<String> differences, FundFigures fund) {
    }

    /** The fund as a whole, in euro: amount = shares + bonuses + residual; totals of its own sources. */
    public record FundFigures(BigDecimal amount, BigDecimal shares, BigDecimal bonuses, BigDecimal residual, BigDecimal allocated,
                              BigDecimal movedIn, BigDecimal reserved, BigDecimal committed, BigDecimal freeInCalls,
                              Map<String, BigDecimal> movedOut, BigDecimal available) {
        static FundFigures of(FundCheck c) {
            Map<String, BigDecimal> movedOut = new LinkedHashMap<>();
            c.totals().movedOut().forEach((to, cents) -> movedOut.put(to, Euro.ofCents(cents)));
            FundCheck.Totals t = c.totals();
            return new FundFigures(Euro.ofCents(c.amount()), Euro.ofCents(c.shares()), Euro.ofCents(c.bonuses()),
                    Euro.ofCents(c.residual()), Euro.ofCents(t.allocated()), Euro.ofCents(t.movedIn()), Euro.ofCents(t.reserved()),
                    Euro.ofCents(t.committed()), Euro.ofCents(t.freeInCalls()), movedOut, Euro.ofCents(t.available()));
        }
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

    private List<LedgerEntry> entries(String code, String istatCode) {
        String scope = scope(code, istatCode);
        return scope == null
                ? LedgerEntry.list("fundCode", code)
                : LedgerEntry.list("fundCode = ?1 and istatCode = ?2", code, scope);
    }

    /** The region reads any municipality or all (null); an operator only their own, whatever they ask for. */
    private String scope(String code, String istatCode) {
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
        return scope;
    }
}
