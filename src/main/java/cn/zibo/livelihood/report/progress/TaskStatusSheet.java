package cn.zibo.livelihood.report.progress;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.usermodel.Workbook;

import cn.zibo.livelihood.report.progress.ProgressReport.IndicatorRow;
import cn.zibo.livelihood.report.progress.ProgressReport.StatusRow;
import cn.zibo.livelihood.report.progress.ProgressReport.Task;
import cn.zibo.livelihood.report.progress.ReportSheet.Column;
import cn.zibo.livelihood.report.progress.ReportStyles.Fill;
import cn.zibo.livelihood.report.progress.ReportStyles.Kind;

/**
 * 「任务进展」: all 113 tasks in order, each with the progress (T…-00) its leads reported and their
 * narratives, one row per reporting lead (the task's own cells merged over them), 未报送 when none
 * did. The status cells carry the status colour; the task's indicators are summed up beside it.
 */
final class TaskStatusSheet {

	static final String NAME = "任务进展";

	static final List<Column> COLUMNS = List.of(new Column("任务编号", 6), new Column("专项行动", 9),
			new Column("任务内容", 50), new Column("牵头部门", 18), new Column("量化指标情况", 18), new Column("填报部门", 16),
			new Column("进展状态", 9), new Column("进展说明", 40), new Column("报告期", 13));

	static final int DEPARTMENT = 5;

	static final int STATUS = 6;

	static final int NARRATIVE = 7;

	static final String NOTE = "每项任务列出牵头部门报送的任务进展（任务进展行）：取报告期末及以前最近一期（见“报告期”），几个牵头部门都报送的各占一行；"
			+ "无人报送的为“未报送”。量化指标情况按“指标进度”表的状态计数。";

	private TaskStatusSheet() {
	}

	static void write(Workbook workbook, ReportStyles styles, ProgressReport report) {
		ReportSheet sheet = ReportSheet.start(workbook, styles, report, NAME, NOTE, COLUMNS, 3);
		Map<Integer, List<StatusRow>> byTask = report.statuses().stream().collect(Collectors.groupingBy(StatusRow::taskNo));
		Map<Integer, List<IndicatorRow>> indicators = report.indicators()
			.stream()
			.collect(Collectors.groupingBy(IndicatorRow::taskNo));
		for (Task task : report.tasks()) {
			List<StatusRow> statuses = byTask.getOrDefault(task.no(), List.of());
			List<Row> rows = new ArrayList<>();
			for (int i = 0; i < Math.max(1, statuses.size()); i++) {
				StatusRow status = i < statuses.size() ? statuses.get(i) : null;
				Row row = sheet.next();
				rows.add(row);
				sheet.number(row, 0, BigDecimal.valueOf(task.no()), styles.cell(Fill.NONE, Kind.CENTER));
				sheet.text(row, 1, ReportWords.shortCampaign(task.campaignName()), styles.cell(Fill.NONE, Kind.CENTER));
				sheet.text(row, 2, task.text(), styles.cell(Fill.NONE, Kind.WRAP));
				sheet.text(row, 3, String.join("、", task.leads()), styles.cell(Fill.NONE, Kind.WRAP));
				sheet.text(row, 4, indicatorSummary(indicators.getOrDefault(task.no(), List.of())),
						styles.cell(Fill.NONE, Kind.WRAP));
				Fill fill = status == null ? Fill.GREY : ReportWords.fill(status.status());
				sheet.text(row, DEPARTMENT, status == null ? "" : department(status), styles.cell(Fill.NONE, Kind.WRAP));
				sheet.text(row, STATUS, status == null ? ReportWords.NOT_REPORTED : ReportWords.chinese(status.status()),
						styles.strong(fill, Kind.CENTER));
				sheet.departmentText(row, NARRATIVE, status == null ? null : status.narrative(), styles.cell(Fill.NONE, Kind.WRAP));
				sheet.text(row, 8, status == null ? "" : ReportWords.period(status.period()), styles.cell(Fill.NONE, Kind.CENTER));
			}
			fit(sheet, rows);
		}
		sheet.finish();
	}

	/**
	 * Heights for one task's rows: each shows its own lead's narrative, and together they show the
	 * task's text, which is merged over them when several leads reported.
	 */
	private static void fit(ReportSheet sheet, List<Row> rows) {
		int taskLines = sheet.lines(rows.get(0), 2, 3, 4);
		int[] lines = rows.stream().mapToInt(row -> sheet.lines(row, DEPARTMENT, NARRATIVE)).toArray();
		int shortBy = taskLines - Arrays.stream(lines).sum();
		for (int i = 0; i < rows.size(); i++) {
			ReportSheet.height(rows.get(i), lines[i] + Math.max(0, (shortBy + rows.size() - 1) / rows.size()));
		}
		int first = rows.get(0).getRowNum();
		int last = first + rows.size() - 1;
		for (int col = 0; last > first && col <= 4; col++) {
			sheet.sheet.addMergedRegion(new CellRangeAddress(first, last, col, col));
		}
	}

	/** 4项:已完成1、滞后2、无数据1, or 无量化指标 for a task that only reports its progress. */
	static String indicatorSummary(List<IndicatorRow> indicators) {
		if (indicators.isEmpty()) {
			return "无量化指标";
		}
		Map<String, Long> counts = indicators.stream().collect(Collectors.groupingBy(IndicatorRow::status, Collectors.counting()));
		return indicators.size() + "项：" + ReportWords.PROGRESS.stream()
			.filter(counts::containsKey)
			.map(s -> ReportWords.chinese(s) + counts.get(s))
			.collect(Collectors.joining("、"));
	}

	private static String department(StatusRow status) {
		return status.district() == null ? status.department() : status.department() + "(" + status.district() + ")";
	}

}
