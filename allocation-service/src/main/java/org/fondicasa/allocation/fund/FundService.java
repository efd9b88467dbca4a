package org.fondicasa.allocation.fund;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.fondicasa.events.allocation.FundCreated;
import org.fondicasa.platform.events.Outbox;
import org.fondicasa.platform.time.RomeTime;
import org.fondicasa.platform.web.Problem;
import org.fondicasa.platform.web.ProblemException;

import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Creates funds: the fund and its FundCreated event in one transaction. */
@ApplicationScoped
public class FundService {

    private final Outbox outbox;
    private final FundDefaults defaults;
    private final Clock clock;

    public FundService(Outbox outbox, FundDefaults defaults, Clock clock) {
        this.outbox = outbox;
        this.defaults = defaults;
        this.clock = clock;
    }

    @Transactional
    public Fund create(FundRequest request, String createdBy) {
        List<Problem.Violation> violations = new ArrayList<>();
        if (request.bonusReserve().compareTo(request.amount()) > 0) {
            violations.add(new Problem.Violation("bonusReserve", "must not exceed the amount"));
        }
        if (request.minimumShare().compareTo(request.amount().subtract(request.bonusReserve())) > 0) {
            violations.add(new Problem.Violation("minimumShare", "must not exceed the amount less the bonus reserve"));
        }
        if (request.previousFund() != null && Fund.findById(request.previousFund()) == null) {
            violations.add(new Problem.Violation("previousFund", "no fund has code " + request.previousFund()));
        }
        if (request.quotaFund() != null && Fund.findById(request.quotaFund()) == null) {
            violations.add(new Problem.Violation("quotaFund", "no fund has code " + request.quotaFund()));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations.size() + " field(s) are not valid", violations);
        }
        if (Fund.findById(request.code()) != null) {
            throw ProblemException.conflict("A fund with code " + request.code() + " exists already");
        }
        Fund fund = new Fund();
        fund.code = request.code();
        fund.title = request.title().strip();
        fund.legalAct = request.legalAct().strip();
        fund.year = request.year();
        fund.amount = request.amount().setScale(2, RoundingMode.UNNECESSARY);
        fund.bonusReserve = request.bonusReserve().setScale(2, RoundingMode.UNNECESSARY);
        fund.minimumShare = request.minimumShare().setScale(2, RoundingMode.UNNECESSARY);
        fund.cofinancingThreshold = Objects.requireNonNullElse(request.cofinancingThreshold(), defaults.cofinancingThreshold());
        fund.penaltyRate = Objects.requireNonNullElse(request.penaltyRate(), defaults.penaltyRate());
        fund.penaltyDestination = Objects.requireNonNullElse(request.penaltyDestination(), defaults.penaltyDestination());
        fund.quotaDeadline = rome(request.quotaDeadline());
        fund.reportDeadline = rome(request.reportDeadline());
        fund.previousFund = request.previousFund();
        fund.quotaFund = request.quotaFund();
        fund.createdAt = OffsetDateTime.now(clock);
        fund.createdBy = createdBy;
        fund.persist();
        outbox.publish(created(fund));
        return fund;
    }

    /** The event of a new fund: money as decimal strings, deadlines as offset date-times (Europe/Rome). */
    static FundCreated created(Fund f) {
        return new FundCreated(f.code, f.title, f.legalAct, f.year, f.amount.toPlainString(), f.bonusReserve.toPlainString(),
                f.minimumShare.toPlainString(), f.cofinancingThreshold.toPlainString(), f.penaltyRate.toPlainString(),
                f.penaltyDestination.name(), f.quotaDeadline == null ? null : f.quotaDeadline.toString(),
                f.reportDeadline == null ? null : f.reportDeadline.toString(), f.previousFund, f.quotaFund);
    }

    private static OffsetDateTime rome(LocalDateTime local) {
        return local == null ? null : local.atZone(RomeTime.ZONE).toOffsetDateTime();
    }
}
