package org.fondicasa.application.call;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.fondicasa.platform.domain.DomainCore;

/**
 * A fact the applicant must declare (self-certification, DPR 445/2000) and the value that keeps them eligible:
 * {@code requiredValue = false} is an exclusion ("tenant related to the landlord"), {@code true} a requirement
 * ("loss of IRPEF income over 20%").
 */
@DomainCore
public record DeclaredFact(@NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{2,59}", message = "must be an UPPER_SNAKE_CASE fact name") String fact,
                           boolean requiredValue,
                           @NotBlank String description,
                           @NotBlank String legalRef) {
}
