package cn.zibo.livelihood.ingest.layout;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Builds a workbook the way a city statistics form is made: statistics-form lines (表号, 制表机关,
 * 批准文号, 有效期至), a bold title merged across the table, a unit line on the right, a header block
 * with merged cells, bordered data, a blank row and the notes under it (填表人, 审核人, 报出日期, 注).
 * <p>
 * A header block is written as rows of headings, where {@code "<"} continues the heading on the left
 * (merged across) and {@code "^"} the heading above (merged down): the merges are made from them.
 */
final class FormWorkbook {

	private final XSSFWorkbook workbook = new XSSFWorkbook();

	private final CellStyle title;

	private final CellStyle heading;

	private final CellStyle data;

	private final CellStyle right;

	private final CellStyle month;

	private final CellStyle day;

	private Sheet sheet;

	private int next;

	FormWorkbook() {
		Font big = workbook.createFont();
		big.setBold(true);
		big.setFontHeightInPoints((short) 16);
		title = workbook.createCellStyle();
		title.setFont(big);
		title.setAlignment(HorizontalAlignment.CENTER);
		Font bold = workbook.createFont();
		bold.setBold(true);
		heading = bordered();
		heading.setFont(bold);
		heading.setAlignment(HorizontalAlignment.CENTER);
		heading.setVerticalAlignment(VerticalAlignment.CENTER);
		heading.setWrapText(true);
		heading.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
		heading.setFillPattern(FillPatternType.SOLID_FOREGROUND);
		data = bordered();
		right = workbook.createCellStyle();
		right.setAlignment(HorizontalAlignment.RIGHT);
		month = bordered();
		month.setDataFormat(workbook.createDataFormat().getFormat("yyyy\"年\"m\"月\""));
		day = workbook.createCellStyle();
		day.setDataFormat(workbook.createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\""));
	}

	/** Starts a sheet; the next rows go into it. */
	FormWorkbook sheet(String name) {
		sheet = workbook.createSheet(name);
		next = 0;
		return this;
	}

	FormWorkbook hidden() {
		workbook.setSheetHidden(workbook.getSheetIndex(sheet), true);
		return this;
	}

	/** The lines a statistics form carries above its title, spread over the row. */
	FormWorkbook formLines(int width, int year) {
		Row row = sheet.createRow(next++);
		text(row, 0, "表号：淄民生统" + (year % 100) + "表", null);
		text(row, width / 2, "制表机关：淄博市民生工作领导小组办公室", null);
		row = sheet.createRow(next++);
		text(row, 0, "批准文号：淄民生办字〔" + year + "〕12号", null);
		text(row, width / 2, "有效期至：" + (year + 1) + "年12月", null);
		return this;
	}

	/** A bold title merged across the table. */
	FormWorkbook title(String text, int width) {
		Row row = sheet.createRow(next);
		row.setHeightInPoints(28);
		text(row, 0, text, title);
		sheet.addMergedRegion(new CellRangeAddress(next, next, 0, width - 1));
		next++;
		return this;
	}

	/** A line under the title: who reports on the left, a unit line (or nothing) on the right. */
	FormWorkbook line(String left, String rightText, int width) {
		Row row = sheet.createRow(next++);
		text(row, 0, left, null);
		if (rightText != null) {
			text(row, width - 1, rightText, right);
		}
		return this;
	}

	/** A header block: "<" continues the heading on the left, "^" the heading above. */
	FormWorkbook header(String[]... rows) {
		int top = next;
		for (String[] headings : rows) {
			Row row = sheet.createRow(next++);
			for (int col = 0; col < headings.length; col++) {
				text(row, col, "<".equals(headings[col]) || "^".equals(headings[col]) ? "" : headings[col], heading);
			}
		}
		for (int r = 0; r < rows.length; r++) {
			for (int col = 0; col < rows[r].length; col++) {
				if ("<".equals(rows[r][col]) || "^".equals(rows[r][col])) {
					continue;
				}
				int lastCol = col;
				while (lastCol + 1 < rows[r].length && "<".equals(rows[r][lastCol + 1])) {
					lastCol++;
				}
				int lastRow = r;
				while (lastRow + 1 < rows.length && "^".equals(rows[lastRow + 1][col])) {
					lastRow++;
				}
				if (lastCol > col || lastRow > r) {
					sheet.addMergedRegion(new CellRangeAddress(top + r, top + lastRow, col, lastCol));
				}
			}
		}
		for (int col = 0; col < rows[0].length; col++) {
			sheet.setColumnWidth(col, (col < 3 ? 14 : 10) * 256);
		}
		return this;
	}

	/** A data row: text, numbers, and dates (written as Excel dates, shown as 2024年9月). */
	FormWorkbook row(Object... cells) {
		Row row = sheet.createRow(next++);
		for (int col = 0; col < cells.length; col++) {
			Object value = cells[col];
			if (value == null) {
				continue;
			}
			Cell cell = row.createCell(col);
			if (value instanceof Number number) {
				cell.setCellValue(number.doubleValue());
				cell.setCellStyle(data);
			}
			else if (value instanceof LocalDate date) {
				cell.setCellValue(date);
				cell.setCellStyle(month);
			}
			else {
				cell.setCellValue(value.toString());
				cell.setCellStyle(data);
			}
		}
		return this;
	}

	FormWorkbook blank() {
		next++;
		return this;
	}

	/** The notes under the data: who filled in and checked it, a phone, the date of issue, a remark. */
	FormWorkbook notes(int width, LocalDate issued) {
		Row row = sheet.createRow(next++);
		text(row, 0, "填表人：王芳", null);
		text(row, 2, "审核人：李强", null);
		text(row, 4, "联系电话：0533-3187654", null);
		text(row, width - 2, "报出日期：", null);
		Cell date = row.createCell(width - 1);
		date.setCellValue(issued);
		date.setCellStyle(day);
		row = sheet.createRow(next);
		text(row, 0, "注：1.本表数据为累计数。2.“—”表示不适用。3.各区县数据之和应与全市一致，如有10处以上差异请说明。", null);
		sheet.addMergedRegion(new CellRangeAddress(next, next, 0, width - 1));
		next++;
		return this;
	}

	/** A free line of text, e.g. in an instructions sheet. */
	FormWorkbook text(String line) {
		text(sheet.createRow(next++), 0, line, null);
		return this;
	}

	byte[] bytes() {
		try (workbook) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private CellStyle bordered() {
		CellStyle style = workbook.createCellStyle();
		style.setBorderTop(BorderStyle.THIN);
		style.setBorderBottom(BorderStyle.THIN);
		style.setBorderLeft(BorderStyle.THIN);
		style.setBorderRight(BorderStyle.THIN);
		return style;
	}

	private static void text(Row row, int col, String text, CellStyle style) {
		Cell cell = row.createCell(col);
		cell.setCellValue(text);
		if (style != null) {
			cell.setCellStyle(style);
		}
	}

}
