package org.fondicasa.allocation.cofinancing;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;

/** COFIN with the council deliberation that commits it and the budget chapter that holds it. */
public record CofinancingRequest(
        @NotNull @DecimalMin(value = "0.00", message = "must not be negative")
        @Digits(integer = 13, fraction = 2, message = "must be euro with at most 2 decimals") BigDecimal amount,
        @NotBlank @Size(max = 50) String deliberationNumber,
        @NotNull @PastOrPresent LocalDate deliberationDate,
        @NotBlank @Size(max = 200) String budgetChapter) {
}
