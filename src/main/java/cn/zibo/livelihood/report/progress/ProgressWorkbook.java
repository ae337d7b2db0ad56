package cn.zibo.livelihood.report.progress;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import org.apache.poi.ooxml.POIXMLProperties.CoreProperties;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The consolidated progress workbook (进展情况汇总表) as .xlsx: 总览, 指标进度, 任务进展, 数据核对,
 * 报送情况 and 报送文件, in that order. The overview, with its chart, is an XSSF sheet; the lists
 * are streamed (SXSSF, inline strings): XSSF's shared strings table serialises every string to XML
 * to look it up, which made the lists the slowest part of the report.
 */
final class ProgressWorkbook {

	/** The sheets, in order. */
	public static final List<String> SHEETS = List.of(OverviewSheet.NAME, IndicatorSheet.NAME, TaskStatusSheet.NAME,
			DiscrepancySheet.NAME, CompletenessSheet.NAME, SubmissionSheet.NAME);

	/** Rows kept in memory per streamed sheet: enough for one task's rows, which are merged. */
	private static final int ROWS_IN_MEMORY = 200;

	private ProgressWorkbook() {
	}

	public static void write(ProgressReport report, OutputStream out) throws IOException {
		try (XSSFWorkbook charted = new XSSFWorkbook()) {
			ReportStyles styles = new ReportStyles(charted);
			OverviewSheet.write(charted, styles, report);
			try (SXSSFWorkbook workbook = new SXSSFWorkbook(charted, ROWS_IN_MEMORY)) {
				IndicatorSheet.write(workbook, styles, report);
				TaskStatusSheet.write(workbook, styles, report);
				DiscrepancySheet.write(workbook, styles, report);
				CompletenessSheet.write(workbook, styles, report);
				SubmissionSheet.write(workbook, styles, report);
				workbook.setActiveSheet(0);
				CoreProperties core = charted.getProperties().getCoreProperties();
				core.setTitle(report.title());
				core.setCreator("民生113项重点任务报送系统");
				workbook.write(out);
			}
		}
	}

}
