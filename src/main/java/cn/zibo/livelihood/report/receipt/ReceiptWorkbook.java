package cn.zibo.livelihood.report.receipt;

import java.io.IOException;
import java.io.OutputStream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import cn.zibo.livelihood.report.Sheets;
import cn.zibo.livelihood.validate.Clipped;

/**
 * The receipt as a workbook: 回执 (how the file was read, and the summary), 问题清单 (every problem,
 * where it is and what to do), 已入库数据 (every figure loaded) and 未入库数据 (every figure valid in
 * itself but not loaded because the file was refused). Streaming, so a receipt for a large file stays small in
 * memory. Department text is always written as text cells, never as formulas; text that Excel
 * would take for a formula if typed ({@code =}, {@code +}, {@code -}, {@code @}, as a rejected
 * value often is) also gets Excel's quote prefix, so that editing the cell keeps it text.
 */
final class ReceiptWorkbook {

	private ReceiptWorkbook() {
	}

	/**
	 * @param bold for the header row and the first column, or null for rows of data
	 * @param quoted for text that looks like a formula
	 */
	private record Styles(CellStyle bold, CellStyle quoted) {

		Styles plain() {
			return new Styles(null, quoted);
		}

	}

	static void write(ReceiptContent c, OutputStream out) throws IOException {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
			CellStyle bold = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			CellStyle quoted = workbook.createCellStyle();
			quoted.setQuotePrefixed(true);
			Styles styles = new Styles(bold, quoted);
			Sheet summary = workbook.createSheet("回执");
			int r = 0;
			if (!c.reading().isEmpty()) {
				row(summary, r++, styles, "读取方式", "系统如何读取本文件");
				for (String[] line : ReceiptText.reading(c)) {
					row(summary, r++, styles, line[0], line[1]);
				}
				r++;
			}
			for (String[] line : ReceiptText.summary(c)) {
				row(summary, r++, styles, line[0], line[1]);
			}
			summary.setColumnWidth(0, 22 * 256);
			summary.setColumnWidth(1, 90 * 256);
			Sheet problems = workbook.createSheet("问题清单");
			row(problems, 0, styles, "序号", "工作表", "行号", "列名", "原值", "问题代码", "说明");
			int n = 1;
			for (ReceiptContent.Error e : c.errors()) {
				row(problems, n, styles.plain(), String.valueOf(n), e.sheet(), e.rowNo() == null ? "整个文件" : String.valueOf(e.rowNo()),
						e.column(), e.value(), e.code(), e.message());
				n++;
			}
			widths(problems, 6, 14, 8, 14, 20, 20, 90);
			Sheet loaded = workbook.createSheet("已入库数据");
			row(loaded, 0, styles, "行号", "指标编码", "指标名称", "区县", "报告期", "数值", "单位", "任务进展", "备注");
			int i = 1;
			for (ReceiptContent.Loaded f : c.loaded()) {
				Row row = row(loaded, i++, styles.plain(), f.rowNo() == null ? "" : String.valueOf(f.rowNo()), f.indicatorCode(),
						f.indicatorName(), f.district(), f.period(), null, f.unit(), f.status(), f.remark());
				if (f.value() != null) {
					row.createCell(5).setCellValue(f.value().doubleValue());
				}
			}
			if (c.loaded().size() >= ReceiptContent.MAX_LISTED) {
				loaded.createRow(i).createCell(0)
					.setCellValue("仅列出前" + ReceiptContent.MAX_LISTED + "个数值;全部数值以入库数据为准。");
			}
			widths(loaded, 8, 12, 30, 16, 10, 16, 10, 12, 40);
			Sheet withheld = workbook.createSheet("未入库数据");
			row(withheld, 0, styles, "工作表", "行号", "列名", "指标编码", "指标名称", "区县", "报告期", "原值", "未入库原因");
			int w = 1;
			for (ReceiptContent.Withheld f : c.withheld()) {
				row(withheld, w++, styles.plain(), f.sheet(), f.rowNo() == null ? "" : String.valueOf(f.rowNo()), f.column(),
						f.indicatorCode(), f.indicatorName(), f.district(), f.period(), f.written(), ReceiptContent.WITHHELD_REASON);
			}
			widths(withheld, 14, 8, 14, 12, 30, 16, 10, 16, 50);
			for (Sheet sheet : new Sheet[] { problems, loaded, withheld }) {
				sheet.createFreezePane(0, 1);
			}
			workbook.write(out);
		}
	}

	/** With a bold style, row 0 and column 0 are bold (headers, labels); the rest is the submission's own text. */
	private static Row row(Sheet sheet, int index, Styles styles, String... values) {
		Row row = sheet.createRow(index);
		for (int col = 0; col < values.length; col++) {
			if (values[col] == null) {
				continue;
			}
			Cell cell = row.createCell(col);
			cell.setCellValue(Sheets.fit(values[col]));
			if (styles.bold() != null && (index == 0 || col == 0)) {
				cell.setCellStyle(styles.bold());
			}
			else if (looksLikeFormula(values[col])) {
				cell.setCellStyle(styles.quoted());
			}
		}
		return row;
	}

	static boolean looksLikeFormula(String text) {
		return !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0;
	}

	private static void widths(Sheet sheet, int... chars) {
		for (int col = 0; col < chars.length; col++) {
			sheet.setColumnWidth(col, chars[col] * 256);
		}
	}

}
