package org.fondicasa.allocation.cofinancing;

/** Data of the {@code CofinancingDeclared} event (schema events/schemas/CofinancingDeclared.v1.json). */
public record CofinancingDeclared(String fundCode, String istatCode, int revision, String finBase, String finC,
                                  String qEmi, String qSmine, String cofin, String deliberationNumber,
                                  String deliberationDate, String budgetChapter) {
    public static final String TYPE = "CofinancingDeclared";
    public static final int VERSION = 1;

    static CofinancingDeclared of(CofinancingDeclaration d) {
        return new CofinancingDeclared(d.fundCode, d.istatCode, d.revision, d.finBase.toPlainString(), d.finC.toPlainString(),
                d.qEmi.toPlainString(), d.qSmine.toPlainString(), d.cofin.toPlainString(), d.deliberationNumber,
                d.deliberationDate == null ? null : d.deliberationDate.toString(), d.budgetChapter);
    }
}
