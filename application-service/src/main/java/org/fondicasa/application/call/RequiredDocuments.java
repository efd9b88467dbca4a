package org.fondicasa.application.call;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;

import java.util.List;

/** The documents every application must reference (e.g. art. 9 of the Bisceglie regulation). */
public record RequiredDocuments(@NotEmpty List<@NotBlank String> documents, @NotBlank String legalRef) {
}
