package org.fondicasa.application.call;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import org.fondicasa.platform.domain.DomainCore;

import java.math.BigDecimal;

/**
 * One number a call's rules depend on (a threshold, a cap, a percentage, a count of months) and the legal act that
 * set it, so every check can cite it.
 */
@DomainCore
public record Rule(@NotNull @PositiveOrZero BigDecimal value, @NotBlank String legalRef) {

    public static Rule of(String value, String legalRef) {
        return new Rule(new BigDecimal(value), legalRef);
    }
}
