package cn.zibo.livelihood.report.progress;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;

import cn.zibo.livelihood.report.progress.ProgressReport.IndicatorRow;
import cn.zibo.livelihood.report.progress.ProgressReport.Task;
import cn.zibo.livelihood.report.progress.ReportSheet.Column;
import cn.zibo.livelihood.report.progress.ReportStyles.Fill;
import cn.zibo.livelihood.report.progress.ReportStyles.Kind;

/**
 * 「指标进度」: every quantitative indicator of the catalogue at 全市, as at the period's end, one row
 * each in task order, the whole row painted in its status colour. Targets and figures are number
 * cells (the comparator is part of the target's number format), rates are percentages.
 */
final class IndicatorSheet {

	static final String NAME = "指标进度";

	static final List<Column> COLUMNS = List.of(new Column("专项行动", 9), new Column("任务编号", 6),
			new Column("指标编码", 9), new Column("指标名称", 24), new Column("牵头部门", 20), new Column("单位", 8),
			new Column("目标值", 14), new Column("截止时间", 11), new Column("实际值", 14), new Column("数据期", 13),
			new Column("完成率", 8), new Column("序时进度", 8), new Column("状态", 9), new Column("填报部门", 14),
			new Column("备注", 26));

	static final int TARGET = 6;

	static final int VALUE = 8;

	static final int COMPLETION = 10;

	static final int EXPECTED = 11;

	static final int STATUS = 12;

	static final int REMARK = 14;

	static final String NOTE = "全市口径，每项量化指标一行，取报告期末及以前最近一期的数据（见“数据期”）。完成率=实际值/目标值（“≤”类指标为"
			+ "目标值/实际值）；序时进度=数据期末已过时间占指标时限（2022年1月1日至截止时间，年度指标为当年）的比例。"
			+ "状态：已完成=达到目标；序时推进=完成率不低于序时进度；滞后=低于序时进度；无数据=尚无报送。"
			+ "牵头部门数值不一致时采用排名第一的牵头部门的数值（见“数据核对”）；“区县汇总”为各区县数之和。";

	private IndicatorSheet() {
	}

	static void write(Workbook workbook, ReportStyles styles, ProgressReport report) {
		ReportSheet sheet = ReportSheet.start(workbook, styles, report, NAME, NOTE, COLUMNS, 4);
		Map<Integer, Task> tasks = report.tasks().stream().collect(Collectors.toMap(Task::no, Function.identity()));
		for (IndicatorRow i : report.indicators()) {
			Task task = tasks.get(i.taskNo());
			Fill fill = ReportWords.fill(i.status());
			Row row = sheet.next();
			sheet.text(row, 0, task == null ? "" : ReportWords.shortCampaign(task.campaignName()), styles.cell(fill, Kind.CENTER));
			sheet.number(row, 1, BigDecimal.valueOf(i.taskNo()), styles.cell(fill, Kind.CENTER));
			sheet.text(row, 2, i.code(), styles.cell(fill, Kind.CENTER));
			sheet.text(row, 3, i.name(), styles.cell(fill, Kind.WRAP));
			sheet.text(row, 4, task == null ? "" : String.join("、", task.leads()), styles.cell(fill, Kind.WRAP));
			sheet.text(row, 5, i.unit(), styles.cell(fill, Kind.CENTER));
			sheet.number(row, TARGET, i.target(),
					styles.target(fill, kind(i.target()), ReportWords.comparator(i.comparator())));
			sheet.text(row, 7, i.deadline() == null ? "每年" : i.deadline().toString(), styles.cell(fill, Kind.CENTER));
			sheet.number(row, VALUE, i.value(), styles.cell(fill, kind(i.value())));
			sheet.text(row, 9, ReportWords.period(i.period()), styles.cell(fill, Kind.CENTER));
			sheet.number(row, COMPLETION, i.completionRate(), styles.cell(fill, Kind.PERCENT));
			sheet.number(row, EXPECTED, i.expectedRate(), styles.cell(fill, Kind.PERCENT));
			sheet.text(row, STATUS, ReportWords.chinese(i.status()), styles.strong(fill, Kind.CENTER));
			sheet.text(row, 13, source(i), styles.cell(fill, Kind.WRAP));
			sheet.departmentText(row, REMARK, i.remark(), styles.cell(fill, Kind.WRAP));
			sheet.fit(row, 3, 4, 13, REMARK);
		}
		sheet.finish();
	}

	/** Who the figure comes from: the department, or 区县汇总 for a 全市 sum of districts' figures. */
	private static String source(IndicatorRow i) {
		if (i.derived()) {
			return i.department() == null ? "区县汇总" : "区县汇总（" + i.department() + "）";
		}
		return i.department();
	}

	/** Whole numbers without decimals, others with up to four. */
	static Kind kind(BigDecimal value) {
		return value == null || value.stripTrailingZeros().scale() <= 0 ? Kind.INTEGER : Kind.DECIMAL;
	}

}
