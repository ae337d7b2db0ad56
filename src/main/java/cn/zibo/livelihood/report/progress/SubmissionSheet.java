package cn.zibo.livelihood.report.progress;

import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;

import cn.zibo.livelihood.report.progress.ProgressReport.SubmissionRow;
import cn.zibo.livelihood.report.progress.ReportSheet.Column;
import cn.zibo.livelihood.report.progress.ReportStyles.Fill;
import cn.zibo.livelihood.report.progress.ReportStyles.Kind;

/**
 * 「报送文件」: every file received with figures of the period (reporting.submission), in the order
 * received, with what became of it; the status cell carries its colour.
 */
final class SubmissionSheet {

	static final String NAME = "报送文件";

	static final List<Column> COLUMNS = List.of(new Column("报送编号", 8), new Column("部门", 22), new Column("文件名", 44),
			new Column("接收时间", 16), new Column("所含报告期", 16), new Column("处理结果", 10), new Column("数据条数", 9),
			new Column("入库", 8), new Column("退回", 8));

	static final int FILE = 2;

	static final int STATUS = 5;

	static final String NOTE = "收到的含本报告期数据的文件及处理结果（回执已发给报送部门）。已退回的文件整份未入库，问题见其回执，"
			+ "其报告期据其中的数据和文件名判断（无从判断的不在此列）；已被更正=同一部门同一报告期后来的文件替代了它的数据。";

	private SubmissionSheet() {
	}

	static void write(Workbook workbook, ReportStyles styles, ProgressReport report) {
		ReportSheet sheet = ReportSheet.start(workbook, styles, report, NAME, NOTE, COLUMNS, 0);
		for (SubmissionRow s : report.submissions()) {
			Row row = sheet.next();
			sheet.number(row, 0, s.id(), styles.cell(Fill.NONE, Kind.CENTER));
			sheet.text(row, 1, s.department(), styles.cell(Fill.NONE, Kind.WRAP));
			sheet.departmentText(row, FILE, s.fileName(), styles.cell(Fill.NONE, Kind.WRAP));
			sheet.time(row, 3, s.receivedAt(), styles.cell(Fill.NONE, Kind.TIME));
			sheet.text(row, 4, String.join("、", s.periods().stream().map(ReportWords::period).toList()), styles.cell(Fill.NONE, Kind.WRAP));
			sheet.text(row, STATUS, ReportWords.chinese(s.status()), styles.strong(ReportWords.fill(s.status()), Kind.CENTER));
			sheet.number(row, 6, s.figures(), styles.cell(Fill.NONE, Kind.INTEGER));
			sheet.number(row, 7, s.loaded(), styles.cell(Fill.NONE, Kind.INTEGER));
			sheet.number(row, 8, s.rejected(), styles.cell(Fill.NONE, Kind.INTEGER));
			sheet.fit(row, 1, FILE, 4);
		}
		if (report.submissions().isEmpty()) {
			sheet.empty("本报告期尚未收到报送文件。");
		}
		sheet.finish();
	}

}
