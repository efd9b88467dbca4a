package org.fondicasa.application.budget;

import java.math.BigDecimal;

public record BudgetSourceView(String fundCode, String istatCode, String kind, BigDecimal amount, int revision,
                               String legalRef) {
    static BudgetSourceView of(BudgetSource s) {
        return new BudgetSourceView(s.fundCode, s.istatCode, s.kind, s.amount, s.revision, s.legalRef);
    }
}
