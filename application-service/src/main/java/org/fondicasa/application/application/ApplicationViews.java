package org.fondicasa.application.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.fondicasa.application.award.Award;
import org.fondicasa.platform.time.RomeTime;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** An application as the API shows it: receipt, assessment, award; instants in Europe/Rome. */
@ApplicationScoped
public class ApplicationViews {

    private final ObjectMapper mapper;

    public ApplicationViews(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The view of its applicant or the desk that filed it: nothing of household contests. */
    public ApplicationView of(Application a) {
        return of(a, null);
    }

    /** The view of the call's managers, with the household contests the application is part of. */
    public ApplicationView forManagers(Application a) {
        return forManagers(List.of(a)).get(0);
    }

    /** As above, for a page of applications (one query for their contests). */
    public List<ApplicationView> forManagers(List<Application> applications) {
        if (applications.isEmpty()) {
            return List.of();
        }
        List<String> protocols = applications.stream().map(a -> a.protocolNumber).toList();
        Map<String, List<ContestedClaimView>> contests = new HashMap<>();
        ContestedClaim.<ContestedClaim>list("heldProtocol in ?1 or takenByProtocol in ?1 order by contestedAt, fiscalCode", protocols)
                .forEach(c -> {
                    ContestedClaimView view = view(c);
                    contests.computeIfAbsent(c.heldProtocol, p -> new ArrayList<>()).add(view);
                    contests.computeIfAbsent(c.takenByProtocol, p -> new ArrayList<>()).add(view);
                });
        return applications.stream().map(a -> of(a, List.copyOf(contests.getOrDefault(a.protocolNumber, List.of())))).toList();
    }

    public static ContestedClaimView view(ContestedClaim c) {
        return new ContestedClaimView(c.id, c.callId, c.fiscalCode.strip(), c.heldProtocol, c.takenByProtocol, rome(c.contestedAt),
                c.resolution, c.note, rome(c.resolvedAt), c.resolvedBy);
    }

    private ApplicationView of(Application a, List<ContestedClaimView> contests) {
        Award w = Award.findById(a.protocolNumber);
        ApplicationView.AwardView award = w == null ? null : new ApplicationView.AwardView(w.status.name(), w.amount, w.withheld,
                w.withholdingRef, w.paidAmount, w.paidToIban, w.paymentReference, rome(w.grantedAt), rome(w.paidAt),
                rome(w.revokedAt), w.revocationReason, w.explanation);
        try {
            return new ApplicationView(a.protocolNumber, a.callId, a.receiptSeq, rome(a.receivedAt), a.status, a.assisted,
                    a.submittedBy, a.eligible, a.band, a.need, mapper.readTree(a.assessment), award, mapper.readTree(a.form),
                    contests);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OffsetDateTime rome(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(RomeTime.ZONE).toOffsetDateTime();
    }
}
