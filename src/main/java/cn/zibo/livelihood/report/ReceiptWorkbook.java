package cn.zibo.livelihood.report;

import java.io.IOException;
import java.io.OutputStream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The receipt as a workbook: 回执 (summary), 问题清单 (every problem, where it is and what to do)
 * and 已入库数据 (every figure loaded). Streaming, so a receipt for a large file stays small in
 * memory. Department text is always written as text cells, never as formulas.
 */
final class ReceiptWorkbook {

	private ReceiptWorkbook() {
	}

	static void write(ReceiptContent c, OutputStream out) throws IOException {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
			CellStyle bold = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			Sheet summary = workbook.createSheet("回执");
			int r = 0;
			for (String[] line : ReceiptText.summary(c)) {
				row(summary, r++, bold, line[0], line[1]);
			}
			summary.setColumnWidth(0, 22 * 256);
			summary.setColumnWidth(1, 90 * 256);
			Sheet problems = workbook.createSheet("问题清单");
			header(problems, bold, "序号", "工作表", "行号", "列名", "原值", "问题代码", "说明");
			int n = 1;
			for (ReceiptContent.Error e : c.errors()) {
				row(problems, n, null, String.valueOf(n), e.sheet(), e.rowNo() == null ? "整个文件" : String.valueOf(e.rowNo()),
						e.column(), e.value(), e.code(), e.message());
				n++;
			}
			widths(problems, 6, 14, 8, 14, 20, 20, 90);
			Sheet loaded = workbook.createSheet("已入库数据");
			header(loaded, bold, "行号", "指标编码", "指标名称", "区县", "报告期", "数值", "单位", "任务进展", "备注");
			int i = 1;
			for (ReceiptContent.Loaded f : c.loaded()) {
				Row row = row(loaded, i++, null, f.rowNo() == null ? "" : String.valueOf(f.rowNo()), f.indicatorCode(),
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
			for (Sheet sheet : new Sheet[] { problems, loaded }) {
				sheet.createFreezePane(0, 1);
			}
			workbook.write(out);
		}
	}

	private static void header(Sheet sheet, CellStyle bold, String... titles) {
		row(sheet, 0, bold, titles);
	}

	private static Row row(Sheet sheet, int index, CellStyle style, String... values) {
		Row row = sheet.createRow(index);
		for (int col = 0; col < values.length; col++) {
			if (values[col] == null) {
				continue;
			}
			Cell cell = row.createCell(col);
			cell.setCellValue(values[col]);
			if (style != null && (index == 0 || col == 0)) {
				cell.setCellStyle(style);
			}
		}
		return row;
	}

	private static void widths(Sheet sheet, int... chars) {
		for (int col = 0; col < chars.length; col++) {
			sheet.setColumnWidth(col, chars[col] * 256);
		}
	}

}
