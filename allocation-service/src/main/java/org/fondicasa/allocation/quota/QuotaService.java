package org.fondicasa.allocation.quota;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.fondicasa.allocation.fund.Fund;
import org.fondicasa.allocation.fund.FundMunicipalityKey;
import org.fondicasa.allocation.split.AllocationRun;
import org.fondicasa.allocation.split.AllocationShare;
import org.fondicasa.allocation.split.RunMunicipalityKey;
import org.fondicasa.allocation.source.SourceKey;
import org.fondicasa.allocation.source.SourceKind;
import org.fondicasa.allocation.source.Sources;
import org.fondicasa.events.allocation.QuotaDeclared;
import org.fondicasa.platform.events.Outbox;
import org.fondicasa.platform.money.Euro;
import org.fondicasa.platform.time.RomeTime;
import org.fondicasa.platform.web.Problem;
import org.fondicasa.platform.web.ProblemException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Records a municipality's quota declarations (Fin_a + Fin_b + Fin_c = share), each revision with its QuotaDeclared event. */
@ApplicationScoped
public class QuotaService {

    static final DateTimeFormatter ITALIAN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");

    private final Outbox outbox;
    private final Clock clock;
    private final Sources sources;

    public QuotaService(Outbox outbox, Clock clock, Sources sources) {
        this.outbox = outbox;
        this.clock = clock;
        this.sources = sources;
    }

    /** A new revision of the quotas of {@code istatCode} in {@code fund}, before its deadline. */
    @Transactional
    public QuotaDeclaration declare(Fund fund, String istatCode, QuotaRequest request, String declaredBy) {
        String code = fund.code;
        BigDecimal share = publishedShare(fund, istatCode);
        OffsetDateTime deadline = deadline(fund, istatCode);
        if (deadline != null && OffsetDateTime.now(clock).isAfter(deadline)) {
            throw new ProblemException(409, "deadline-passed", "The deadline has passed",
                    "Quota declarations for fund " + code + " closed on " + rome(deadline) + " (Europe/Rome); "
                            + "only the region can extend the deadline for municipality " + istatCode, List.of());
        }
        List<Problem.Violation> violations = QuotaRule.check(Euro.toCents(share), Euro.toCents(request.finA()),
                Euro.toCents(request.finB()), Euro.toCents(request.finC()), fund.legalAct).stream().map(Problem.Violation::of).toList();
        if (!violations.isEmpty()) {
            throw ProblemException.invalid("The declaration does not split the share of " + Euro.format(share), violations);
        }
        Sources.requireCovers(sources, java.util.Map.of(
                new SourceKey(code, istatCode, SourceKind.FIN_A.label()), request.finA(),
                new SourceKey(code, istatCode, SourceKind.FIN_B.label()), request.finB(),
                new SourceKey(code, istatCode, SourceKind.FIN_C.label()), request.finC()));
        QuotaDeclaration previous = QuotaDeclaration.latest(code, istatCode);
        QuotaDeclaration d = new QuotaDeclaration();
        d.fundCode = code;
        d.istatCode = istatCode;
        d.revision = previous == null ? 1 : previous.revision + 1;
        d.share = share;
        d.finA = request.finA().setScale(2, RoundingMode.UNNECESSARY);
        d.finB = request.finB().setScale(2, RoundingMode.UNNECESSARY);
        d.finC = request.finC().setScale(2, RoundingMode.UNNECESSARY);
        d.declaredAt = OffsetDateTime.now(clock);
        d.declaredBy = declaredBy;
        d.persist();
        outbox.publish(new QuotaDeclared(code, istatCode, d.revision, share.toPlainString(), d.finA.toPlainString(),
                d.finB.toPlainString(), d.finC.toPlainString()));
        return d;
    }

    private static BigDecimal publishedShare(Fund fund, String istatCode) {
        AllocationRun run = requirePublished(fund);
        AllocationShare share = AllocationShare.findById(new RunMunicipalityKey(run.id, istatCode));
        if (share == null || share.excluded || share.share.signum() == 0) {
            throw ProblemException.notFound("Municipality " + istatCode + " has no share in fund " + fund.code);
        }
        return share.share;
    }

    static AllocationRun requirePublished(Fund fund) {
        AllocationRun run = AllocationRun.published(fund.code);
        if (run == null) {
            throw ProblemException.conflict("The allocation of fund " + fund.code + " is not published yet");
        }
        return run;
    }

    /** The municipality's own deadline if the region extended it, otherwise the fund's. */
    static OffsetDateTime deadline(Fund fund, String istatCode) {
        DeadlineExtension e = DeadlineExtension.findById(new FundMunicipalityKey(fund.code, istatCode));
        return e != null ? e.deadline : fund.quotaDeadline;
    }

    static String rome(OffsetDateTime instant) {
        return instant.atZoneSameInstant(RomeTime.ZONE).format(ITALIAN);
    }
}
