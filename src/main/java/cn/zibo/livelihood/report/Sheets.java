package cn.zibo.livelihood.report;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.PageMargin;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

import cn.zibo.livelihood.validate.Clipped;

/** What every workbook the pipeline writes (receipts, templates, the progress workbook) does the same way. */
public final class Sheets {

	/** Characters a cell holds (Excel's limit; POI refuses more): longer text is cut, saying so. */
	public static final int CELL_LIMIT = SpreadsheetVersion.EXCEL2007.getMaxTextLength();

	private Sheets() {
	}

	/** The text as a cell can hold it. */
	public static String fit(String text) {
		return Clipped.text(text, CELL_LIMIT);
	}

	/** The footer's page numbers, as Chinese forms number pages. */
	public static final String PAGE_NUMBERS = "第 &P 页，共 &N 页";

	/** A4 landscape, one page wide and as many long as needed, row {@code headerRow} (if any) on every page. */
	public static void landscapeOnePageWide(Sheet sheet, int headerRow) {
		onePageWide(sheet, true, headerRow);
	}

	/** A4, one page wide and as many long as needed, row {@code headerRow} (if any) on every page. */
	public static void onePageWide(Sheet sheet, boolean landscape, int headerRow) {
		PrintSetup print = sheet.getPrintSetup();
		print.setLandscape(landscape);
		print.setPaperSize(PrintSetup.A4_PAPERSIZE);
		print.setFitWidth((short) 1);
		print.setFitHeight((short) 0);
		sheet.setFitToPage(true);
		if (headerRow >= 0) {
			sheet.setRepeatingRows(new CellRangeAddress(headerRow, headerRow, -1, -1));
		}
	}

	/**
	 * {@link #onePageWide}, centred between narrow margins, {@code heading} at the top left of every
	 * page, the sheet's name at its right, and the page numbers in the footer.
	 */
	public static void printAsForm(Sheet sheet, boolean landscape, int headerRow, String heading) {
		onePageWide(sheet, landscape, headerRow);
		sheet.setHorizontallyCenter(true);
		sheet.setMargin(PageMargin.LEFT, 0.5);
		sheet.setMargin(PageMargin.RIGHT, 0.5);
		sheet.setMargin(PageMargin.TOP, 0.7);
		sheet.setMargin(PageMargin.BOTTOM, 0.7);
		sheet.setMargin(PageMargin.HEADER, 0.3);
		sheet.setMargin(PageMargin.FOOTER, 0.3);
		sheet.getHeader().setLeft(headerText(heading));
		sheet.getHeader().setRight(headerText(sheet.getSheetName()));
		sheet.getFooter().setCenter(PAGE_NUMBERS);
	}

	/** Text for a page header or footer, where {@code &} starts a code. */
	public static String headerText(String text) {
		return text == null ? "" : text.replace("&", "&&");
	}

	/**
	 * Lines a text takes in a column of {@code width} characters, so that a row can be made tall
	 * enough: Excel does not grow a row for wrapped text a program wrote. A column's width counts
	 * digits of the default font; a Chinese character, and the quotes and arrows a CJK font draws as
	 * wide, some 1.85.
	 */
	public static int lines(String text, int width) {
		if (text == null || text.isEmpty()) {
			return 1;
		}
		int lines = 0;
		for (String paragraph : text.split("\n", -1)) {
			double units = paragraph.codePoints().mapToDouble(c -> c < 0x2000 ? 1 : 1.85).sum();
			lines += Math.max(1, (int) Math.ceil(units / Math.max(1, width - 1)));
		}
		return lines;
	}

}
