package org.fondicasa.application.call;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import org.fondicasa.platform.domain.DomainCore;

import java.util.List;

/** The documents every application must reference (e.g. art. 9 of the Bisceglie regulation). */
@DomainCore
public record RequiredDocuments(@NotEmpty List<@NotBlank String> documents, @NotBlank String legalRef) {
}
