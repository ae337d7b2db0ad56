package cn.zibo.livelihood.report.progress;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import cn.zibo.livelihood.report.ChineseForms;
import cn.zibo.livelihood.report.progress.ProgressReport.Task;
import cn.zibo.livelihood.report.progress.ReportStyles.Fill;
import cn.zibo.livelihood.report.progress.ReportStyles.Kind;

/**
 * 「总览」: the page a leader reads. The five campaigns (专项行动) with their tasks, progress reports,
 * indicators by status, average completion and open findings, and their total; a stacked bar chart
 * of the indicators by status per campaign, drawn from those cells; then a block per campaign with
 * the same counts for each of its sections (篇章).
 */
final class OverviewSheet {

	static final String NAME = "总览";

	static final List<String> HEADERS = List.of("专项行动", "任务数", "已报进展任务", "指标数", "已完成", "序时推进", "滞后", "无数据",
			"平均完成率", "待核实问题");

	private static final int[] WIDTHS = { 36, 8, 11, 8, 8, 9, 8, 8, 10, 10 };

	/** 0-based rows: two header rows, then one per campaign from {@link #FIRST_CAMPAIGN}. */
	static final int HEADER_ROW = 3;

	static final int FIRST_CAMPAIGN = 5;

	/** Columns of the four status counts, in the order of {@link ReportWords#PROGRESS}. */
	static final int FIRST_STATUS = 4;

	/** The chart's height in rows: with the table above it, one printed page. */
	static final int CHART_ROWS = 16;

	/** Heights in points: a count row, the section table's header, and what a landscape A4 page holds. */
	private static final float ROW_POINTS = 18;

	private static final float SECTION_HEADER_POINTS = 30;

	private static final float PAGE_POINTS = 470;

	private OverviewSheet() {
	}

