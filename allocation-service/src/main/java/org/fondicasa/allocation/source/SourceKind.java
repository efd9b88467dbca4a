package org.fondicasa.allocation.source;

import org.fondicasa.platform.domain.DomainCore;

import java.util.List;
import java.util.Optional;

/**
 * The kinds of money a municipality holds in a fund, by the names users know (DGR 1724/2020, DD 131/2020): the
 * FINCOVID quotas Fin_a / Fin_b / Fin_c, and the ordinary call's Fin_base, QEmi, QSmine, COFIN and bonus.
 */
@DomainCore
public enum SourceKind {
    FIN_A("Fin_a"), FIN_B("Fin_b"), FIN_C("Fin_c"), FIN_BASE("Fin_base"), QEMI("QEmi"), QSMINE("QSmine"), COFIN("COFIN"),
    BONUS("bonus");

    public static final List<String> NAMES = java.util.Arrays.stream(values()).map(SourceKind::label).toList();

    private final String label;

    SourceKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<SourceKind> of(String label) {
        return java.util.Arrays.stream(values()).filter(k -> k.label.equals(label)).findFirst();
    }

    /** Declared in the FINCOVID quota (Fin_a + Fin_b + Fin_c = share); the others in the ordinary call's form. */
    public boolean quota() {
        return this == FIN_A || this == FIN_B || this == FIN_C;
    }
}
