package cn.zibo.livelihood.ingest.read;

import java.util.HashMap;
import java.util.Map;

import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;

import cn.zibo.livelihood.ingest.read.CellText.NumberStyle;


/** What one XLSX cell says, given its type, style, stored value and inline text. */
final class XlsxCellValues {

	private final SharedStrings strings;

	private final StylesTable styles;

	private final boolean date1904;

	private final Map<Integer, NumberStyle> numberStyles = new HashMap<>();

	XlsxCellValues(SharedStrings strings, StylesTable styles, boolean date1904) {
		this.strings = strings;
		this.styles = styles;
		this.date1904 = date1904;
	}

	/**
	 * @param type the cell's {@code t} attribute: absent or n (number), s (shared string), inlineStr,
	 * str (a formula's text result), b, e (error), d (ISO date)
	 */
	String text(String type, int style, String value, String inline) {
		if (type == null || type.equals("n")) {
			return value.isBlank() ? "" : CellText.number(value, numberStyle(style), date1904);
		}
		return switch (type) {
			case "s" -> value.isBlank() ? "" : CellTooLongException.checked(strings.getItemAt(Integer.parseInt(value.trim())).getString());
			case "inlineStr" -> CellTooLongException.checked(CellText.unescape(inline.isEmpty() ? value : inline));
			case "str" -> CellText.unescape(value);
			case "b" -> value.isBlank() ? "" : CellText.bool(value.trim().equals("1") || value.trim().equalsIgnoreCase("true"));
			case "d" -> CellText.isoDate(value);
			default -> value;
		};
	}

	private NumberStyle numberStyle(int style) {
		return numberStyles.computeIfAbsent(style, this::lookUp);
	}

	private NumberStyle lookUp(int style) {
		if (styles == null || style >= styles.getNumCellStyles()) {
			return NumberStyle.PLAIN;
		}
		XSSFCellStyle cellStyle = styles.getStyleAt(style);
		return (cellStyle == null) ? NumberStyle.PLAIN
				: CellText.styleOf(cellStyle.getDataFormat(), cellStyle.getDataFormatString());
	}

	/** The 0-based column of a reference such as {@code AB12}, or the one after the previous when absent. */
	static int column(String reference, int previous) {
		if (reference == null || reference.isEmpty()) {
			return previous + 1;
		}
		int column = 0;
		int i = 0;
		while (i < reference.length() && isAsciiLetter(reference.charAt(i))) {
			column = column * 26 + (Character.toUpperCase(reference.charAt(i)) - 'A' + 1);
			if (column > CellRow.MAX_COLUMNS) {
				throw new IllegalArgumentException("cell reference " + reference + " beyond column XFD");
			}
			i++;
		}
		return (i == 0) ? previous + 1 : column - 1;
	}

	private static boolean isAsciiLetter(char ch) {
		return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z');
	}

}
