package org.fondicasa.allocation.source;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * A call's reservation of the sources it spends, in spending order: a line without an amount takes everything the
 * source has available. {@code callId} makes the request idempotent.
 */
public record ReservationRequest(@NotNull UUID callId,
                                 @NotBlank @Size(max = 500) String legalAct,
                                 @NotEmpty @Size(max = 20) List<@Valid @NotNull Line> lines) {

    public record Line(@NotBlank @Size(max = 40) String source,
                       @DecimalMin(value = "0.01", message = "must be at least 0.01 euro")
                       @Digits(integer = 13, fraction = 2, message = "must be euro with at most 2 decimals") BigDecimal amount) {
    }

    /** More money from one source for a call that holds a reservation; {@code topUpId} makes it idempotent. */
    public record TopUp(@NotNull UUID topUpId,
                        @NotBlank @Size(max = 40) String source,
                        @NotNull @DecimalMin(value = "0.01", message = "must be at least 0.01 euro")
                        @Digits(integer = 13, fraction = 2, message = "must be euro with at most 2 decimals") BigDecimal amount,
                        @NotBlank @Size(max = 500) String legalRef) {
    }
}
