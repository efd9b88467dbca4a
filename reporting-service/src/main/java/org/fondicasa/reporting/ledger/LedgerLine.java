package org.fondicasa.reporting.ledger;

import java.math.BigDecimal;

/** A municipality's figures in a fund's ledger; the money fields grow with the issues that bring their events. */
public record LedgerLine(String istatCode, BigDecimal cofinancing, int cofinancingRevision) {
}
