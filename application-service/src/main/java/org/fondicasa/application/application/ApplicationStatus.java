package org.fondicasa.application.application;

/** Where an application stands. Intake writes NOT_ELIGIBLE or PENDING; funding, ranking and officers move it on. */
public enum ApplicationStatus {
    /** Assessed at intake as not meeting the call's rules; the assessment says which. */
    NOT_ELIGIBLE,
    /** Eligible, waiting for its decision: the funding worker (first come), the ranking, or the social worker. */
    PENDING,
    /** First come: eligible but no money left for it yet; it moves up when money returns. */
    WAITING,
    GRANTED,
    /** The last grant of a first-come rent call, or a ranked call's last place: less than the need. */
    PARTIALLY_GRANTED,
    /** Ranked or assessed, and nothing granted. */
    NOT_FUNDED,
    PAID,
    REVOKED,
    WITHDRAWN
}
