package org.fondicasa.application.award;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/** Bodies of the officers' actions on one application. */
public final class AwardRequests {

    private AwardRequests() {
    }

    /** The finance office's record of municipal tax arrears (seed 003): withheld from the contribution at payment. */
    public record TaxArrearsRecord(@NotNull @PositiveOrZero @Digits(integer = 13, fraction = 2) BigDecimal amount,
                                   @NotBlank @Size(max = 300) String reference) {
    }

    /** The social worker's assessment of a hardship application: the amount (0 refuses) and the social report. */
    public record SocialAssessment(@NotNull @PositiveOrZero @Digits(integer = 13, fraction = 2) BigDecimal amount,
                                   @NotBlank @Size(max = 200) String socialWorker,
                                   @NotBlank @Size(max = 4000) String report) {
    }

    /** A payment made by the municipality's treasury (recorded here, executed there). */
    public record Payment(@NotBlank @Size(max = 100) String paymentReference) {
    }

    public record Revocation(@NotBlank @Size(max = 1000) String reason) {
    }
}
