package cn.zibo.livelihood.report.receipt;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import cn.zibo.livelihood.ingest.Inbox;
import cn.zibo.livelihood.report.Sheets;
import cn.zibo.livelihood.report.ViewWords;
import cn.zibo.livelihood.validate.Status;

/**
 * The receipt as a workbook that prints as a form: 回执 (the outcome, how the file was read and, last,
 * the technical details), 问题清单 (every problem, where it is and what to do), 已入库数据 (every
 * figure loaded) and 未入库数据 (every figure valid in itself but not loaded because the file was
 * refused). Every sheet has a title row and prints on A4 one page wide with page numbers; the lists
 * repeat their header row on every page. Streaming, so a receipt for a large file stays small in
 * memory. Department text is always written as text cells, never as formulas.
 */
final class ReceiptWorkbook {

	/** The 回执 sheet's two columns, in characters: a label and its text, side by side on one page. */
	private static final int LABEL = 20;

	private static final int TEXT = 70;

	private ReceiptWorkbook() {
	}

	static void write(ReceiptContent c, OutputStream out) throws IOException {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
			ReceiptStyles styles = new ReceiptStyles(workbook);
			summary(workbook.createSheet("回执"), c, styles);
			String file = Inbox.displayName(c.fileName());
			ReceiptTable problems = new ReceiptTable(workbook.createSheet("问题清单"), styles, "问题清单：" + file,
					List.of("序号", "工作表", "行号", "列名", "原值", "说明"), new int[] { 6, 14, 9, 16, 20, 80 }, 5);
			int n = 1;
			for (ReceiptContent.Error e : c.errors()) {
				problems.row(String.valueOf(n++), ReceiptText.sheet(c, e.sheet()), e.rowNo() == null ? "整个文件" : String.valueOf(e.rowNo()), e.column(),
						e.value(), e.message());
			}
			problems.finish(c.errors().isEmpty() ? "没有发现问题。" : null);
			ReceiptTable loaded = new ReceiptTable(workbook.createSheet("已入库数据"), styles, "已入库数据：" + file,
					List.of("行号", "指标编码", "指标名称", "区县", "报告期", "数值", "单位", "任务进展", "备注"),
					new int[] { 7, 11, 34, 12, 16, 14, 9, 10, 40 }, 2, 8);
			for (ReceiptContent.Loaded f : c.loaded()) {
				Row row = loaded.row(f.rowNo() == null ? "" : String.valueOf(f.rowNo()), f.indicatorCode(), f.indicatorName(),
						f.district(), ViewWords.period(f.period()), null, f.unit(), status(f.status()), f.remark());
				Cell value = row.createCell(5);
				value.setCellStyle(styles.number);
				if (f.value() != null) {
					value.setCellValue(f.value().doubleValue());
				}
			}
			loaded.finish(c.loaded().size() >= ReceiptContent.MAX_LISTED
					? "仅列出前" + ReceiptText.count(ReceiptContent.MAX_LISTED) + "个数值；全部数值以入库数据为准。"
					: c.loaded().isEmpty() ? "没有入库的数据。" : null);
			ReceiptTable withheld = new ReceiptTable(workbook.createSheet("未入库数据"), styles, "未入库数据：" + file,
					List.of("工作表", "行号", "列名", "指标编码", "指标名称", "区县", "报告期", "原值", "未入库原因"),
					new int[] { 14, 7, 14, 11, 30, 12, 16, 14, 36 }, 4, 8);
			for (ReceiptContent.Withheld f : c.withheld()) {
				withheld.row(ReceiptText.sheet(c, f.sheet()), f.rowNo() == null ? "" : String.valueOf(f.rowNo()), f.column(), f.indicatorCode(),
						f.indicatorName(), f.district(), ViewWords.period(f.period()), f.written(), ReceiptContent.WITHHELD_REASON);
			}
			withheld.finish(c.withheld().isEmpty() ? "没有此类数据。" : null);
			workbook.write(out);
		}
	}

	/** The outcome block, how the file was read, and the technical details last: two columns, portrait. */
	private static void summary(Sheet sheet, ReceiptContent c, ReceiptStyles styles) {
		sheet.setColumnWidth(0, LABEL * 256);
		sheet.setColumnWidth(1, TEXT * 256);
		Row title = sheet.createRow(0);
		title.setHeightInPoints(32);
		text(title, 0, ReceiptText.title(c), styles.title);
		sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 1));
		int r = section(sheet, 1, "一、处理结果", styles);
		r = block(sheet, r, ReceiptText.summary(c), styles);
		if (!c.reading().isEmpty()) {
			r = block(sheet, section(sheet, r + 1, "二、" + ReceiptText.READING, styles), ReceiptText.reading(c), styles);
		}
		List<String[]> technical = ReceiptText.technical(c);
		if (!technical.isEmpty()) {
			String number = c.reading().isEmpty() ? "二、" : "三、";
			block(sheet, section(sheet, r + 1, number + ReceiptText.TECHNICAL, styles), technical, styles);
		}
		Sheets.printAsForm(sheet, false, -1, ReceiptText.title(c));
	}

	private static int section(Sheet sheet, int r, String heading, ReceiptStyles styles) {
		Row row = sheet.createRow(r);
		row.setHeightInPoints(24);
		text(row, 0, heading, styles.section);
		sheet.addMergedRegion(new CellRangeAddress(r, r, 0, 1));
		return r + 1;
	}

	private static int block(Sheet sheet, int r, List<String[]> lines, ReceiptStyles styles) {
		for (String[] line : lines) {
			Row row = sheet.createRow(r++);
			text(row, 0, line[0], styles.label);
			text(row, 1, line[1], styles.text(line[1], true));
			int height = Math.max(Sheets.lines(line[0], LABEL), Sheets.lines(line[1], TEXT));
			row.setHeightInPoints(height * 15f + 4);
		}
		return r;
	}

	static void text(Row row, int col, String value, org.apache.poi.ss.usermodel.CellStyle style) {
		Cell cell = row.createCell(col);
		if (value != null) {
			cell.setCellValue(Sheets.fit(value));
		}
		cell.setCellStyle(style);
	}

	/** 推进中 for in_progress; a status the catalogue may add later is shown as it is. */
	private static String status(String code) {
		return code == null ? null : Status.parse(code).map(Status::chinese).orElse(ViewWords.chinese(code));
	}

}
