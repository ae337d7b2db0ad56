package cn.zibo.livelihood.report.progress;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;

import cn.zibo.livelihood.report.progress.ProgressReport.CompletenessRow;
import cn.zibo.livelihood.report.progress.ReportSheet.Column;
import cn.zibo.livelihood.report.progress.ReportStyles.Fill;
import cn.zibo.livelihood.report.progress.ReportStyles.Kind;

/**
 * 「报送情况」: per department with an inbox, what it was due to report for the reporting periods
 * ending within the period and what it reported (reporting.department_completeness), those with most
 * missing first. Each row is painted in its status colour.
 */
final class CompletenessSheet {

	static final String NAME = "报送情况";

	static final List<Column> COLUMNS = List.of(new Column("部门", 22), new Column("报送期", 13), new Column("截止日期", 11),
			new Column("应报指标", 9), new Column("已报", 8), new Column("未报", 8), new Column("报送率", 8),
			new Column("最后报送时间", 16), new Column("报送状态", 11));

	static final int EXPECTED = 3;

	static final int REPORTED = 4;

	static final int STATUS = 8;

	static final String NOTE = "按报送日历统计各部门应报与已报的指标数：应报=所牵头任务中到期的指标（含任务进展），"
			+ "已报=报送期末已有数据的指标。按时报齐=截止日期前报齐；逾期报齐=截止日期后报齐；未报齐、未报送=截止日期已过仍缺报；"
			+ "未到截止日=尚未到期。";

	/** Worst first: nothing at all, then some missing, late, not yet due, on time. */
	private static final List<String> ORDER = List.of("missing", "incomplete", "late", "pending", "on_time");

	private CompletenessSheet() {
	}

	static void write(Workbook workbook, ReportStyles styles, ProgressReport report) {
		ReportSheet sheet = ReportSheet.start(workbook, styles, report, NAME, NOTE, COLUMNS, 1);
		List<CompletenessRow> rows = report.completeness()
			.stream()
			.sorted(Comparator.comparing((CompletenessRow c) -> rank(c.status()))
				.thenComparing(CompletenessRow::missing, Comparator.reverseOrder()))
			.toList();
		for (CompletenessRow c : rows) {
			Fill fill = ReportWords.fill(c.status());
			Row row = sheet.next();
			sheet.text(row, 0, c.department(), styles.cell(fill, Kind.TEXT));
			sheet.text(row, 1, ReportWords.period(c.period()), styles.cell(fill, Kind.CENTER));
			sheet.date(row, 2, c.dueDate(), styles.cell(fill, Kind.DATE));
			sheet.number(row, EXPECTED, c.expected(), styles.cell(fill, Kind.INTEGER));
			sheet.number(row, REPORTED, c.reported(), styles.cell(fill, Kind.INTEGER));
			sheet.number(row, 5, c.missing(), styles.cell(fill, Kind.INTEGER));
			sheet.number(row, 6, c.expected() == 0 ? null
					: BigDecimal.valueOf(c.reported()).divide(BigDecimal.valueOf(c.expected()), 4, RoundingMode.HALF_UP),
					styles.cell(fill, Kind.PERCENT));
			sheet.time(row, 7, c.lastSubmissionAt(), styles.cell(fill, Kind.TIME));
			sheet.text(row, STATUS, ReportWords.chinese(c.status()), styles.strong(fill, Kind.CENTER));
		}
		if (rows.isEmpty()) {
			sheet.empty("报送日历中没有在本报告期内结束的报送期（或报送期尚未结束）。");
		}
		sheet.finish();
	}

	private static int rank(String status) {
		int rank = ORDER.indexOf(status);
		return rank < 0 ? ORDER.size() : rank;
	}

}
