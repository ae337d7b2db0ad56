package cn.zibo.livelihood.report.progress;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.PageMargin;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

import cn.zibo.livelihood.report.ChineseForms;
import cn.zibo.livelihood.report.Sheets;
import cn.zibo.livelihood.validate.Clipped;

/**
 * One list sheet of the progress workbook: a title row, a note saying what the sheet counts, the
 * header row (frozen, filtered, repeated on every printed page) and the rows below it. Printed
 * landscape on A4, one page wide, with the report's title in the page header and 第 N 页 共 M 页
 * in the footer. Text that came from a department goes through {@link #departmentText}.
 */
final class ReportSheet {

	/** 0-based: title, note, header. */
	static final int HEADER_ROW = 2;

	private static final float LINE_POINTS = 14f;


	private static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	/** A column: its header and width in characters (a Chinese character is two). */
	record Column(String header, int width) {
	}

	final Sheet sheet;

	final ReportStyles styles;

	private final List<Column> columns;

	private int next = HEADER_ROW + 1;

	private ReportSheet(Sheet sheet, ReportStyles styles, List<Column> columns) {
		this.sheet = sheet;
		this.styles = styles;
		this.columns = columns;
	}

	/** Cell helpers over a sheet laid out by hand (the overview). */
	static ReportSheet over(Sheet sheet, ReportStyles styles) {
		return new ReportSheet(sheet, styles, List.of());
	}

	static ReportSheet start(Workbook workbook, ReportStyles styles, ProgressReport report, String name, String note,
			List<Column> columns, int frozenColumns) {
		ReportSheet s = new ReportSheet(workbook.createSheet(name), styles, columns);
		int last = columns.size() - 1;
		Row title = s.sheet.createRow(0);
		title.setHeightInPoints(26);
		s.text(title, 0, name + "（" + ChineseForms.period(report.period()) + "）", styles.title);
		Row noteRow = s.sheet.createRow(1);
		s.text(noteRow, 0, note, styles.note);
		noteRow.setHeightInPoints(lines(note, columns.stream().mapToInt(Column::width).sum()) * 12f + 4);
		s.sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, last));
		s.sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, last));
		Row header = s.sheet.createRow(HEADER_ROW);
		int headerLines = 1;
		for (int col = 0; col <= last; col++) {
			Column column = columns.get(col);
			s.text(header, col, column.header(), styles.header);
			s.sheet.setColumnWidth(col, column.width() * 256);
			headerLines = Math.max(headerLines, lines(column.header(), column.width()));
		}
		header.setHeightInPoints(headerLines * LINE_POINTS + 6);
		s.sheet.createFreezePane(frozenColumns, HEADER_ROW + 1);
		printSetUp(s.sheet, report, HEADER_ROW);
		return s;
	}

	/**
	 * {@link Sheets#landscapeOnePageWide}, narrow margins, the report's title in the page header, page
	 * numbers and the time it was made in the footer.
	 */
	static void printSetUp(Sheet sheet, ProgressReport report, int headerRow) {
		Sheets.landscapeOnePageWide(sheet, headerRow);
		sheet.setHorizontallyCenter(true);
		sheet.setMargin(PageMargin.LEFT, 0.4);
		sheet.setMargin(PageMargin.RIGHT, 0.4);
		sheet.setMargin(PageMargin.TOP, 0.6);
		sheet.setMargin(PageMargin.BOTTOM, 0.6);
		sheet.setMargin(PageMargin.HEADER, 0.25);
		sheet.setMargin(PageMargin.FOOTER, 0.25);
		sheet.getHeader().setLeft(report.title());
		sheet.getHeader().setRight(sheet.getSheetName());
		sheet.getFooter().setCenter(Sheets.PAGE_NUMBERS);
		sheet.getFooter().setRight("生成时间 " + GENERATED.format(report.generatedAt()));
	}

	Row next() {
		return sheet.createRow(next++);
	}

	/** A line across the sheet saying why it has no rows. */
	void empty(String message) {
		Row row = next();
		text(row, 0, message, styles.note);
		sheet.addMergedRegion(new CellRangeAddress(row.getRowNum(), row.getRowNum(), 0, columns.size() - 1));
	}

	/** Filters on the header row over the rows written. */
	void finish() {
		sheet.setAutoFilter(new CellRangeAddress(HEADER_ROW, Math.max(HEADER_ROW, next - 1), 0, columns.size() - 1));
	}

	/** Sets the row's height to show every line of its wrapped columns: Excel does not on opening. */
	void fit(Row row, int... wrappedColumns) {
		height(row, lines(row, wrappedColumns));
	}

	/** The most lines any of the given columns' text takes in this row. */
	int lines(Row row, int... wrappedColumns) {
		int most = 1;
		for (int col : wrappedColumns) {
			Cell cell = row.getCell(col);
			if (cell != null) {
				most = Math.max(most, lines(cell.getStringCellValue(), columns.get(col).width()));
			}
		}
		return most;
	}

	static void height(Row row, int lines) {
		row.setHeightInPoints(lines * LINE_POINTS + 4);
	}

	Cell text(Row row, int col, String text, CellStyle style) {
		Cell cell = row.createCell(col);
		if (text != null && !text.isEmpty()) {
			cell.setCellValue(Sheets.fit(text));
		}
		cell.setCellStyle(style);
		return cell;
	}

	/**
	 * Text a department wrote (a remark, a narrative, a file name): always a string cell, never a
	 * formula, and marked as text when it starts like one (=, +, -, @), so that editing the cell
	 * in Excel does not turn it into a formula either.
	 */
	Cell departmentText(Row row, int col, String text, CellStyle style) {
		return text(row, col, text, looksLikeFormula(text) ? styles.quoted(style) : style);
	}

	static boolean looksLikeFormula(String text) {
		String stripped = text == null ? "" : text.stripLeading();
		return !stripped.isEmpty() && "=+-@".indexOf(stripped.charAt(0)) >= 0;
	}

	Cell number(Row row, int col, BigDecimal value, CellStyle style) {
		Cell cell = styled(row, col, style);
		Optional.ofNullable(value).ifPresent(v -> cell.setCellValue(v.doubleValue()));
		return cell;
	}

	Cell number(Row row, int col, long value, CellStyle style) {
		Cell cell = styled(row, col, style);
		cell.setCellValue(value);
		return cell;
	}

	Cell time(Row row, int col, LocalDateTime value, CellStyle style) {
		Cell cell = styled(row, col, style);
		Optional.ofNullable(value).ifPresent(cell::setCellValue);
		return cell;
	}

	Cell date(Row row, int col, LocalDate value, CellStyle style) {
		Cell cell = styled(row, col, style);
		Optional.ofNullable(value).ifPresent(cell::setCellValue);
		return cell;
	}

	/** A cell left blank (a value not known is not zero) with its style, so its fill and borders show. */
	private static Cell styled(Row row, int col, CellStyle style) {
		Cell cell = row.createCell(col);
		cell.setCellStyle(style);
		return cell;
	}

	/**
	 * Lines a text takes in a column of {@code width} characters ({@link Sheets#lines}); a Chinese
	 * character of 宋体 is some 1.85 digits wide (LibreOffice's substitute font a little less, so its
	 * rows keep some air).
	 */
	static int lines(String text, int width) {
		return Sheets.lines(text, width);
	}

}
