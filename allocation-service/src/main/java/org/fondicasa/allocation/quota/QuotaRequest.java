package org.fondicasa.allocation.quota;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;

/** Fin_a (COVID rent call), Fin_b (housing agencies), Fin_c (ordinary rent call), euro. */
public record QuotaRequest(
        @NotNull @Digits(integer = 13, fraction = 2, message = "must be euro with at most 2 decimals") BigDecimal finA,
        @NotNull @Digits(integer = 13, fraction = 2, message = "must be euro with at most 2 decimals") BigDecimal finB,
        @NotNull @Digits(integer = 13, fraction = 2, message = "must be euro with at most 2 decimals") BigDecimal finC) {
}
