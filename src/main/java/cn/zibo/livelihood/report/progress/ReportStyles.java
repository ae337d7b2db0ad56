package cn.zibo.livelihood.report.progress;

import java.util.HashMap;
import java.util.Map;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The progress workbook's cell styles, made on first use and shared (a workbook holds at most some
 * 64,000): a style is a fill (a status colour) and a kind of content. The font is 宋体, which every
 * Chinese Office has; LibreOffice elsewhere substitutes a CJK font.
 */
final class ReportStyles {

	static final String FONT = "宋体";

	/** Status colours, as Excel's own good / neutral / bad cell styles paint them. */
	enum Fill {

		NONE(null), HEADER("D9E1F2"), TOTAL("F2F2F2"), GREEN("C6EFCE"), BLUE("DDEBF7"), YELLOW("FFEB9C"),
		ORANGE("FCE4D6"), RED("FFC7CE"), GREY("E7E6E6");

		final String rgb;

		Fill(String rgb) {
			this.rgb = rgb;
		}

	}

	/** What a cell holds, which decides its alignment and number format. */
	enum Kind {

		TEXT(null), WRAP(null), CENTER(null), INTEGER("#,##0"), DECIMAL("#,##0.0###"), PERCENT("0.0%"),
		DATE("yyyy-mm-dd"), TIME("yyyy-mm-dd hh:mm");

		final String format;

		Kind(String format) {
			this.format = format;
		}

	}

	final CellStyle title;

	final CellStyle note;

	final CellStyle header;

	final CellStyle heading;

	private final XSSFWorkbook workbook;

	private final XSSFFont bold;

	private final Map<String, XSSFCellStyle> cache = new HashMap<>();

	ReportStyles(XSSFWorkbook workbook) {
		this.workbook = workbook;
		XSSFFont normal = workbook.getFontAt(0);
		normal.setFontName(FONT);
		normal.setFontHeightInPoints((short) 10);
		bold = font(true, 10);
		title = workbook.createCellStyle();
		title.setFont(font(true, 16));
		title.setAlignment(HorizontalAlignment.CENTER);
		title.setVerticalAlignment(VerticalAlignment.CENTER);
		note = workbook.createCellStyle();
		note.setWrapText(true);
		note.setVerticalAlignment(VerticalAlignment.TOP);
		note.setFont(font(false, 9));
		header = bordered(Fill.HEADER, Kind.WRAP, "h");
		header.setAlignment(HorizontalAlignment.CENTER);
		header.setFont(bold);
		heading = workbook.createCellStyle();
		heading.setFont(font(true, 12));
	}

	/** A bordered data cell. */
	CellStyle cell(Fill fill, Kind kind) {
		return bordered(fill, kind, "");
	}

	/** A bold data cell (a total or a campaign's row). */
	CellStyle strong(Fill fill, Kind kind) {
		XSSFCellStyle style = bordered(fill, kind, "b");
		style.setFont(bold);
		return style;
	}

	/** A number shown after its comparator, such as ≥103 or 约49,000, and still a number. */
	CellStyle target(Fill fill, Kind kind, String prefix) {
		XSSFCellStyle style = bordered(fill, kind, "t" + prefix);
		if (!prefix.isEmpty()) {
			style.setDataFormat(workbook.createDataFormat().getFormat("\"" + prefix + "\"" + kind.format));
		}
		return style;
	}

	/**
	 * The same style marked as text (Excel's leading apostrophe), for department text starting with
	 * = + - or @: the cell is a string cell anyway, and the mark keeps it one when someone edits it.
	 */
	CellStyle quoted(CellStyle style) {
		return cache.computeIfAbsent("q" + style.getIndex(), k -> {
			XSSFCellStyle copy = workbook.createCellStyle();
			copy.cloneStyleFrom(style);
			copy.setQuotePrefixed(true);
			return copy;
		});
	}

	private XSSFCellStyle bordered(Fill fill, Kind kind, String variant) {
		return cache.computeIfAbsent(variant + fill + kind, k -> {
			XSSFCellStyle style = workbook.createCellStyle();
			if (fill.rgb != null) {
				style.setFillForegroundColor(new XSSFColor(hex(fill.rgb), null));
				style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			}
			style.setBorderTop(BorderStyle.THIN);
			style.setBorderBottom(BorderStyle.THIN);
			style.setBorderLeft(BorderStyle.THIN);
			style.setBorderRight(BorderStyle.THIN);
			short grey = IndexedColors.GREY_50_PERCENT.getIndex();
			style.setTopBorderColor(grey);
			style.setBottomBorderColor(grey);
			style.setLeftBorderColor(grey);
			style.setRightBorderColor(grey);
			style.setVerticalAlignment(VerticalAlignment.CENTER);
			style.setWrapText(kind == Kind.WRAP);
			if (kind == Kind.CENTER) {
				style.setAlignment(HorizontalAlignment.CENTER);
			}
			if (kind.format != null) {
				style.setDataFormat(workbook.createDataFormat().getFormat(kind.format));
			}
			return style;
		});
	}

	private XSSFFont font(boolean isBold, int points) {
		XSSFFont font = workbook.createFont();
		font.setFontName(FONT);
		font.setBold(isBold);
		font.setFontHeightInPoints((short) points);
		return font;
	}

	static byte[] hex(String rgb) {
		return new byte[] { (byte) Integer.parseInt(rgb.substring(0, 2), 16), (byte) Integer.parseInt(rgb.substring(2, 4), 16),
				(byte) Integer.parseInt(rgb.substring(4, 6), 16) };
	}

}
