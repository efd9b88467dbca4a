package org.fondicasa.application.application;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The operator's decision on a contest, with what it rests on (the check of the declaration, DPR 445/2000 art. 71). */
public record ContestResolution(@NotNull ContestedClaim.Resolution outcome, @NotBlank @Size(max = 1000) String note) {
}
