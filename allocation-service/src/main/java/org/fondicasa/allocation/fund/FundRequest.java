package org.fondicasa.allocation.fund;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.fondicasa.allocation.split.SplitRules;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * A new fund and its rules. Deadlines are local date-times in Europe/Rome (e.g. "2020-11-15T23:59:59"); rules not
 * stated take the defaults of the configuration, which name their act. {@code quotaFund} names the fund whose quota
 * declarations feed this one: the ordinary call's Fin_c is the Fin_c each municipality declared there.
 */
public record FundRequest(
        @NotNull @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{2,39}", message = "must be 3-40 upper-case letters, digits or dashes")
        String code,
        @NotBlank @Size(max = 300) String title,
        @NotBlank @Size(max = 100) String legalAct,
        @NotNull @Min(2000) @Max(2100) Integer year,
        @NotNull @DecimalMin(value = "0.01", message = "must be at least 0.01 euro")
        @Digits(integer = 13, fraction = 2, message = "must be euro with at most 2 decimals") BigDecimal amount,
        @NotNull @DecimalMin(value = "0.00", message = "must not be negative")
        @Digits(integer = 13, fraction = 2, message = "must be euro with at most 2 decimals") BigDecimal bonusReserve,
        @NotNull @DecimalMin(value = "0.00", message = "must not be negative")
        @Digits(integer = 13, fraction = 2, message = "must be euro with at most 2 decimals") BigDecimal minimumShare,
        @DecimalMin("0") @DecimalMax("1") @Digits(integer = 1, fraction = 4, message = "must be a fraction such as 0.20")
        BigDecimal cofinancingThreshold,
        @DecimalMin("0") @DecimalMax("1") @Digits(integer = 1, fraction = 4, message = "must be a fraction such as 0.10")
        BigDecimal penaltyRate,
        SplitRules.PenaltyDestination penaltyDestination,
        LocalDateTime quotaDeadline,
        LocalDateTime reportDeadline,
        @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{2,39}", message = "must be the code of an existing fund") String previousFund,
        @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{2,39}", message = "must be the code of an existing fund") String quotaFund) {
}
