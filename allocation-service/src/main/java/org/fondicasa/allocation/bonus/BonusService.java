package org.fondicasa.allocation.bonus;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.fondicasa.allocation.cofinancing.CofinancingDeclaration;
import org.fondicasa.allocation.fund.Fund;
import org.fondicasa.allocation.municipality.Municipality;
import org.fondicasa.allocation.penalty.RecordedPenalty;
import org.fondicasa.allocation.split.AllocationRun;
import org.fondicasa.allocation.split.AllocationShare;
import org.fondicasa.events.allocation.BonusPublished;
import org.fondicasa.events.allocation.PenaltyRecorded;
import org.fondicasa.platform.events.Outbox;
import org.fondicasa.platform.money.Euro;
import org.fondicasa.platform.web.ProblemException;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Distributes a fund's bonus reserve (simulated or published, with its events) and closes the fund with its penalties. */
@ApplicationScoped
public class BonusService {

    private final Outbox outbox;
    private final Clock clock;

    public BonusService(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public BonusView simulate(Fund fund, String user) {
        return run(fund, BonusRun.Kind.SIMULATION, user);
    }

    /** The bonus published once, with a BonusPublished event per entitled municipality. */
    @Transactional
    public BonusView publish(Fund fund, String user) {
        if (BonusRun.published(fund.code) != null) {
            throw ProblemException.conflict("The bonus of fund " + fund.code + " is published already; a publication is never replaced");
        }
        BonusView view = run(fund, BonusRun.Kind.PUBLICATION, user);
        for (BonusView.Line line : view.shares()) {
            if (line.entitled()) {
                outbox.publish(new BonusPublished(fund.code, line.istatCode(), line.bonus().toPlainString(),
                        line.cofin().toPlainString(), line.finBase().toPlainString(), fund.legalAct, view.id().toString()));
            }
        }
        return view;
    }

    /**
     * Closes the fund (once, after its bonus is published): every high-housing-tension municipality not entitled to the
     * bonus gets a penalty that the next fund applies, with a PenaltyRecorded event.
     */
    @Transactional
    public List<RecordedPenalty> close(Fund fund) {
        if (fund.closedAt != null) {
            throw ProblemException.conflict("Fund " + fund.code + " was closed on " + fund.closedAt);
        }
        BonusRun bonus = BonusRun.published(fund.code);
        if (bonus == null) {
            throw ProblemException.conflict("Publish the bonus of fund " + fund.code + " before closing it: it decides the penalties");
        }
        fund.closedAt = OffsetDateTime.now(clock);
        List<RecordedPenalty> penalties = new ArrayList<>();
        for (BonusShare line : BonusShare.<BonusShare>list("runId = ?1 order by istatCode", bonus.id)) {
            Municipality m = Municipality.findById(line.istatCode);
            if (line.entitled || !m.highHousingTension) {
                continue;
            }
            String reason = "high housing tension (CIPE 87/2003) and " + line.explanation;
            RecordedPenalty p = new RecordedPenalty();
            p.fundCode = fund.code;
            p.istatCode = line.istatCode;
            p.reason = reason;
            p.recordedAt = fund.closedAt;
            p.persist();
            outbox.publish(new PenaltyRecorded(fund.code, line.istatCode, fund.penaltyRate.toPlainString(), reason));
            penalties.add(p);
        }
        return penalties;
    }

    /** Candidates: every municipality with a share in the fund's published split (its Fin_base), with its latest COFIN. */
    private BonusView run(Fund fund, BonusRun.Kind kind, String user) {
        AllocationRun split = AllocationRun.published(fund.code);
        if (split == null) {
            throw ProblemException.conflict("Fund " + fund.code + " has no published split: Fin_base is not known yet");
        }
        List<BonusDistribution.Candidate> candidates = new ArrayList<>();
        for (AllocationShare share : AllocationShare.<AllocationShare>list("runId = ?1 and excluded = false order by istatCode", split.id)) {
            if (share.share.signum() <= 0) {
                continue;
            }
            CofinancingDeclaration d = CofinancingDeclaration.latest(fund.code, share.istatCode);
            candidates.add(new BonusDistribution.Candidate(share.istatCode, Euro.toCents(share.share),
                    d == null ? 0 : Euro.toCents(d.cofin),
                    d != null && d.deliberationNumber != null && d.deliberationDate != null,
                    d != null && d.budgetChapter != null));
        }
        BonusDistribution.Result result = BonusDistribution.compute(Euro.toCents(split.bonusReserve),
                fund.cofinancingThreshold, fund.legalAct, candidates);
        BonusRun run = new BonusRun();
        run.id = UUID.randomUUID();
        run.fundCode = fund.code;
        run.kind = kind;
        run.threshold = fund.cofinancingThreshold;
        run.reserve = Euro.ofCents(result.reserveCents());
        run.allocated = Euro.ofCents(result.allocatedCents());
        run.residual = Euro.ofCents(result.residualCents());
        run.createdAt = OffsetDateTime.now(clock);
        run.createdBy = user;
        run.persist();
        List<BonusShare> shares = new ArrayList<>();
        for (BonusDistribution.Line line : result.lines()) {
            BonusShare s = new BonusShare();
            s.runId = run.id;
            s.istatCode = line.istatCode();
            s.finBase = Euro.ofCents(line.finBaseCents());
            s.cofin = Euro.ofCents(line.cofinCents());
            s.entitled = line.entitled();
            s.bonus = Euro.ofCents(line.bonusCents());
            s.explanation = line.explanation();
            s.persist();
            shares.add(s);
        }
        return BonusView.of(run, shares);
    }
}
