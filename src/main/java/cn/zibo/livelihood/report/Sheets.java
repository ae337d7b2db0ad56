package cn.zibo.livelihood.report;

import org.apache.poi.ss.SpreadsheetVersion;
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

	/** A4 landscape, one page wide and as many long as needed, row {@code headerRow} (if any) on every page. */
	public static void landscapeOnePageWide(Sheet sheet, int headerRow) {
		PrintSetup print = sheet.getPrintSetup();
		print.setLandscape(true);
		print.setPaperSize(PrintSetup.A4_PAPERSIZE);
		print.setFitWidth((short) 1);
		print.setFitHeight((short) 0);
		sheet.setFitToPage(true);
		if (headerRow >= 0) {
			sheet.setRepeatingRows(new CellRangeAddress(headerRow, headerRow, -1, -1));
		}
	}

}
