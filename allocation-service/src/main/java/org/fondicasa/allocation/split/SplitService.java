package org.fondicasa.allocation.split;

import jakarta.enterprise.context.ApplicationScoped;
import org.fondicasa.allocation.fund.Fund;
import org.fondicasa.platform.money.Euro;
import org.fondicasa.allocation.need.FundNeed;
import org.fondicasa.allocation.penalty.RecordedPenalty;
import org.fondicasa.events.allocation.SplitPublished;
import org.fondicasa.events.allocation.SplitSimulated;
import org.fondicasa.platform.events.Outbox;
import org.fondicasa.platform.web.ProblemException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/** Runs the split of a fund on its stored needs, rules and penalties, and keeps every run. */
@ApplicationScoped
public class SplitService {

    static final String COMPUTED = "computed by largest remainder on documented need";

    private final Outbox outbox;
    private final Clock clock;

    public SplitService(Outbox outbox, Clock clock) {
        this.clock = clock;
        this.outbox = outbox;
    }

    /** Must run in a transaction. */
    public SplitView run(Fund fund, AllocationRun.Kind kind, String user) {
        List<Split.Need> needs = FundNeed.<FundNeed>list("fundCode", fund.code).stream()
                .map(n -> new Split.Need(n.istatCode, Euro.toCents(n.need))).toList();
        if (needs.isEmpty()) {
            throw ProblemException.conflict("Fund " + fund.code + " has no documented needs yet: PUT /funds/" + fund.code + "/needs first");
        }
        List<Split.Penalty> penalties = fund.previousFund == null ? List.of()
                : RecordedPenalty.<RecordedPenalty>list("fundCode", fund.previousFund).stream()
                .map(p -> new Split.Penalty(p.istatCode, "recorded on fund " + p.fundCode + ": " + p.reason)).toList();
        SplitRules rules = fund.splitRules();
        Split.Result result = Split.compute(rules, needs, penalties);

        AllocationRun run = new AllocationRun();
        run.id = UUID.randomUUID();
        run.fundCode = fund.code;
        run.kind = kind;
        run.inputsHash = inputsHash(fund, rules, needs, penalties);
        run.amount = Euro.ofCents(result.amountCents());
        run.bonusReserve = Euro.ofCents(result.bonusReserveCents());
        run.splitAmount = Euro.ofCents(result.splitAmountCents());
        run.totalNeed = Euro.ofCents(result.totalNeedCents());
        run.allocated = Euro.ofCents(result.allocatedCents());
        run.residual = Euro.ofCents(result.residualCents());
        run.rounds = result.rounds();
        run.source = COMPUTED + " (" + fund.legalAct + ")";
        run.createdAt = OffsetDateTime.now(clock);
        run.createdBy = user;
        run.persist();
        for (Split.Share s : result.shares()) {
            AllocationShare share = new AllocationShare();
            share.runId = run.id;
            share.istatCode = s.istatCode();
            share.need = Euro.ofCents(s.needCents());
            share.share = Euro.ofCents(s.shareCents());
            share.excluded = s.excluded();
            share.penaltyCut = Euro.ofCents(s.penaltyCutCents());
            share.redistributed = Euro.ofCents(s.redistributedCents());
            share.exactQuota = s.exactQuotaCents();
            share.remainderCent = s.remainderCent();
            share.explanation = s.explanation();
            share.persist();
        }
        List<AllocationShare> stored = AllocationShare.of(run.id);
        if (kind == AllocationRun.Kind.SIMULATION) {
            outbox.publish(new SplitSimulated(fund.code, run.id.toString(), run.amount.toPlainString(),
                    run.bonusReserve.toPlainString(), run.allocated.toPlainString(), run.residual.toPlainString(), run.inputsHash));
        } else {
            announce(fund, run, stored);
        }
        return SplitView.of(run, stored);
    }

    /** One SplitPublished event per municipality with a share, keyed by its ISTAT code. */
    public void announce(Fund fund, AllocationRun run, List<AllocationShare> shares) {
        for (AllocationShare s : shares) {
            if (!s.excluded && s.share.signum() > 0) {
                outbox.publish(new SplitPublished(fund.code, s.istatCode, s.share.toPlainString(),
                        s.need == null ? null : s.need.toPlainString(), fund.legalAct, run.id.toString(), run.source));
            }
        }
    }

    /** Canonical text of everything the split depends on, hashed: recomputing from the same inputs gives the same hash. */
    static String inputsHash(Fund fund, SplitRules rules, List<Split.Need> needs, List<Split.Penalty> penalties) {
        StringBuilder canonical = new StringBuilder()
                .append("fund=").append(fund.code).append('\n')
                .append("act=").append(rules.legalAct()).append('\n')
                .append("amount=").append(rules.amountCents()).append('\n')
                .append("bonusReserve=").append(rules.bonusReserveCents()).append('\n')
                .append("minimumShare=").append(rules.minimumShareCents()).append('\n')
                .append("penaltyRate=").append(rules.penaltyRate().stripTrailingZeros().toPlainString()).append('\n')
                .append("penaltyDestination=").append(rules.penaltyDestination()).append('\n')
                .append("method=largest-remainder;ties=larger-need,lower-istat;cut=half-up\n");
        needs.stream().sorted(java.util.Comparator.comparing(Split.Need::istatCode))
                .forEach(n -> canonical.append("need ").append(n.istatCode()).append('=').append(n.needCents()).append('\n'));
        penalties.stream().map(Split.Penalty::istatCode).sorted()
                .forEach(p -> canonical.append("penalty ").append(p).append('\n'));
        return sha256(canonical.toString());
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
