package org.fondicasa.allocation.cofinancing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

public record CofinancingView(String fundCode, String istatCode, int revision, BigDecimal finBase, BigDecimal finC,
                              BigDecimal qEmi, BigDecimal qSmine, BigDecimal cofin, String deliberationNumber,
                              LocalDate deliberationDate, String budgetChapter, OffsetDateTime declaredAt, String declaredBy) {

    static CofinancingView of(CofinancingDeclaration d) {
        return new CofinancingView(d.fundCode, d.istatCode, d.revision, d.finBase, d.finC, d.qEmi, d.qSmine, d.cofin,
                d.deliberationNumber, d.deliberationDate, d.budgetChapter, d.declaredAt, d.declaredBy);
    }
}
