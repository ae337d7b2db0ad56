package cn.zibo.livelihood.report.receipt;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The receipt's cell styles, made once per workbook. Text cells are bordered and top-aligned so a
 * printed receipt reads as a form; {@code quoted} styles mark text that Excel would take for a
 * formula if typed ({@code =}, {@code +}, {@code -}, {@code @}), so that editing the cell keeps it text.
 */
final class ReceiptStyles {

	final CellStyle title;

	final CellStyle section;

	final CellStyle header;

	final CellStyle label;

	final CellStyle cell;

	final CellStyle wrap;

	final CellStyle quoted;

	final CellStyle quotedWrap;

	final CellStyle number;

	ReceiptStyles(Workbook workbook) {
		title = workbook.createCellStyle();
		title.setFont(font(workbook, true, 16));
		title.setAlignment(HorizontalAlignment.CENTER);
		title.setVerticalAlignment(VerticalAlignment.CENTER);
		section = workbook.createCellStyle();
		section.setFont(font(workbook, true, 12));
		section.setVerticalAlignment(VerticalAlignment.BOTTOM);
		header = bordered(workbook, true);
		header.setFont(font(workbook, true, 11));
		header.setAlignment(HorizontalAlignment.CENTER);
		header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
		header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
		label = bordered(workbook, true);
		label.setFont(font(workbook, true, 11));
		cell = bordered(workbook, false);
		wrap = bordered(workbook, true);
		quoted = bordered(workbook, false);
		quoted.setQuotePrefixed(true);
		quotedWrap = bordered(workbook, true);
		quotedWrap.setQuotePrefixed(true);
		number = bordered(workbook, false);
		number.setDataFormat(workbook.createDataFormat().getFormat("#,##0.####"));
	}

	/** The style for text in a column that wraps or not, quoted when it looks like a formula. */
	CellStyle text(String value, boolean wrapped) {
		boolean formula = looksLikeFormula(value);
		return wrapped ? (formula ? quotedWrap : wrap) : (formula ? quoted : cell);
	}

	static boolean looksLikeFormula(String text) {
		return text != null && !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0;
	}

	private static CellStyle bordered(Workbook workbook, boolean wrapped) {
		CellStyle style = workbook.createCellStyle();
		style.setBorderTop(BorderStyle.THIN);
		style.setBorderBottom(BorderStyle.THIN);
		style.setBorderLeft(BorderStyle.THIN);
		style.setBorderRight(BorderStyle.THIN);
		style.setVerticalAlignment(VerticalAlignment.TOP);
		style.setWrapText(wrapped);
		return style;
	}

	private static Font font(Workbook workbook, boolean bold, int points) {
		Font font = workbook.createFont();
		font.setBold(bold);
		font.setFontHeightInPoints((short) points);
		return font;
	}

}
