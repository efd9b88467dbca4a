package org.fondicasa.allocation.need;

import org.fondicasa.platform.web.Problem;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks an upload of documented needs, row by row, and lists every bad row: unknown or malformed ISTAT codes,
 * duplicates, negative or malformed amounts, more than two decimals. Either every row is good or nothing is
 * taken. Plain Java.
 */
public final class NeedsUpload {

    /**
     * One row as received: where it was ({@code "row 3"}, {@code "[2]"}), and its raw values; a null need means the
     * reader already reported it (e.g. not a JSON number).
     */
    public record Row(String where, String istatCode, String need) {
    }

    public record Result(Map<String, BigDecimal> needs, List<Problem.Violation> violations) {
        public boolean ok() {
            return violations.isEmpty();
        }
    }

    private static final Pattern ISTAT = Pattern.compile("[0-9]{6}");
    private static final Pattern EURO = Pattern.compile("[0-9]+(\\.[0-9]{1,2})?");

    private NeedsUpload() {
    }

    public static Result check(List<Row> rows, Set<String> knownMunicipalities) {
        Map<String, BigDecimal> needs = new java.util.TreeMap<>();
        Map<String, String> firstSeen = new HashMap<>();
        List<Problem.Violation> violations = new ArrayList<>();
        if (rows.isEmpty()) {
            violations.add(new Problem.Violation("$", "no rows: upload at least one municipality's need"));
        }
        for (Row row : rows) {
            String code = row.istatCode() == null ? "" : row.istatCode().strip();
            String raw = row.need() == null ? null : row.need().strip();
            boolean good = raw != null;
            if (!ISTAT.matcher(code).matches()) {
                violations.add(new Problem.Violation(row.where() + ".istatCode", "'" + code + "' is not a 6-digit ISTAT code"));
                good = false;
            } else if (!knownMunicipalities.contains(code)) {
                violations.add(new Problem.Violation(row.where() + ".istatCode", code + " is not a Puglia municipality"));
                good = false;
            } else if (firstSeen.containsKey(code)) {
                violations.add(new Problem.Violation(row.where() + ".istatCode", code + " appears again (first at "
                        + firstSeen.get(code) + ")"));
                good = false;
            } else {
                firstSeen.put(code, row.where());
            }
            if (raw == null) {
                // reported by the reader
            } else if (raw.startsWith("-")) {
                violations.add(new Problem.Violation(row.where() + ".need", "must not be negative: " + raw));
                good = false;
            } else if (!EURO.matcher(raw).matches()) {
                violations.add(new Problem.Violation(row.where() + ".need", "'" + raw
                        + "' is not euro with at most two decimals (use a decimal point, no thousands separators)"));
                good = false;
            }
            if (good) {
                needs.put(code, new BigDecimal(raw).setScale(2));
            }
        }
        return new Result(violations.isEmpty() ? needs : Map.of(), violations);
    }

    /** Rows of a CSV with the header {@code istat_code,need} (comma or semicolon separated). */
    public static List<Row> csvRows(String csv, List<Problem.Violation> violations) {
        List<Row> rows = new ArrayList<>();
        String[] lines = csv.replace("\r", "").split("\n");
        if (lines.length == 0 || lines[0].isBlank()) {
            violations.add(new Problem.Violation("row 1", "empty: expected the header istat_code,need"));
            return rows;
        }
        String header = lines[0].replace("\uFEFF", "").strip().toLowerCase();
        String separator = header.contains(";") ? ";" : ",";
        List<String> columns = List.of(header.split(separator, -1)).stream().map(String::strip).toList();
        int codeColumn = columns.indexOf("istat_code");
        int needColumn = columns.indexOf("need");
        if (codeColumn < 0 || needColumn < 0) {
            violations.add(new Problem.Violation("row 1", "the header must name the columns istat_code and need, found: " + header));
            return rows;
        }
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String[] cells = lines[i].split(separator, -1);
            String where = "row " + (i + 1);
            if (cells.length != columns.size()) {
                violations.add(new Problem.Violation(where, "expected " + columns.size() + " columns, found " + cells.length));
                continue;
            }
            rows.add(new Row(where, cells[codeColumn], cells[needColumn]));
        }
        return rows;
    }
}
