package org.fondicasa.reporting.export;

import org.fondicasa.platform.domain.DomainCore;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

/**
 * The rows of the act's annexes B (band A) and C (band B): one per beneficiary, in ranking order (band A by taxable
 * income, band B by conventional income, then protocol number), numbered progressively.
 */
@DomainCore
public final class AnnexRows {

    /** What the annexes show about a beneficiary; amounts in euro with two decimals, no names or fiscal codes. */
    public record Row(int progressive, String protocolNumber, int householdMembers, int dependentChildren,
                      BigDecimal taxableIncome, BigDecimal conventionalIncome, BigDecimal annualRent, Integer months,
                      BigDecimal incidence, BigDecimal need, BigDecimal granted, BigDecimal paid) {
    }

    public static final List<String> HEADERS = List.of("N.", "Protocollo", "Componenti nucleo", "Figli a carico",
            "Reddito imponibile", "Reddito convenzionale", "Canone annuo", "Mesi", "Incidenza %", "Fabbisogno",
            "Contributo concesso", "Contributo erogato");

    private AnnexRows() {
    }

    public static List<Row> ordered(String band, List<Row> rows) {
        Comparator<Row> byIncome = Comparator.comparing("A".equals(band) ? Row::taxableIncome : Row::conventionalIncome,
                Comparator.nullsLast(Comparator.naturalOrder()));
        List<Row> sorted = rows.stream().sorted(byIncome.thenComparing(Row::protocolNumber)).toList();
        return java.util.stream.IntStream.range(0, sorted.size()).mapToObj(i -> {
            Row r = sorted.get(i);
            return new Row(i + 1, r.protocolNumber(), r.householdMembers(), r.dependentChildren(), r.taxableIncome(),
                    r.conventionalIncome(), r.annualRent(), r.months(), r.incidence(), r.need(), r.granted(), r.paid());
        }).toList();
    }

    public static BigDecimal total(List<Row> rows, java.util.function.Function<Row, BigDecimal> column) {
        return rows.stream().map(column).filter(java.util.Objects::nonNull).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }
}
