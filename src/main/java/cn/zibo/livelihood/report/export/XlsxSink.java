package cn.zibo.livelihood.report.export;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import cn.zibo.livelihood.report.Sheets;

/**
 * One sheet named after the view: the header row bold, frozen and filtered, numbers as numbers, text
 * as text (marked as text when it starts like a formula). Rows stream through POI's SXSSF, a hundred
 * in memory at a time; the file is written at the end.
 */
final class XlsxSink implements ExportSink {

	/** Rows a sheet holds below its header. */
	static final int MAX_ROWS = SpreadsheetVersion.EXCEL2007.getMaxRows() - 1;

	private final OutputStream out;

	private final SXSSFWorkbook workbook = new SXSSFWorkbook(100);

	private final SXSSFSheet sheet;

	private final CellStyle text;

	private final CellStyle header;

	private int rows;

	private int width;

	XlsxSink(OutputStream out, String title) {
		this.out = out;
		this.sheet = workbook.createSheet(title);
		this.text = workbook.createCellStyle();
		text.setQuotePrefixed(true);
		Font bold = workbook.createFont();
		bold.setBold(true);
		this.header = workbook.createCellStyle();
		header.setFont(bold);
	}

	@Override
	public void header(List<String> headers) {
		Row row = sheet.createRow(0);
		for (int i = 0; i < headers.size(); i++) {
			Cell cell = row.createCell(i);
			cell.setCellValue(headers.get(i));
			cell.setCellStyle(header);
			sheet.setColumnWidth(i, Math.min(60, Math.max(10, headers.get(i).length() * 2 + 4)) * 256);
		}
		sheet.createFreezePane(0, 1);
		width = headers.size();
	}

	@Override
	public void row(List<Object> values) {
		Row row = sheet.createRow(++rows);
		for (int i = 0; i < values.size(); i++) {
			Object value = values.get(i);
			if (value instanceof BigDecimal number) {
				row.createCell(i).setCellValue(number.doubleValue());
			}
			else if (value != null) {
				Cell cell = row.createCell(i);
				String written = Sheets.fit(value.toString());
				cell.setCellValue(written);
				if (ExportSink.formulaLike(written)) {
					cell.setCellStyle(text);
				}
			}
		}
	}

	@Override
	public void finish() throws IOException {
		if (width > 0) {
			sheet.setAutoFilter(new CellRangeAddress(0, rows, 0, width - 1));
		}
		try {
			workbook.write(out);
		}
		finally {
			workbook.close();
		}
	}

}
