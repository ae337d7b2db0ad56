package cn.zibo.livelihood.report.progress;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTBarChart;
import org.openxmlformats.schemas.drawingml.x2006.chart.STBarGrouping;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.zibo.livelihood.PipelineIntegrationTest;
import cn.zibo.livelihood.ingest.IngestFixture;
import cn.zibo.livelihood.reconcile.Reconciler;
import cn.zibo.livelihood.validate.Period;

import static cn.zibo.livelihood.report.progress.ProgressWorkbookCells.fill;
import static cn.zibo.livelihood.report.progress.ProgressWorkbookCells.plain;
import static cn.zibo.livelihood.report.progress.ProgressWorkbookCells.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The progress workbook of 2022Q1 over figures loaded through the real ingest and reconciled: it
 * opens with POI, has its sheets and headers, and every figure in it is the reporting views'. The
 * departments say something of every kind: 市文化和旅游局 a district sum that exceeds its 全市 figure
 * (T094-01), a running total that falls from 2022-01 to 2022Q1 (T095-01) and a figure its co-lead
 * 市交通运输局 disputes (T099-01), in a file whose name, remark and narrative start with "=";
 * 市农业农村局 an annual target reached (T083-01) and its task done; 市体育局 a figure for 2022Q1 and
 * a later one for 2022-04. Periods 2022-01 … 2022-04 and these indicators belong to this class.
 */
@PipelineIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportWorkbookIntegrationTests {

	static final String FORMULA = "=HYPERLINK(\"http://x\",\"y\")";

	static final String FILE = "=文旅局报表_2022年第一季度.csv";

	static final Period PERIOD = Period.quarter(2022, 1);

	@Autowired
	IngestFixture fixture;

	@Autowired
	Reconciler reconciler;

	@Autowired
	ProgressReports reports;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	static Path dir;

	XSSFWorkbook workbook;

	ProgressWorkbookCells read;

	@BeforeAll
	void departmentsReportedAndReconciledThenTheReportIsWritten() throws Exception {
		fixture.reset();
		fixture.drop("市文化和旅游局", "文旅_2022-01.csv", "指标编码,区县,报告期,数值\nT095-01,全市,2022-01,180\n",
				StandardCharsets.UTF_8);
		fixture.drop("市文化和旅游局", FILE, """
				指标编码,区县,报告期,数值,单位,备注
				T094-01,全市,2022Q1,20,处,"=HYPERLINK(""http://x"",""y"")"
				T094-01,张店区,2022Q1,15,处,
				T094-01,淄川区,2022Q1,10,处,
				T095-01,全市,2022Q1,170,场,
				T099-01,全市,2022Q1,52,家,
				T094-00,全市,2022Q1,推进中,,"=HYPERLINK(""http://x"",""y"")"
				""", StandardCharsets.UTF_8);
		fixture.drop("市交通运输局", "交通_2022Q1.csv", "指标编码,区县,报告期,数值\nT099-01,全市,2022Q1,55\n",
				StandardCharsets.UTF_8);
		fixture.drop("市农业农村局", "农业_2022Q1.csv", """
				指标编码,区县,报告期,数值,备注
				T083-01,全市,2022Q1,22,
				T083-00,全市,2022Q1,已完成,数字农业应用场景年度目标已提前完成
				""", StandardCharsets.UTF_8);
		fixture.drop("市体育局", "体育_2022Q1.csv", "指标编码,区县,报告期,数值\nT100-01,全市,2022Q1,3.6\n", StandardCharsets.UTF_8);
		fixture.drop("市体育局", "体育_2022-04.csv", "指标编码,区县,报告期,数值\nT100-01,全市,2022-04,3.9\n",
				StandardCharsets.UTF_8);
		fixture.ingest();
		assertThat(jdbc.sql("SELECT count(*) FROM reporting.submission WHERE file_name = ? AND status = 'loaded'")
			.param(FILE)
			.query(Long.class)
			.single()).as("the file named like a formula loaded").isEqualTo(1);
		reconciler.run();
		Path file = dir.resolve("进展_2022Q1.xlsx");
		reports.write(reports.read(PERIOD), file);
		try (InputStream in = Files.newInputStream(file)) {
			workbook = new XSSFWorkbook(in);
		}
		read = new ProgressWorkbookCells(workbook);
	}

	@AfterAll
	void close() throws Exception {
		workbook.close();
	}

	@Test
	void theWorkbookHasItsSheetsInOrderEachWithItsHeaderRow() {
		List<String> names = new ArrayList<>();
		workbook.forEach(sheet -> names.add(sheet.getSheetName()));

		assertThat(names).containsExactly("总览", "指标进度", "任务进展", "数据核对", "报送情况", "报送文件");
		assertThat(read.headers("指标进度")).containsExactly("专项行动", "任务编号", "指标编码", "指标名称", "牵头部门", "单位", "目标值",
				"截止时间", "实际值", "数据期", "完成率", "序时进度", "状态", "填报部门", "备注");
		assertThat(read.headers("任务进展")).containsExactly("任务编号", "专项行动", "任务内容", "牵头部门", "量化指标情况", "填报部门",
				"进展状态", "进展说明", "报告期");
		assertThat(read.headers("数据核对")).containsExactly("序号", "问题类型", "任务编号", "指标编码", "指标名称", "区县", "报告期",
				"涉及部门", "情况说明", "状态", "发现时间", "关闭时间");
		assertThat(read.headers("报送情况")).containsExactly("部门", "报送期", "截止日期", "应报指标", "已报", "未报", "报送率",
				"最后报送时间", "报送状态");
		assertThat(read.headers("报送文件")).containsExactly("报送编号", "部门", "文件名", "接收时间", "所含报告期", "处理结果", "数据条数",
				"入库", "退回");
		assertThat(text(workbook.getSheet("总览").getRow(0).getCell(0))).isEqualTo(
				"淄博市建设高品质民生促进共同富裕113项重点任务进展情况（2022年第一季度）");
	}

	@Test
	void everyIndicatorRowHoldsTheProgressViewsFiguresAsAtThePeriodsEnd() {
		List<Map<String, Object>> view = jdbc.sql("""
				SELECT * FROM reporting.indicator_progress_at(?) WHERE district_code = '370300'
				ORDER BY task_no, indicator_code""").param(PERIOD.end()).query().listOfRows();
		List<Row> rows = read.rows("指标进度");

		assertThat(rows).hasSameSizeAs(view).hasSize(128);
		for (int i = 0; i < view.size(); i++) {
			assertIndicatorRow(rows.get(i), view.get(i));
		}
	}

	@Test
	void indicatorsReportedOnlyUpToThePeriodEqualTheProgressViewItself() {
		for (String code : List.of("T083-01", "T094-01", "T095-01", "T099-01")) {
			assertIndicatorRow(read.indicatorRow(code), jdbc.sql("""
					SELECT * FROM reporting.indicator_progress WHERE indicator_code = ? AND district_code = '370300'""")
				.param(code)
				.query()
				.singleRow());
		}
		assertThat(read.cells(read.indicatorRow("T083-01"), "实际值", "数据期", "状态")).containsExactly("22", "2022年第一季度",
				"已完成");
		assertThat(read.cells(read.indicatorRow("T095-01"), "完成率", "状态")).containsExactly("0.85", "序时推进");
		assertThat(read.cells(read.indicatorRow("T099-01"), "实际值", "填报部门")).as("the first lead's figure of the two")
			.containsExactly("52", "市文化和旅游局");
	}

	@Test
	void aFigureOfALaterPeriodIsLeftOutOfThePeriodsReport() {
		assertThat(read.cells(read.indicatorRow("T100-01"), "实际值", "数据期")).containsExactly("3.6", "2022年第一季度");
		assertThat(jdbc.sql("SELECT trim_scale(value) || ' ' || latest_period FROM reporting.indicator_progress"
				+ " WHERE indicator_code = 'T100-01' AND district_code = '370300'").query(String.class).single())
			.as("while the view, with no cut-off, shows the later one").isEqualTo("3.9 2022-04");
	}

	@Test
	void textFromDepartmentsThatLooksLikeAFormulaIsATextCellNeverAFormula() {
		Cell remark = read.indicatorRow("T094-01").getCell(read.column("指标进度", "备注"));
		Cell narrative = read.taskRows(94).get(0).getCell(read.column("任务进展", "进展说明"));
		Cell fileName = read.rows("报送文件").stream()
			.map(r -> r.getCell(read.column("报送文件", "文件名")))
			.filter(c -> FILE.equals(text(c)))
			.findFirst()
			.orElseThrow();

		for (Cell cell : List.of(remark, narrative, fileName)) {
			assertThat(cell.getCellType()).as(cell.getAddress().toString()).isEqualTo(CellType.STRING);
			assertThat(cell.getCellStyle().getQuotePrefixed()).as("marked as text").isTrue();
		}
		assertThat(remark.getStringCellValue()).isEqualTo(FORMULA);
		assertThat(narrative.getStringCellValue()).isEqualTo(FORMULA);
		List<String> formulas = new ArrayList<>();
		workbook.forEach(sheet -> sheet.forEach(row -> row.forEach(cell -> {
			if (cell.getCellType() == CellType.FORMULA) {
				formulas.add(sheet.getSheetName() + "!" + cell.getAddress());
			}
		})));
		assertThat(formulas).as("no formula anywhere").isEmpty();
	}

	@Test
	void indicatorRowsArePaintedInTheirStatusColourAcrossTheRow() {
		Map<String, String> colours = Map.of("T083-01", "C6EFCE", "T095-01", "DDEBF7", "T094-01", "FFC7CE", "T096-01",
				"E7E6E6");

		colours.forEach((code, rgb) -> {
			Row row = read.indicatorRow(code);
			for (Cell cell : row) {
				assertThat(fill(cell)).as(code + " " + cell.getAddress()).isEqualTo(rgb);
			}
		});
		assertThat(fill(read.taskRows(83).get(0).getCell(read.column("任务进展", "进展状态")))).isEqualTo("C6EFCE");
		assertThat(text(read.taskRows(94).get(0).getCell(read.column("任务进展", "进展状态")))).isEqualTo("推进中");
		assertThat(read.cells(read.taskRows(95).get(0), "进展状态", "填报部门")).containsExactly("未报送", "");
	}

	@Test
	void theDiscrepancySheetListsThePeriodsFindingsAsTheViewRecordsThem() {
		List<Map<String, Object>> view = jdbc.sql("""
				SELECT kind, indicator_code, details, status FROM reporting.discrepancy
				WHERE period IN ('2022Q1', '2022-01', '2022-02', '2022-03')
				ORDER BY status = 'open' DESC, kind, indicator_code, district_code, period, discrepancy_id""")
			.query()
			.listOfRows();
		List<Row> rows = read.rows("数据核对");

		assertThat(rows).hasSameSizeAs(view);
		for (int i = 0; i < view.size(); i++) {
			assertThat(read.cells(rows.get(i), "指标编码", "情况说明", "状态")).containsExactly(
					(String) view.get(i).get("indicator_code"), (String) view.get(i).get("details"),
					ReportWords.chinese((String) view.get(i).get("status")));
		}
		assertThat(rows.stream().map(r -> String.join(" ", read.cells(r, "问题类型", "指标编码", "涉及部门", "状态"))))
			.contains("牵头部门数值不一致 T099-01 市文化和旅游局、市交通运输局 待核实", "累计值下降 T095-01 市文化和旅游局 待核实",
					"区县合计与全市不符 T094-01 市文化和旅游局 待核实");
		assertThat(rows.stream().map(r -> text(r.getCell(read.column("数据核对", "情况说明")))))
			.anySatisfy(details -> assertThat(details).contains("《" + FILE + "》"));
	}

	@Test
	void theCompletenessSheetHoldsTheViewsRowsForThePeriodMostMissingFirst() {
		Map<String, Map<String, Object>> view = new HashMap<>();
		jdbc.sql("SELECT * FROM reporting.department_completeness WHERE period = '2022Q1'")
			.query()
			.listOfRows()
			.forEach(m -> view.put((String) m.get("department"), m));
		List<Row> rows = read.rows("报送情况");

		assertThat(rows).hasSize(view.size()).hasSizeGreaterThan(30);
		for (Row row : rows) {
			Map<String, Object> expected = view.get(text(row.getCell(0)));
			assertThat(read.cells(row, "应报指标", "已报", "未报", "报送状态")).as(text(row.getCell(0)))
				.containsExactly(expected.get("expected").toString(), expected.get("reported").toString(),
						expected.get("missing").toString(), ReportWords.chinese((String) expected.get("status")));
		}
		assertThat(text(rows.get(rows.size() - 1).getCell(read.column("报送情况", "报送状态")))).isNotEqualTo("未报送");
		assertThat(text(rows.get(0).getCell(read.column("报送情况", "报送状态")))).isEqualTo("未报送");
	}

	@Test
	void theOverviewCountsEachCampaignsIndicatorsByStatusAsTheViewGivesThemAndChartsThem() {
		List<List<String>> view = jdbc.sql("""
				SELECT t.campaign_no, count(*), count(*) FILTER (WHERE p.status = 'achieved'),
				       count(*) FILTER (WHERE p.status = 'on_track'), count(*) FILTER (WHERE p.status = 'behind'),
				       count(*) FILTER (WHERE p.status = 'no_data'),
				       round(avg(CASE WHEN p.completion_rate IS NOT NULL THEN least(p.completion_rate, 1) END), 4)
				FROM reporting.indicator_progress_at(?) p JOIN reporting.task t USING (task_no)
				WHERE p.district_code = '370300' GROUP BY t.campaign_no ORDER BY t.campaign_no""")
			.param(PERIOD.end())
			.query((rs, n) -> List.of(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
					rs.getBigDecimal(7) == null ? "" : rs.getBigDecimal(7).stripTrailingZeros().toPlainString()))
			.list();
		XSSFSheet overview = workbook.getSheet("总览");

		for (int c = 0; c < 5; c++) {
			Row row = overview.getRow(5 + c);
			List<String> shown = new ArrayList<>();
			for (int col = 3; col <= 8; col++) {
				shown.add(text(row.getCell(col)));
			}
			assertThat(shown).as(text(row.getCell(0))).isEqualTo(view.get(c));
		}
		assertThat(text(overview.getRow(10).getCell(0))).isEqualTo("合计");
		assertThat(text(overview.getRow(10).getCell(3))).isEqualTo("128");
		List<XSSFChart> charts = overview.getDrawingPatriarch().getCharts();
		assertThat(charts).hasSize(1);
		CTBarChart bars = charts.get(0).getCTChart().getPlotArea().getBarChartArray(0);
		assertThat(bars.getGrouping().getVal()).isEqualTo(STBarGrouping.STACKED);
		assertThat(bars.getSerList()).extracting(s -> s.getVal().getNumRef().getF())
			.containsExactly("总览!$E$6:$E$10", "总览!$F$6:$F$10", "总览!$G$6:$G$10", "总览!$H$6:$H$10");
		assertThat(bars.getSerArray(0).getCat().getStrRef().getF()).isEqualTo("总览!$A$6:$A$10");
	}

	@Test
	void listSheetsFreezeTheirHeaderAndPrintLandscapeOnePageWideWithPageNumbers() {
		for (String name : List.of("指标进度", "任务进展", "数据核对", "报送情况", "报送文件")) {
			XSSFSheet sheet = workbook.getSheet(name);
			PaneInformation pane = sheet.getPaneInformation();

			assertThat(pane.isFreezePane()).as(name).isTrue();
			assertThat(pane.getHorizontalSplitPosition()).as(name).isEqualTo((short) 3);
			assertThat(sheet.getRepeatingRows().formatAsString()).as(name).isEqualTo("3:3");
			assertThat(sheet.getPrintSetup().getLandscape()).as(name).isTrue();
			assertThat(sheet.getPrintSetup().getFitWidth()).as(name).isEqualTo((short) 1);
			assertThat(sheet.getPrintSetup().getFitHeight()).as(name).isZero();
			assertThat(sheet.getFitToPage()).as(name).isTrue();
			assertThat(sheet.getFooter().getCenter()).as(name).isEqualTo("第 &P 页，共 &N 页");
			assertThat(sheet.getHeader().getLeft()).as(name).startsWith("淄博市建设高品质民生促进共同富裕113项重点任务进展情况");
			assertThat(sheet.getColumnWidth(read.column(name, read.headers(name).get(0)))).as(name).isGreaterThan(256 * 4);
		}
		assertThat(workbook.getSheet("总览").getPrintSetup().getLandscape()).isTrue();
	}

	private void assertIndicatorRow(Row row, Map<String, Object> view) {
		String code = (String) view.get("indicator_code");
		assertThat(read.cells(row, "指标编码", "任务编号", "指标名称", "单位", "目标值", "实际值", "数据期", "完成率", "序时进度", "状态"))
			.as(code)
			.containsExactly(code, view.get("task_no").toString(), (String) view.get("name"), (String) view.get("unit"),
					plain(view.get("target")), plain(view.get("value")),
					ReportWords.period((String) view.get("latest_period")),
					plain(view.get("completion_rate")), plain(view.get("expected_rate")),
					ReportWords.chinese((String) view.get("status")));
	}

}
