package org.fondicasa.reporting.export;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;

/**
 * The annexes as an Excel workbook, shaped like the act's: one sheet per band per municipality (Allegato B, band A;
 * Allegato C, band B) with a totals row, and a summary sheet with one row per municipality. Money cells are numbers
 * with the Italian-style format #.##0,00 (Excel shows separators per locale).
 */
public final class AnnexWorkbook {

    /** One municipality's rows per band and its summary figures. */
    public record Municipality(String istatCode, String name, String province, List<AnnexRows.Row> bandA,
                               List<AnnexRows.Row> bandB, BigDecimal available, BigDecimal granted, BigDecimal paid) {
    }

    public static final String SUMMARY = "Riepilogo";
    public static final List<String> SUMMARY_HEADERS = List.of("Codice ISTAT", "Comune", "Provincia", "Beneficiari fascia A",
            "Beneficiari fascia B", "Risorse disponibili", "Contributi concessi", "Contributi erogati");

    private AnnexWorkbook() {
    }

    public static byte[] write(String fundCode, String legalAct, List<Municipality> municipalities) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(workbook);
            Sheet summary = workbook.createSheet(SUMMARY);
            title(summary, styles, "Fondo " + fundCode + " (" + legalAct + "): riepilogo per comune", SUMMARY_HEADERS);
            int r = 2;
            for (Municipality m : municipalities) {
                Row row = summary.createRow(r++);
                text(row, 0, m.istatCode());
                text(row, 1, m.name());
                text(row, 2, m.province());
                row.createCell(3).setCellValue(m.bandA().size());
                row.createCell(4).setCellValue(m.bandB().size());
                money(row, 5, m.available(), styles);
                money(row, 6, m.granted(), styles);
                money(row, 7, m.paid(), styles);
            }
            for (Municipality m : municipalities) {
                band(workbook, styles, fundCode, m, "A", "Allegato B", m.bandA());
                band(workbook, styles, fundCode, m, "B", "Allegato C", m.bandB());
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the annexes", e);
        }
    }

    private static void band(XSSFWorkbook workbook, Styles styles, String fundCode, Municipality m, String band, String annex,
                             List<AnnexRows.Row> rows) {
        Sheet sheet = workbook.createSheet(m.istatCode() + " fascia " + band);
        title(sheet, styles, annex + " - fondo " + fundCode + " - " + m.name() + " (" + m.istatCode() + ") - fascia " + band, AnnexRows.HEADERS);
        int r = 2;
        for (AnnexRows.Row a : rows) {
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue(a.progressive());
            text(row, 1, a.protocolNumber());
            row.createCell(2).setCellValue(a.householdMembers());
            row.createCell(3).setCellValue(a.dependentChildren());
            money(row, 4, a.taxableIncome(), styles);
            money(row, 5, a.conventionalIncome(), styles);
            money(row, 6, a.annualRent(), styles);
            if (a.months() != null) {
                row.createCell(7).setCellValue(a.months());
            }
            money(row, 8, a.incidence(), styles);
            money(row, 9, a.need(), styles);
            money(row, 10, a.granted(), styles);
            money(row, 11, a.paid(), styles);
        }
        Row totals = sheet.createRow(r);
        text(totals, 1, "Totale");
        totals.getCell(1).setCellStyle(styles.bold);
        total(totals, 9, rows, AnnexRows.Row::need, styles);
        total(totals, 10, rows, AnnexRows.Row::granted, styles);
        total(totals, 11, rows, AnnexRows.Row::paid, styles);
    }

    private static void total(Row row, int column, List<AnnexRows.Row> rows, Function<AnnexRows.Row, BigDecimal> value, Styles styles) {
        money(row, column, AnnexRows.total(rows, value), styles);
    }

    private static void title(Sheet sheet, Styles styles, String title, List<String> headers) {
        sheet.createRow(0).createCell(0).setCellValue(title);
        sheet.getRow(0).getCell(0).setCellStyle(styles.bold);
        Row header = sheet.createRow(1);
        for (int i = 0; i < headers.size(); i++) {
            header.createCell(i).setCellValue(headers.get(i));
            header.getCell(i).setCellStyle(styles.bold);
            sheet.setColumnWidth(i, 18 * 256);
        }
    }

    private static void text(Row row, int column, String value) {
        row.createCell(column).setCellValue(value);
    }

    private static void money(Row row, int column, BigDecimal value, Styles styles) {
        if (value != null) {
            row.createCell(column).setCellValue(value.doubleValue()); // a cell holds a double; the value is exact to the cent
            row.getCell(column).setCellStyle(styles.money);
        }
    }

    private static final class Styles {
        final CellStyle money;
        final CellStyle bold;

        Styles(XSSFWorkbook workbook) {
            money = workbook.createCellStyle();
            money.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
            bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
        }
    }
}
