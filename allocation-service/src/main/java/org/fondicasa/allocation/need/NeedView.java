package org.fondicasa.allocation.need;

import java.math.BigDecimal;

public record NeedView(String istatCode, BigDecimal need) {
}
