package cn.zibo.livelihood.report.template;

import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import cn.zibo.livelihood.catalogue.Indicator;
import cn.zibo.livelihood.report.ChineseForms;
import cn.zibo.livelihood.report.Sheets;
import cn.zibo.livelihood.validate.Clipped;

/**
 * The data sheet 「填报」: a title row carrying the period, a one-line hint, the header row, one row
 * per {@link Template.Row}, then the signature block ({@link TemplateSignature}). Every header is a
 * spelling of {@code mappings/default.yml}, or a context column (目标值, 统计口径, 截止日期) that no
 * mapping knows, so the ingest reads the filled sheet with no mapping of its own. The sheet is protected without a password: the catalogue columns are locked
 * so a row cannot drift from its indicator, and only the value and remark cells are open.
 */
final class TemplateSheet {

	static final String NAME = "填报";

	static final List<String> HEADERS = List.of("任务编号", "指标编码", "指标名称", "区县", "报告期", "数值", "单位", "备注",
			"目标值", "统计口径", "截止日期");

	static final int VALUE = 5;

	static final int REMARK = 7;

	/** 0-based: title, hint, header. */
	static final int HEADER_ROW = 2;

	private static final int[] WIDTHS = { 9, 11, 34, 12, 16, 14, 11, 40, 14, 18, 12 };

	static final String HINT = "请只填写黄色的“数值”和“备注”两列（灰色列已锁定，工作表保护无密码）；任务进展行请从下拉列表选择；"
			+ "未报送的请留空，不要填零；表格下方请填写填报人、联系电话、审核人和填报日期。详见“填报说明”工作表。";

	private TemplateSheet() {
	}

	static XSSFSheet write(XSSFWorkbook workbook, Template template, TemplateStyles styles) {
		XSSFSheet sheet = workbook.createSheet(NAME);
		int last = HEADERS.size() - 1;
		text(sheet.createRow(0), 0, template.title(), styles.title);
		text(sheet.createRow(1), 0, HINT, styles.hint);
		sheet.getRow(1).setHeightInPoints(30);
		sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, last));
		sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, last));
		Row header = sheet.createRow(HEADER_ROW);
		for (int col = 0; col <= last; col++) {
			text(header, col, HEADERS.get(col), col == VALUE || col == REMARK ? styles.inputHeader : styles.header);
			sheet.setColumnWidth(col, WIDTHS[col] * 256);
		}
		List<Template.Row> rows = template.rows();
		for (int i = 0; i < rows.size(); i++) {
			Indicator indicator = rows.get(i).indicator();
			Row row = sheet.createRow(HEADER_ROW + 1 + i);
			Cell task = row.createCell(0);
			task.setCellValue(indicator.taskNo());
			task.setCellStyle(styles.locked);
			text(row, 1, indicator.code(), styles.locked);
			text(row, 2, indicator.name(), styles.locked);
			text(row, 3, ChineseForms.district(rows.get(i).district()), styles.locked);
			text(row, 4, ChineseForms.period(template.period()), styles.locked);
			row.createCell(VALUE).setCellStyle(styles.value);
			text(row, 6, indicator.unit(), styles.locked);
			row.createCell(REMARK).setCellStyle(styles.remark);
			text(row, 8, target(indicator), styles.locked);
			text(row, 9, basis(indicator), styles.locked);
			text(row, 10, deadline(indicator), styles.locked);
		}
		int lastRow = HEADER_ROW + rows.size();
		TemplateValidations.add(sheet, rows, HEADER_ROW + 1);
		sheet.createFreezePane(3, HEADER_ROW + 1);
		sheet.setAutoFilter(new CellRangeAddress(HEADER_ROW, lastRow, 0, last));
		TemplateSignature.write(sheet, template, styles, lastRow);
		protect(sheet);
		Sheets.printAsForm(sheet, true, HEADER_ROW, template.title());
		return sheet;
	}

	/** Locked cells stay selectable and columns resizable: only the content is protected. */
	private static void protect(XSSFSheet sheet) {
		sheet.enableLocking();
		sheet.lockSelectLockedCells(false);
		sheet.lockSelectUnlockedCells(false);
		sheet.lockFormatColumns(false);
		sheet.lockFormatRows(false);
		sheet.lockAutoFilter(false);
	}


	static String target(Indicator indicator) {
		if (indicator.isStatus()) {
			return "";
		}
		String symbol = switch (indicator.comparator()) {
			case ">=" -> "≥";
			case "<=" -> "≤";
			case "≈" -> "约";
			default -> indicator.comparator();
		};
		return symbol + indicator.target().stripTrailingZeros().toPlainString();
	}

	static String basis(Indicator indicator) {
		return switch (indicator.basis()) {
			case CUMULATIVE -> "累计（自2022年起）";
			case ANNUAL -> "年度（当年累计）";
			case LEVEL -> "期末值";
			case STATUS -> "任务进展";
		};
	}

	static String deadline(Indicator indicator) {
		if (indicator.isStatus()) {
			return "";
		}
		return indicator.deadline() == null ? "每年" : indicator.deadline().toString();
	}

	private static void text(Row row, int col, String text, CellStyle style) {
		Cell cell = row.createCell(col);
		if (text != null && !text.isEmpty()) {
			cell.setCellValue(Sheets.fit(text));
		}
		cell.setCellStyle(style);
	}

}
