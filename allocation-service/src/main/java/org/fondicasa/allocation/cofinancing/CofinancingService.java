package org.fondicasa.allocation.cofinancing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.fondicasa.allocation.fund.Fund;
import org.fondicasa.allocation.municipality.Municipality;
import org.fondicasa.allocation.quota.QuotaDeclaration;
import org.fondicasa.allocation.source.SourceKey;
import org.fondicasa.allocation.source.SourceKind;
import org.fondicasa.allocation.source.Sources;
import org.fondicasa.allocation.split.AllocationRun;
import org.fondicasa.allocation.split.AllocationShare;
import org.fondicasa.allocation.split.RunMunicipalityKey;
import org.fondicasa.events.allocation.CofinancingDeclared;
import org.fondicasa.platform.events.Outbox;
import org.fondicasa.platform.web.Problem;
import org.fondicasa.platform.web.ProblemException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** Records a municipality's COFIN declarations, each revision with its CofinancingDeclared event. */
@ApplicationScoped
public class CofinancingService {

    private final Outbox outbox;
    private final Clock clock;
    private final Sources sources;

    public CofinancingService(Outbox outbox, Clock clock, Sources sources) {
        this.outbox = outbox;
        this.clock = clock;
        this.sources = sources;
    }

    /** A new revision of the declaration of {@code istatCode} for fund {@code code}, which exists. */
    @Transactional
    public CofinancingDeclaration declare(String code, String istatCode, CofinancingRequest request, String declaredBy) {
        Municipality municipality = requireMunicipality(istatCode);
        BigDecimal finBase = preloadedFinBase(code, istatCode);
        List<Problem.Violation> violations = new ArrayList<>();
        if (request.finBase() != null && request.finBase().compareTo(finBase) != 0) {
            violations.add(new Problem.Violation("finBase", "Fin_base is preloaded from the published split of fund " + code
                    + ": " + finBase.toPlainString() + "; omit it or send that figure"));
        }
        if (request.qSmine().signum() > 0 && !municipality.annexE) {
            violations.add(new Problem.Violation("qSmine", "only municipalities listed in Annex E may enter QSmine"));
        }
        Fund fund = Fund.findById(code);
        if (fund.quotaFund != null) {
            // one Fin_c: the one the municipality declared in the quota fund (DGR 1724/2020), never a second figure here
            QuotaDeclaration quota = QuotaDeclaration.latest(fund.quotaFund, istatCode);
            BigDecimal quotaFinC = quota == null ? BigDecimal.ZERO.setScale(2) : quota.finC;
            if (request.finC().compareTo(quotaFinC) != 0) {
                violations.add(new Problem.Violation("finC", "Fin_c is the Fin_c of the quota declared in fund " + fund.quotaFund
                        + ": " + quotaFinC.toPlainString() + (quota == null ? " (no quota declared yet)" : " (revision " + quota.revision + ")")
                        + "; this declaration says " + request.finC().toPlainString()));
            }
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations.size() + " field(s) are not valid", violations);
        }
        Sources.requireCovers(sources, java.util.Map.of(
                new SourceKey(code, istatCode, SourceKind.FIN_BASE.label()), finBase,
                new SourceKey(code, istatCode, SourceKind.QEMI.label()), request.qEmi(),
                new SourceKey(code, istatCode, SourceKind.QSMINE.label()), request.qSmine(),
                new SourceKey(code, istatCode, SourceKind.COFIN.label()), request.cofin()));
        CofinancingDeclaration previous = CofinancingDeclaration.latest(code, istatCode);
        CofinancingDeclaration d = new CofinancingDeclaration();
        d.fundCode = code;
        d.istatCode = istatCode;
        d.revision = previous == null ? 1 : previous.revision + 1;
        d.finBase = finBase;
        d.finC = euro(request.finC());
        d.qEmi = euro(request.qEmi());
        d.qSmine = euro(request.qSmine());
        d.cofin = euro(request.cofin());
        d.deliberationNumber = request.deliberationNumber() == null ? null : request.deliberationNumber().strip();
        d.deliberationDate = request.deliberationDate();
        d.budgetChapter = request.budgetChapter() == null ? null : request.budgetChapter().strip();
        d.declaredAt = OffsetDateTime.now(clock);
        d.declaredBy = declaredBy;
        d.persist();
        outbox.publish(declared(d));
        return d;
    }

    static CofinancingDeclared declared(CofinancingDeclaration d) {
        return new CofinancingDeclared(d.fundCode, d.istatCode, d.revision, d.finBase.toPlainString(), d.finC.toPlainString(),
                d.qEmi.toPlainString(), d.qSmine.toPlainString(), d.cofin.toPlainString(), d.deliberationNumber,
                d.deliberationDate == null ? null : d.deliberationDate.toString(), d.budgetChapter);
    }

    private static Municipality requireMunicipality(String istatCode) {
        Municipality m = Municipality.findById(istatCode);
        if (m == null) {
            throw ProblemException.notFound("No Puglia municipality has ISTAT code " + istatCode);
        }
        return m;
    }

    /** Fin_base: the municipality's share in the fund's published split (computed or imported from the act). */
    private static BigDecimal preloadedFinBase(String code, String istatCode) {
        AllocationRun run = AllocationRun.published(code);
        if (run == null) {
            throw ProblemException.conflict("Fund " + code + " has no published split yet, so Fin_base is not preloaded");
        }
        AllocationShare share = AllocationShare.findById(new RunMunicipalityKey(run.id, istatCode));
        return share == null ? BigDecimal.ZERO.setScale(2) : share.share;
    }

    private static BigDecimal euro(BigDecimal value) {
        return value.setScale(2, RoundingMode.UNNECESSARY);
    }
}
