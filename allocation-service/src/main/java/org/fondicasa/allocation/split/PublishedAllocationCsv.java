package org.fondicasa.allocation.split;

import org.fondicasa.platform.web.Problem;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads an allocation as an act published it (e.g. DGR 1724/2020 Annex A): a CSV with a column {@code istat_code}
 * and the share in euro in a column {@code share} (or {@code fincovid_eur}, as in Annex A); other columns, such as
 * names as published, are ignored because only the ISTAT code identifies a municipality. Lists every bad row.
 */
public final class PublishedAllocationCsv {

    public record Parsed(Map<String, BigDecimal> shares, List<Problem.Violation> violations) {
    }

    private static final List<String> SHARE_COLUMNS = List.of("share", "fincovid_eur", "amount");
    private static final Pattern EURO = Pattern.compile("[0-9]+(\\.[0-9]{1,2})?");

    private PublishedAllocationCsv() {
    }

    public static Parsed parse(String csv, Set<String> knownMunicipalities) {
        Map<String, BigDecimal> shares = new TreeMap<>();
        List<Problem.Violation> violations = new ArrayList<>();
        String[] lines = csv.replace("\r", "").split("\n");
        List<String> header = List.of(lines[0].replace("\uFEFF", "").strip().toLowerCase().split(",", -1))
                .stream().map(String::strip).toList();
        int code = header.indexOf("istat_code");
        int share = SHARE_COLUMNS.stream().mapToInt(header::indexOf).filter(i -> i >= 0).findFirst().orElse(-1);
        if (code < 0 || share < 0) {
            violations.add(new Problem.Violation("row 1", "the header must name istat_code and one of " + SHARE_COLUMNS
                    + ", found: " + lines[0]));
            return new Parsed(Map.of(), violations);
        }
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String where = "row " + (i + 1);
            String[] cells = lines[i].split(",", -1);
            if (cells.length != header.size()) {
                violations.add(new Problem.Violation(where, "expected " + header.size() + " columns, found " + cells.length));
                continue;
            }
            String istat = cells[code].strip();
            String amount = cells[share].strip();
            if (!knownMunicipalities.contains(istat)) {
                violations.add(new Problem.Violation(where + ".istat_code", "'" + istat + "' is not a Puglia municipality's ISTAT code"));
            } else if (shares.containsKey(istat)) {
                violations.add(new Problem.Violation(where + ".istat_code", istat + " appears twice"));
            } else if (!EURO.matcher(amount).matches()) {
                violations.add(new Problem.Violation(where + "." + header.get(share), "'" + amount
                        + "' is not euro with at most two decimals"));
            } else {
                shares.put(istat, new BigDecimal(amount).setScale(2));
            }
        }
        if (shares.isEmpty() && violations.isEmpty()) {
            violations.add(new Problem.Violation("$", "no rows"));
        }
        return new Parsed(violations.isEmpty() ? shares : Map.of(), violations);
    }
}
