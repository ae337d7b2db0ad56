package cn.zibo.livelihood.report.receipt;

import java.util.Arrays;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

import cn.zibo.livelihood.report.Sheets;

/**
 * One list sheet of the receipt: a title row, the header row (frozen, and repeated on every printed
 * page) and a row per item, printed landscape on A4, one page wide. Columns holding sentences wrap,
 * and each row is made tall enough for them.
 */
final class ReceiptTable {

	static final int HEADER_ROW = 1;

	private final Sheet sheet;

	private final ReceiptStyles styles;

	private final int[] widths;

	private final int[] wrapped;

	private int next = HEADER_ROW + 1;

	ReceiptTable(Sheet sheet, ReceiptStyles styles, String title, List<String> headers, int[] widths, int... wrapped) {
		this.sheet = sheet;
		this.styles = styles;
		this.widths = widths;
		this.wrapped = wrapped;
		int last = headers.size() - 1;
		Row titleRow = sheet.createRow(0);
		ReceiptWorkbook.text(titleRow, 0, title, styles.title);
		titleRow.setHeightInPoints(Sheets.lines(title, total() * 10 / 16) * 22f + 6);
		sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, last));
		Row header = sheet.createRow(HEADER_ROW);
		int lines = 1;
		for (int col = 0; col <= last; col++) {
			ReceiptWorkbook.text(header, col, headers.get(col), styles.header);
			sheet.setColumnWidth(col, widths[col] * 256);
			lines = Math.max(lines, Sheets.lines(headers.get(col), widths[col]));
		}
		header.setHeightInPoints(lines * 15f + 6);
		sheet.createFreezePane(0, HEADER_ROW + 1);
		Sheets.printAsForm(sheet, true, HEADER_ROW, title);
	}

	/** A row of text cells (null: an empty cell), as tall as its wrapped columns need. */
	Row row(String... values) {
		Row row = sheet.createRow(next++);
		int lines = 1;
		for (int col = 0; col < values.length; col++) {
			if (values[col] == null) {
				ReceiptWorkbook.text(row, col, null, styles.cell);
				continue;
			}
			int c = col;
			boolean wraps = Arrays.stream(wrapped).anyMatch(w -> w == c);
			ReceiptWorkbook.text(row, col, values[col], styles.text(values[col], wraps));
			if (wraps) {
				lines = Math.max(lines, Sheets.lines(values[col], widths[col]));
			}
		}
		row.setHeightInPoints(lines * 15f + 1);
		return row;
	}

	/** A closing line across the sheet (a note, or why the list is empty), if any. */
	void finish(String note) {
		if (note == null) {
			return;
		}
		Row row = sheet.createRow(next);
		ReceiptWorkbook.text(row, 0, note, styles.wrap);
		sheet.addMergedRegion(new CellRangeAddress(next, next, 0, widths.length - 1));
		next++;
	}

	private int total() {
		return Arrays.stream(widths).sum();
	}

}
