package cn.zibo.livelihood.report.chase;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import cn.zibo.livelihood.report.ChineseForms;
import cn.zibo.livelihood.report.Sheets;
import cn.zibo.livelihood.report.chase.ChaseList.IndicatorOwed;
import cn.zibo.livelihood.report.chase.ChaseList.Owing;
import cn.zibo.livelihood.report.chase.ChaseList.TaskOwed;

/**
 * The 催报 list as a workbook that prints: 催报清单, one row per department owing figures with what it
 * owes, and 缺报指标, one row per indicator owed. A title and the due date above the header row, A4
 * landscape, one page wide, the header row on every page, page numbers in the footer.
 */
final class ChaseWorkbook {

	static final String DEPARTMENTS = "催报清单";

	static final String INDICATORS = "缺报指标";

	private static final int HEADER_ROW = 2;

	private ChaseWorkbook() {
	}

	static void write(ChaseList list, OutputStream out) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Styles styles = new Styles(workbook);
			departments(workbook.createSheet(DEPARTMENTS), styles, list);
			indicators(workbook.createSheet(INDICATORS), styles, list);
			workbook.getProperties().getCoreProperties().setTitle(list.periodName() + "民生实事数据催报清单");
			workbook.getProperties().getCoreProperties().setCreator("民生113项重点任务报送系统");
			workbook.write(out);
		}
	}

	private static void departments(Sheet sheet, Styles styles, ChaseList list) {
		List<String> header = List.of("序号", "部门", "报送状态", "应报指标数", "已报指标数", "缺报指标数", "缺报内容");
		top(sheet, styles, list, list.periodName() + "民生实事数据催报清单", header, new int[] { 6, 22, 12, 11, 11, 11, 90 });
		int r = HEADER_ROW + 1;
		for (Owing owing : list.departments()) {
			Row row = sheet.createRow(r);
			text(row, 0, Integer.toString(r - HEADER_ROW), styles.centred);
			text(row, 1, owing.name(), styles.body);
			text(row, 2, owing.statusName(), styles.centred);
			number(row, 3, owing.expected(), styles.number);
			number(row, 4, owing.reported(), styles.number);
			number(row, 5, owing.missing(), styles.number);
			String owed = Sheets.fit(owed(owing));
			text(row, 6, owed, styles.body);
			fitHeight(row, owed, 90);
			r++;
		}
		if (list.departments().isEmpty()) {
			text(sheet.createRow(r), 0, "各部门本期应报指标均已报送。", styles.body);
		}
	}

	private static void indicators(Sheet sheet, Styles styles, ChaseList list) {
		List<String> header = List.of("序号", "部门", "任务", "指标名称", "计量单位", "报送状态");
		top(sheet, styles, list, list.periodName() + "民生实事缺报指标明细", header, new int[] { 6, 22, 50, 40, 10, 12 });
		int r = HEADER_ROW + 1;
		for (Owing owing : list.departments()) {
			for (TaskOwed task : owing.tasks()) {
				for (IndicatorOwed indicator : task.indicators()) {
					Row row = sheet.createRow(r);
					text(row, 0, Integer.toString(r - HEADER_ROW), styles.centred);
					text(row, 1, owing.name(), styles.body);
					text(row, 2, "任务" + task.taskNo() + "：" + task.task(), styles.body);
					text(row, 3, indicator.name(), styles.body);
					text(row, 4, indicator.unit() == null ? "" : indicator.unit(), styles.centred);
					text(row, 5, owing.statusName(), styles.centred);
					fitHeight(row, "任务" + task.taskNo() + "：" + task.task(), 50);
					r++;
				}
			}
		}
	}

	/** What a department owes, one line per task. */
	static String owed(Owing owing) {
		return String.join("\n", owing.tasks()
			.stream()
			.map(t -> "任务" + t.taskNo() + "（" + t.task() + "）："
					+ String.join("、", t.indicators().stream().map(IndicatorOwed::label).toList()))
			.toList());
	}

	private static void top(Sheet sheet, Styles styles, ChaseList list, String title, List<String> header, int[] widths) {
		text(sheet.createRow(0), 0, title, styles.title);
		sheet.getRow(0).setHeightInPoints(28);
		sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, header.size() - 1));
		text(sheet.createRow(1), 0, "截止日期：" + ChineseForms.date(list.dueDate()) + "　统计时间："
				+ ChineseForms.date(list.asOf()) + "　尚有指标未报送的部门：" + ChineseForms.count(list.departments().size()) + "个",
				styles.subtitle);
		sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, header.size() - 1));
		Row row = sheet.createRow(HEADER_ROW);
		for (int c = 0; c < header.size(); c++) {
			text(row, c, header.get(c), styles.header);
			sheet.setColumnWidth(c, widths[c] * 256);
		}
		sheet.createFreezePane(0, HEADER_ROW + 1);
		Sheets.landscapeOnePageWide(sheet, HEADER_ROW);
		sheet.getFooter().setCenter("第 &P 页，共 &N 页");
	}

	/**
	 * Wrapped text needs its row's height set: neither POI nor every spreadsheet program fits it on
	 * opening. Counted as display columns (a Chinese character takes two) against the column's width.
	 */
	static void fitHeight(Row row, String text, int columnChars) {
		int lines = 0;
		for (String line : text.split("\n")) {
			int width = line.codePoints().map(c -> c >= 0x2E80 ? 2 : 1).sum();
			lines += Math.max(1, (width + columnChars - 3) / (columnChars - 2));
		}
		row.setHeightInPoints(Math.max(1, lines) * 15f);
	}

	private static void text(Row row, int column, String value, CellStyle style) {
		var cell = row.createCell(column);
		cell.setCellValue(value);
		cell.setCellStyle(style);
	}

	private static void number(Row row, int column, long value, CellStyle style) {
		var cell = row.createCell(column);
		cell.setCellValue(value);
		cell.setCellStyle(style);
	}

	/** The few styles of both sheets. */
	private static final class Styles {

		final CellStyle title;

		final CellStyle subtitle;

		final CellStyle header;

		final CellStyle body;

		final CellStyle centred;

		final CellStyle number;

		Styles(Workbook workbook) {
			Font bold = workbook.createFont();
			bold.setBold(true);
			Font big = workbook.createFont();
			big.setBold(true);
			big.setFontHeightInPoints((short) 16);
			title = workbook.createCellStyle();
			title.setFont(big);
			title.setAlignment(HorizontalAlignment.CENTER);
			subtitle = workbook.createCellStyle();
			header = bordered(workbook);
			header.setFont(bold);
			header.setAlignment(HorizontalAlignment.CENTER);
			header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
			header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			body = bordered(workbook);
			body.setWrapText(true);
			centred = bordered(workbook);
			centred.setAlignment(HorizontalAlignment.CENTER);
			number = bordered(workbook);
			number.setDataFormat(workbook.createDataFormat().getFormat("#,##0"));
		}

		private static CellStyle bordered(Workbook workbook) {
			CellStyle style = workbook.createCellStyle();
			style.setBorderTop(BorderStyle.THIN);
			style.setBorderBottom(BorderStyle.THIN);
			style.setBorderLeft(BorderStyle.THIN);
			style.setBorderRight(BorderStyle.THIN);
			style.setVerticalAlignment(VerticalAlignment.TOP);
			return style;
		}

	}

}
