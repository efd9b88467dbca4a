package org.fondicasa.allocation.cofinancing;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The ordinary-call inputs (DOMAIN.md §1.3). {@code finBase} is preloaded from the fund's published split and may be
 * omitted; if sent it must match. The deliberation and budget chapter are the evidence the bonus requires.
 */
public record CofinancingRequest(
        @DecimalMin(value = "0.00", message = "must not be negative")
        @Digits(integer = 13, fraction = 2, message = "must be euro with at most 2 decimals") BigDecimal finBase,
        @NotNull @DecimalMin(value = "0.00", message = "must not be negative")
        @Digits(integer = 13, fraction = 2, message = "must be euro with at most 2 decimals") BigDecimal finC,
        @NotNull @DecimalMin(value = "0.00", message = "must not be negative")
        @Digits(integer = 13, fraction = 2, message = "must be euro with at most 2 decimals") BigDecimal qEmi,
        @NotNull @DecimalMin(value = "0.00", message = "must not be negative")
        @Digits(integer = 13, fraction = 2, message = "must be euro with at most 2 decimals") BigDecimal qSmine,
        @NotNull @DecimalMin(value = "0.00", message = "must not be negative")
        @Digits(integer = 13, fraction = 2, message = "must be euro with at most 2 decimals") BigDecimal cofin,
        @Size(min = 1, max = 50) String deliberationNumber,
        @PastOrPresent LocalDate deliberationDate,
        @Size(min = 1, max = 200) String budgetChapter) {
}
