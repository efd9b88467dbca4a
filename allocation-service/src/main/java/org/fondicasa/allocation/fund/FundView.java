package org.fondicasa.allocation.fund;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

public record FundView(String code, String title, String legalAct, int year, BigDecimal amount, OffsetDateTime createdAt) {

    static FundView of(Fund f) {
        return new FundView(f.code, f.title, f.legalAct, f.year, f.amount, f.createdAt);
    }
}
