package cn.zibo.livelihood.report;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;

import cn.zibo.livelihood.PipelineIntegrationTest;
import cn.zibo.livelihood.ingest.IngestFixture;
import cn.zibo.livelihood.report.progress.ProgressReports;
import cn.zibo.livelihood.report.template.Templates;
import cn.zibo.livelihood.validate.Period;

import static cn.zibo.livelihood.report.PrintedSheets.assertPrintsAsForm;
import static cn.zibo.livelihood.report.PrintedSheets.rawCodes;
import static cn.zibo.livelihood.report.PrintedSheets.rowStarting;
import static cn.zibo.livelihood.report.PrintedSheets.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a clerk and the city office print: a loaded and a refused receipt, a template and the
 * progress workbook, each sheet set up for A4 with page numbers, and not one code in what they read
 * (the receipt's 技术信息 section, last, is for operators). Task 110 (市交通运输局) in 2047Q2 is
 * this class's.
 */
@PipelineIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrintedFormsIntegrationTests {

	static final String FOLDER = "市交通运输局";

	static final String LOADED = "公交线路_2047年第二季度.csv";

	static final String REFUSED = "公交线路_有误_2047年第二季度.csv";

	static final Period PERIOD = Period.quarter(2047, 2);

	/** Columns holding what a department wrote, which is printed as written. */
	static final Set<String> DEPARTMENT_TEXT = Set.of("原值", "备注", "进展说明", "文件名");

	@Autowired
	IngestFixture fixture;

	@Autowired
	Templates templates;

	@Autowired
	ProgressReports reports;

	@TempDir
	static Path dir;

	XSSFWorkbook loaded;

	XSSFWorkbook refused;

	XSSFWorkbook template;

	XSSFWorkbook progress;

	@BeforeAll
	void aDepartmentSentAGoodAndABadFileAndTheOfficeMadeItsTemplateAndWorkbook() throws Exception {
		fixture.reset();
		fixture.drop(FOLDER, LOADED, """
				指标编码,区县,报告期,数值,备注
				T110-01,全市,2047年第二季度,12,
				T110-01,张店区,2047年第二季度,3,
				T110-00,全市,2047年第二季度,推进中,线路调整方案已报市政府
				""", StandardCharsets.UTF_8);
		fixture.drop(FOLDER, REFUSED, """
				指标编码,区县,报告期,数值
				T110-02,全市,2047年第二季度,约五条
				T110-02,张店区,2047年第二季度,2
				""", StandardCharsets.UTF_8);
		fixture.ingest();
		loaded = open(receipt(LOADED));
		refused = open(receipt(REFUSED));
		Path templateFile = dir.resolve("template.xlsx");
		templates.write(templates.department(FOLDER).orElseThrow(), PERIOD, templateFile);
		template = open(templateFile);
		Path workbookFile = dir.resolve("progress.xlsx");
		reports.write(reports.read(PERIOD), workbookFile);
		progress = open(workbookFile);
	}

	@AfterAll
	void close() throws Exception {
		for (XSSFWorkbook workbook : List.of(loaded, refused, template, progress)) {
			workbook.close();
		}
	}

	@Test
	void receiptsPrintOnA4OnePageWideWithATitleOnEverySheetAndTheListsHeaderOnEveryPage() {
		for (XSSFWorkbook receipt : List.of(loaded, refused)) {
			assertPrintsAsForm(receipt.getSheet("回执"), false, null);
			for (String list : List.of("问题清单", "已入库数据", "未入库数据")) {
				assertPrintsAsForm(receipt.getSheet(list), true, "2:2");
				assertThat(receipt.getSheet(list).getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 2);
			}
			Sheet summary = receipt.getSheet("回执");
			assertThat(summary.getColumnWidth(0) + summary.getColumnWidth(1)).as("a label and its text on one page width")
				.isLessThan(100 * 256);
			assertThat(summary.getRow(rowStarting(summary, "下一步")).getCell(1).getCellStyle().getWrapText()).isTrue();
			assertThat(receipt.getSheet("问题清单").getRow(1).getCell(5).getStringCellValue()).isEqualTo("说明");
		}
	}

	@Test
	void receiptsSayEverythingInChineseAndKeepTheTechnicalDetailsLastUnderTheirOwnHeading() {
		for (XSSFWorkbook receipt : List.of(loaded, refused)) {
			Sheet summary = receipt.getSheet("回执");
			int technical = rowStarting(summary, "三、技术信息");
			assertThat(technical).as("技术信息 is the last section").isPositive();
			assertThat(rawCodes(summary, technical, Set.of())).isEmpty();
			for (String list : List.of("问题清单", "已入库数据", "未入库数据")) {
				assertThat(rawCodes(receipt.getSheet(list), Integer.MAX_VALUE, DEPARTMENT_TEXT)).as(list).isEmpty();
			}
			List<String> technicalLabels = new ArrayList<>();
			for (int r = technical + 1; r <= summary.getLastRowNum(); r++) {
				technicalLabels.add(text(summary.getRow(r).getCell(0)));
			}
			assertThat(technicalLabels).contains("报送编号", "文件指纹（SHA-256）", "存档位置");
			assertThat(labels(summary, technical)).doesNotContain("报送编号", "文件指纹（SHA-256）", "读取的工作表")
				.contains("报告期", "原文件", "下一步");
			assertThat(value(summary, "报告期")).startsWith("2047年第二季度");
			assertThat(value(summary, "原文件")).contains("已从本文件夹取走", "原样存入系统存档", "市民生工作领导小组办公室");
			assertThat(value(summary, "文件格式")).startsWith("CSV文本文件");
		}
		assertThat(column(loaded.getSheet("已入库数据"), 7)).contains("推进中").doesNotContain("in_progress");
		assertThat(column(loaded.getSheet("已入库数据"), 4)).containsOnly("报告期", "2047年第二季度");
		assertThat(column(refused.getSheet("问题清单"), 5)).anyMatch(m -> m.contains("“约五条”不是数字"));
		assertThat(value(refused.getSheet("回执"), "报告期")).isEqualTo("2047年第二季度（据文件中的数据和文件名判断）");
		assertThat(value(refused.getSheet("回执"), "问题代码")).isEqualTo("not_a_number（1条）");
	}

	@Test
	void theTextReceiptSaysTheSameInFullWidthPunctuation() throws Exception {
		String text = Files.readString(receipt(REFUSED).resolveSibling(receipt(REFUSED).getFileName().toString()
			.replaceFirst("\\.xlsx$", ".txt")));
		int technical = text.indexOf("技术信息");
		assertThat(technical).isPositive();
		String forClerks = text.substring(0, technical);
		assertThat(forClerks).contains("报告期：2047年第二季度", "处理结果：未入库（退回）", "原文件：已从本文件夹取走")
			.doesNotContain("not_a_number", "2047Q2", "SHA-256");
		assertThat(forClerks.lines().filter(line -> !line.contains("“"))).noneMatch(line -> line.matches(".*[\\u4e00-\\u9fff][,:;()].*"));
	}

	@Test
	void theTemplatesSheetsPrintWithPageNumbersItsPeriodInChineseAndASignatureBlockUnderTheTable() {
		XSSFSheet data = template.getSheet("填报");
		assertPrintsAsForm(data, true, "3:3");
		assertPrintsAsForm(template.getSheet("填报说明"), false, null);
		assertThat(template.getSheet("填报说明").getRow(3).getCell(0).getCellStyle().getWrapText()).isTrue();
		assertThat(rawCodes(data, Integer.MAX_VALUE, Set.of())).isEmpty();
		assertThat(rawCodes(template.getSheet("填报说明"), Integer.MAX_VALUE, Set.of())).isEmpty();
		assertThat(text(data.getRow(3).getCell(4))).isEqualTo("2047年第二季度");
		int block = rowStarting(data, "填报单位（盖章）：");
		assertThat(data.getRow(block - 1) == null).as("a blank row between the table and the block").isTrue();
		List<String> labels = new ArrayList<>();
		for (int r = block; r <= block + 1; r++) {
			data.getRow(r).forEach(cell -> labels.add(text(cell)));
		}
		assertThat(labels).contains("填报单位（盖章）：", FOLDER, "填报人：", "联系电话：", "审核人：", "填报日期：");
		assertThat(data.getRow(block).getCell(5).getCellStyle().getLocked()).as("填报人 is the clerk's to fill").isFalse();
	}

	@Test
	void theWorkbooksSheetsPrintWithPageNumbersTheirPeriodsInChineseAndTheRefusedFileListed() {
		for (Sheet sheet : progress) {
			assertPrintsAsForm(sheet, true, sheet.getSheetName().equals("总览") ? null : "3:3");
			assertThat(rawCodes(sheet, Integer.MAX_VALUE, DEPARTMENT_TEXT)).as(sheet.getSheetName()).isEmpty();
			assertThat(text(sheet.getRow(1).getCell(0))).doesNotContain("etl.", "reconcile");
		}
		Sheet files = progress.getSheet("报送文件");
		List<String> rows = new ArrayList<>();
		for (int r = 3; r <= files.getLastRowNum(); r++) {
			rows.add(text(files.getRow(r).getCell(2)) + " " + text(files.getRow(r).getCell(4)) + " "
					+ text(files.getRow(r).getCell(5)));
		}
		assertThat(rows).containsExactly(LOADED + " 2047年第二季度 已入库", REFUSED + " 2047年第二季度 已退回");
	}

	@Test
	void theOverviewsSectionTableStartsEveryPageItRunsOntoWithItsHeader() {
		Sheet overview = progress.getSheet("总览");
		int table = rowStarting(overview, "专项行动/篇章");
		int[] breaks = overview.getRowBreaks();
		assertThat(breaks).as("the section table starts a page").contains(table - 2);
		for (int b : breaks) {
			if (b >= table) {
				assertThat(text(overview.getRow(b + 1).getCell(0))).as("row after the break at " + (b + 1))
					.isEqualTo("专项行动/篇章");
			}
		}
		float onAPage = 0;
		for (int r = table - 1; r <= overview.getLastRowNum(); r++) {
			if (contains(breaks, r - 1)) {
				onAPage = 0;
			}
			onAPage += overview.getRow(r).getHeightInPoints();
			assertThat(onAPage).as("row %d fits on its landscape page", r + 1).isLessThan(500);
		}
	}

	private static boolean contains(int[] values, int value) {
		for (int v : values) {
			if (v == value) {
				return true;
			}
		}
		return false;
	}

	private Path receipt(String fileName) {
		return fixture.inbox().resolve(FOLDER).resolve(fileName + ".回执(" + fixture.submissionId(fileName) + ").xlsx");
	}

	private static XSSFWorkbook open(Path file) throws Exception {
		try (InputStream in = Files.newInputStream(file)) {
			return new XSSFWorkbook(in);
		}
	}

	private static List<String> labels(Sheet sheet, int toRow) {
		List<String> labels = new ArrayList<>();
		for (int r = 1; r < toRow; r++) {
			Row row = sheet.getRow(r);
			if (row != null) {
				labels.add(text(row.getCell(0)));
			}
		}
		return labels;
	}

	private static String value(Sheet sheet, String label) {
		for (Row row : sheet) {
			if (text(row.getCell(0)).equals(label)) {
				return text(row.getCell(1));
			}
		}
		return null;
	}

	private static List<String> column(Sheet sheet, int col) {
		List<String> values = new ArrayList<>();
		for (int r = 1; r <= sheet.getLastRowNum(); r++) {
			values.add(text(sheet.getRow(r).getCell(col)));
		}
		return values;
	}

}
