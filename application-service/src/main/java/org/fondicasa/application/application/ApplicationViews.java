package org.fondicasa.application.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.fondicasa.application.award.Award;
import org.fondicasa.platform.time.RomeTime;

import java.time.OffsetDateTime;

/** An application as the API shows it: receipt, assessment, award; instants in Europe/Rome. */
@ApplicationScoped
public class ApplicationViews {

    private final ObjectMapper mapper;

    public ApplicationViews(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public ApplicationView of(Application a) {
        Award w = Award.findById(a.protocolNumber);
        ApplicationView.AwardView award = w == null ? null : new ApplicationView.AwardView(w.status.name(), w.amount, w.withheld,
                w.withholdingRef, w.paidAmount, w.paidToIban, w.paymentReference, rome(w.grantedAt), rome(w.paidAt),
                rome(w.revokedAt), w.revocationReason, w.explanation);
        try {
            return new ApplicationView(a.protocolNumber, a.callId, a.receiptSeq, rome(a.receivedAt), a.status, a.assisted,
                    a.submittedBy, a.eligible, a.band, a.need, mapper.readTree(a.assessment), award, mapper.readTree(a.form));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OffsetDateTime rome(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(RomeTime.ZONE).toOffsetDateTime();
    }
}
