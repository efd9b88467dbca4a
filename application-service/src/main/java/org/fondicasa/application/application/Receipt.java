package org.fondicasa.application.application;

import java.time.OffsetDateTime;
import java.util.UUID;

/** What the applicant gets at once: the protocol number and server time that fix their place in line. */
public record Receipt(String protocolNumber, UUID callId, OffsetDateTime receivedAt, long placeInLine,
                      ApplicationStatus status, boolean assisted) {
}
