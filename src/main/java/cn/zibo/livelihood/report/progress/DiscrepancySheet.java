package cn.zibo.livelihood.report.progress;

import java.math.BigDecimal;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;

import cn.zibo.livelihood.report.progress.ProgressReport.DiscrepancyRow;
import cn.zibo.livelihood.report.progress.ReportSheet.Column;
import cn.zibo.livelihood.report.progress.ReportStyles.Fill;
import cn.zibo.livelihood.report.progress.ReportStyles.Kind;

/**
 * 「数据核对」: what reconciliation found about the period's figures (reporting.discrepancy), the
 * open findings first, then those a later submission closed; the details name who reported what in
 * which file. Open rows are orange, closed ones grey.
 */
final class DiscrepancySheet {

	static final String NAME = "数据核对";

	static final List<Column> COLUMNS = List.of(new Column("序号", 5), new Column("问题类型", 12), new Column("任务编号", 6),
			new Column("指标编码", 9), new Column("指标名称", 18), new Column("区县", 9), new Column("报告期", 13),
			new Column("涉及部门", 18), new Column("情况说明", 64), new Column("状态", 8), new Column("发现时间", 16),
			new Column("关闭时间", 16));

	static final int DETAILS = 8;

	static final int STATUS = 9;

	static final String NOTE = "数据核对发现的本报告期（含其中各月、季度）数据问题：牵头部门数值不一致、区县合计与全市不符、"
			+ "累计值下降、异常值。“待核实”的问题请涉及部门核对后重新报送更正；更正入库并再次核对后自动关闭。";

	private DiscrepancySheet() {
	}

	static void write(Workbook workbook, ReportStyles styles, ProgressReport report) {
		ReportSheet sheet = ReportSheet.start(workbook, styles, report, NAME, NOTE, COLUMNS, 0);
		int n = 0;
		for (DiscrepancyRow d : report.discrepancies()) {
			Fill fill = ReportWords.fill(d.status());
			Row row = sheet.next();
			sheet.number(row, 0, ++n, styles.cell(fill, Kind.CENTER));
			sheet.text(row, 1, ReportWords.chinese(d.kind()), styles.cell(fill, Kind.WRAP));
			sheet.number(row, 2, d.taskNo() == null ? null : BigDecimal.valueOf(d.taskNo()), styles.cell(fill, Kind.CENTER));
			sheet.text(row, 3, d.indicatorCode(), styles.cell(fill, Kind.CENTER));
			sheet.text(row, 4, d.indicatorName(), styles.cell(fill, Kind.WRAP));
			sheet.text(row, 5, d.district() == null ? "全市" : d.district(), styles.cell(fill, Kind.CENTER));
			sheet.text(row, 6, ReportWords.period(d.period()), styles.cell(fill, Kind.CENTER));
			sheet.text(row, 7, String.join("、", d.departments()), styles.cell(fill, Kind.WRAP));
			sheet.departmentText(row, DETAILS, d.details(), styles.cell(fill, Kind.WRAP));
			sheet.text(row, STATUS, ReportWords.chinese(d.status()), styles.strong(fill, Kind.CENTER));
			sheet.time(row, 10, d.detectedAt(), styles.cell(fill, Kind.TIME));
			sheet.time(row, 11, d.closedAt(), styles.cell(fill, Kind.TIME));
			sheet.fit(row, 1, 4, 7, DETAILS);
		}
		if (n == 0) {
			sheet.empty("本报告期未发现数据问题。");
		}
		sheet.finish();
	}

}
