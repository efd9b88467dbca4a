package org.fondicasa.application.call;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A new call. Opening and closing are local date-times in Europe/Rome, as acts write them. A budget line without an
 * amount takes it from what allocation-service announced for the call's fund and municipality (Fin_a, Fin_base,
 * Fin_c, QEmi, QSmine, COFIN, bonus).
 */
public record CallRequest(@NotNull CallKind kind,
                          @NotBlank @Size(max = 300) String title,
                          @NotBlank @Size(max = 500) String legalAct,
                          @Pattern(regexp = "[0-9]{6}", message = "must be a 6-digit ISTAT code") String istatCode,
                          @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{2,39}", message = "must be a fund code") String fundCode,
                          @NotNull @Schema(example = "2026-04-21T12:00:00") LocalDateTime opensAt,
                          @NotNull @Schema(example = "2026-05-21T12:00:00") LocalDateTime closesAt,
                          @NotEmpty @Size(max = 20) List<@Valid @NotNull BudgetLine> budget,
                          @NotNull @Schema(description = "CallRules; start from GET /call-templates/{kind}") JsonNode rules) {

    public record BudgetLine(@NotBlank @Size(max = 40) String source,
                             @Positive @Digits(integer = 13, fraction = 2) BigDecimal amount,
                             @Size(max = 500) String legalRef) {
    }

    /** A top-up of a call's budget: more money, and the act that gives it. */
    public record TopUp(@NotBlank @Size(max = 40) String source,
                        @NotNull @Positive @Digits(integer = 13, fraction = 2) BigDecimal amount,
                        @NotBlank @Size(max = 500) String legalRef) {
    }
}
