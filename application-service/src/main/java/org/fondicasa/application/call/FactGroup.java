package org.fondicasa.application.call;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import org.fondicasa.platform.domain.DomainCore;

import java.util.List;

/** At least one of these facts must be declared true (e.g. one of the vulnerability conditions of the microcredit). */
@DomainCore
public record FactGroup(@NotBlank String name, @NotEmpty List<@NotBlank String> facts, @NotBlank String legalRef) {
}
