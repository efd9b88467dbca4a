package org.fondicasa.reporting.report;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.util.List;

/**
 * A municipality's report on the Fin_a of a fund (DOMAIN §1.4): money used, what is left, and each beneficiary with
 * household composition, ISEE and contribution paid. {@code reason} is required for a correction (version 2 on).
 */
public record ReportRequest(@NotNull @PositiveOrZero @Digits(integer = 13, fraction = 2) BigDecimal used,
                            @NotNull @PositiveOrZero @Digits(integer = 13, fraction = 2) BigDecimal unspent,
                            @NotNull @Size(max = 20000) List<@Valid @NotNull Line> beneficiaries,
                            @Size(max = 2000) String reason) {

    public record Line(@NotBlank @Pattern(regexp = "[0-9]{4}-[0-9]{10}", message = "must be a protocol number") String protocolNumber,
                       @NotNull @Min(1) @Max(30) Integer householdSize,
                       @NotNull @Min(0) @Max(30) Integer dependentChildren,
                       @PositiveOrZero @Digits(integer = 9, fraction = 2) BigDecimal isee,
                       @NotNull @PositiveOrZero @Digits(integer = 13, fraction = 2) BigDecimal contributionPaid) {
    }
}
