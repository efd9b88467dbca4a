package org.fondicasa.allocation.fund;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

public record FundRequest(
        @NotNull @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{2,39}", message = "must be 3-40 upper-case letters, digits or dashes")
        String code,
        @NotBlank @Size(max = 300) String title,
        @NotBlank @Size(max = 100) String legalAct,
        @NotNull @Min(2000) @Max(2100) Integer year,
        @NotNull @DecimalMin(value = "0.01", message = "must be at least 0.01 euro")
        @Digits(integer = 13, fraction = 2, message = "must be euro with at most 2 decimals") BigDecimal amount) {
}
