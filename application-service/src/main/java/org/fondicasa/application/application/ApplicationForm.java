package org.fondicasa.application.application;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.fondicasa.platform.domain.DomainCore;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What a household declares in an application (self-certification). Who applies is never a field here: it is the
 * token's fiscal code, or {@code onBehalfOf} when a desk operator submits for a citizen. Fiscal codes and the IBAN
 * are checked by their check characters when the application arrives.
 */
@DomainCore
public record ApplicationForm(@Size(min = 16, max = 22) String onBehalfOf,
                              @NotEmpty @Size(max = 30) List<@Valid @NotNull Member> household,
                              @PositiveOrZero @Digits(integer = 9, fraction = 2) BigDecimal isee,
                              @PastOrPresent LocalDate residentInPugliaSince,
                              @Valid Income income,
                              @Valid Rent rent,
                              @DecimalMax("100.00") @Digits(integer = 3, fraction = 2) BigDecimal incomeLossPercent,
                              @NotNull Map<@NotBlank String, @NotNull Boolean> declarations,
                              @Positive @Digits(integer = 9, fraction = 2) BigDecimal requestedAmount,
                              @Size(max = 60) String use,
                              @Size(max = 1000) String purpose,
                              @NotBlank @Size(max = 40) String iban,
                              @NotNull @Size(max = 50) List<@NotBlank @Size(max = 60) String> documents) {

    public enum Role { APPLICANT, SPOUSE, CHILD, OTHER }

    /** A household member; {@code dependentChild} counts for the € 516,46 deduction of art. 21 L. 457/1978. */
    public record Member(@NotBlank @Size(max = 22) String fiscalCode, @NotNull Role role, boolean dependentChild) {
    }

    /**
     * Yearly household income by type (euro): employee and pension income, other taxable income, continuous
     * tax-exempt emoluments (they count), and the allowances the rules leave out (accompaniment, SLA/SMA care).
     */
    public record Income(@PositiveOrZero @Digits(integer = 9, fraction = 2) BigDecimal employee,
                         @PositiveOrZero @Digits(integer = 9, fraction = 2) BigDecimal other,
                         @PositiveOrZero @Digits(integer = 9, fraction = 2) BigDecimal exemptContinuous,
                         @PositiveOrZero @Digits(integer = 9, fraction = 2) BigDecimal excludedAllowances) {
    }

    /**
     * The rented dwelling: yearly rent (net of charges) and months rented in the call's year, months in which the
     * rent quota of reddito di cittadinanza was received, the rent due in each month of an emergency call, floor area
     * in m² and cadastral category.
     */
    public record Rent(@PositiveOrZero @Digits(integer = 9, fraction = 2) BigDecimal annualRent,
                       @Min(1) @Max(12) Integer months,
                       @Min(0) @Max(12) Integer monthsWithCitizenIncomeRent,
                       List<@NotNull @PositiveOrZero @Digits(integer = 9, fraction = 2) BigDecimal> emergencyMonths,
                       @Positive @Digits(integer = 5, fraction = 2) BigDecimal floorArea,
                       @Size(max = 4) String cadastralCategory) {
    }
}
