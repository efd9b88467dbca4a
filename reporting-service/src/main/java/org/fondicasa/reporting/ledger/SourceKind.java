package org.fondicasa.reporting.ledger;

import org.fondicasa.platform.domain.DomainCore;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of money source by the names the acts and the events use (DGR 1724/2020, DD 131/2020), each with the
 * ledger figure that declares how much it was allocated.
 */
@DomainCore
public enum SourceKind {
    FIN_A("Fin_a", Ledger.Kind.FIN_A), FIN_B("Fin_b", Ledger.Kind.FIN_B), FIN_C("Fin_c", Ledger.Kind.FIN_C),
    FIN_BASE("Fin_base", Ledger.Kind.FIN_BASE), QEMI("QEmi", Ledger.Kind.QEMI), QSMINE("QSmine", Ledger.Kind.QSMINE),
    COFIN("COFIN", Ledger.Kind.COFIN), BONUS("bonus", Ledger.Kind.BONUS);

    private final String label;
    private final Ledger.Kind declaredAs;

    SourceKind(String label, Ledger.Kind declaredAs) {
        this.label = label;
        this.declaredAs = declaredAs;
    }

    public String label() {
        return label;
    }

    public Ledger.Kind declaredAs() {
        return declaredAs;
    }

    public static Optional<SourceKind> of(String label) {
        return Arrays.stream(values()).filter(k -> k.label.equals(label)).findFirst();
    }

    public static Optional<SourceKind> declaredBy(Ledger.Kind kind) {
        return Arrays.stream(values()).filter(k -> k.declaredAs == kind).findFirst();
    }

    /** Sources listed in the acts' order; a name the ledger does not know comes last. */
    static int order(String label) {
        return of(label).map(Enum::ordinal).orElse(values().length);
    }

    /** The sources of the ordinary call (DOMAIN §1.5): Fin_base, Fin_c, QEmi, QSmine, COFIN and the bonus. */
    public boolean ordinary() {
        return this != FIN_A && this != FIN_B;
    }
}