	static XSSFSheet write(XSSFWorkbook workbook, ReportStyles styles, ProgressReport report) {
		XSSFSheet sheet = workbook.createSheet(NAME);
		ReportSheet cells = ReportSheet.over(sheet, styles);
		int last = HEADERS.size() - 1;
		for (int col = 0; col <= last; col++) {
			sheet.setColumnWidth(col, WIDTHS[col] * 256);
		}
		Row title = sheet.createRow(0);
		title.setHeightInPoints(30);
		cells.text(title, 0, report.title(), styles.title);
		String note = note(report);
		Row noteRow = sheet.createRow(1);
		cells.text(noteRow, 0, note, styles.note);
		noteRow.setHeightInPoints(ReportSheet.lines(note, 100) * 12f + 4);
		sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, last));
		sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, last));
		header(sheet, cells, styles);

		Map<Integer, List<Task>> campaigns = report.tasks()
			.stream()
			.collect(Collectors.groupingBy(Task::campaignNo, LinkedHashMap::new, Collectors.toList()));
		int r = FIRST_CAMPAIGN;
		for (List<Task> tasks : campaigns.values()) {
			counts(cells, sheet.createRow(r++), campaignLabel(tasks.get(0)), Tally.of(tasks, report), false);
		}
		counts(cells, sheet.createRow(r++), "合计", Tally.of(report.tasks(), report), true);
		int chartTop = r + 1;
		OverviewChart.draw(sheet, FIRST_CAMPAIGN, FIRST_CAMPAIGN + campaigns.size() - 1, HEADER_ROW + 1, FIRST_STATUS,
				chartTop, chartTop + CHART_ROWS, last + 1);

		r = chartTop + CHART_ROWS + 1;
		sheet.setRowBreak(r - 1);
		Row heading = sheet.createRow(r++);
		cells.text(heading, 0, "各专项行动分篇章情况", styles.heading);
		heading.setHeightInPoints(20);
		sectionHeader(sheet.createRow(r++), cells);
		float used = 20 + SECTION_HEADER_POINTS;
		for (List<Task> tasks : campaigns.values()) {
			Map<Integer, List<Task>> sections = tasks.stream()
				.collect(Collectors.groupingBy(Task::sectionNo, LinkedHashMap::new, Collectors.toList()));
			float block = (1 + sections.size()) * ROW_POINTS;
			if (used + block > PAGE_POINTS) {
				// a campaign's block starts a page of its own, under the header again: print titles
				// would repeat it on the first page too, above the overview's own title
				sheet.setRowBreak(r - 1);
				sectionHeader(sheet.createRow(r++), cells);
				used = SECTION_HEADER_POINTS;
			}
			used += block;
			counts(cells, sheet.createRow(r++), campaignLabel(tasks.get(0)), Tally.of(tasks, report), true);
			for (List<Task> section : sections.values()) {
				Task t = section.get(0);
				counts(cells, sheet.createRow(r++), "（" + ReportWords.numeral(t.sectionNo()) + "）" + t.sectionName(),
						Tally.of(section, report), false);
			}
		}
		ReportSheet.printSetUp(sheet, report, -1);
		return sheet;
	}

	/** The section table's header row, at its top and at the top of each page it runs onto. */
	private static void sectionHeader(Row sub, ReportSheet cells) {
		for (int col = 0; col < HEADERS.size(); col++) {
			cells.text(sub, col, col == 0 ? "专项行动/篇章" : HEADERS.get(col), cells.styles.header);
		}
		sub.setHeightInPoints(SECTION_HEADER_POINTS);
	}

	/** 专项行动 | 任务数 | 已报进展任务 | 量化指标(个): 指标数, 4 statuses | 平均完成率 | 待核实问题, over two rows. */
	private static void header(XSSFSheet sheet, ReportSheet cells, ReportStyles styles) {
		Row top = sheet.createRow(HEADER_ROW);
		Row sub = sheet.createRow(HEADER_ROW + 1);
		top.setHeightInPoints(20);
		sub.setHeightInPoints(20);
		for (int col = 0; col < HEADERS.size(); col++) {
			boolean counted = col >= FIRST_STATUS - 1 && col < FIRST_STATUS + ReportWords.PROGRESS.size();
			cells.text(top, col, counted ? "量化指标（个）" : HEADERS.get(col), styles.header);
			cells.text(sub, col, counted && col == FIRST_STATUS - 1 ? "合计" : HEADERS.get(col), counted && col >= FIRST_STATUS
					? styles.strong(ReportWords.fill(ReportWords.PROGRESS.get(col - FIRST_STATUS)), Kind.CENTER) : styles.header);
			if (!counted) {
				sheet.addMergedRegion(new CellRangeAddress(HEADER_ROW, HEADER_ROW + 1, col, col));
			}
		}
		sheet.addMergedRegion(new CellRangeAddress(HEADER_ROW, HEADER_ROW, FIRST_STATUS - 1,
				FIRST_STATUS + ReportWords.PROGRESS.size() - 1));
	}

	private static void counts(ReportSheet cells, Row row, String label, Tally tally, boolean strong) {
		ReportStyles styles = cells.styles;
		Fill base = strong ? Fill.TOTAL : Fill.NONE;
		cells.text(row, 0, label, strong ? styles.strong(base, Kind.TEXT) : styles.cell(base, Kind.TEXT));
		CellStyle number = strong ? styles.strong(base, Kind.INTEGER) : styles.cell(base, Kind.INTEGER);
		cells.number(row, 1, tally.tasks(), number);
		cells.number(row, 2, tally.tasksReporting(), number);
		cells.number(row, 3, tally.indicators(), number);
		for (int i = 0; i < ReportWords.PROGRESS.size(); i++) {
			Fill fill = ReportWords.fill(ReportWords.PROGRESS.get(i));
			cells.number(row, FIRST_STATUS + i, tally.byStatus().get(i),
					strong ? styles.strong(fill, Kind.INTEGER) : styles.cell(fill, Kind.INTEGER));
		}
		BigDecimal average = tally.averageCompletion();
		cells.number(row, 8, average, strong ? styles.strong(base, Kind.PERCENT) : styles.cell(base, Kind.PERCENT));
		cells.number(row, 9, tally.openDiscrepancies(), number);
		row.setHeightInPoints(18);
	}

	/** 一、实施教育品质提升三年攻坚行动 */
	static String campaignLabel(Task task) {
		return ReportWords.numeral(task.campaignNo()) + "、" + task.campaignName();
	}

	private static String note(ProgressReport report) {
		return "报告期：" + ChineseForms.period(report.period()) + "（" + report.period().start() + "至" + report.period().end()
				+ "），数据取报告期末及以前最近一期。指标数为全市口径的量化指标个数，状态含义见“指标进度”表；平均完成率为有数据指标完成率"
				+ "（超过100%按100%计）的平均值；已报进展任务为报送了任务进展的任务数；待核实问题为本报告期尚待核实的数据核对问题数。";
	}

}
