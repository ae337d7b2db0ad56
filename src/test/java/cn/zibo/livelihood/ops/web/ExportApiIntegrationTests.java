package cn.zibo.livelihood.ops.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.zibo.livelihood.ingest.IngestFixture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exports of the reporting views as a clerk gets them: files Excel opens as Chinese, the rows a
 * filter asks for, and a department user's own rows only. 市教育局 (edu, task 2) and 市民政局 (civil,
 * task 59) report for 2072Q3, which belongs to this class.
 */
@ServeIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportApiIntegrationTests {

	private static final String VALUE_HEADER = "指标编码,任务编号,区县代码,区县,报告期,报告期代码,报告期末,数值,计量单位,填报部门,报送编号,区县汇总,部门代码";

	@LocalServerPort
	int port;

	@Autowired
	IngestFixture fixture;

	WebClient web;

	long edu;

	@BeforeAll
	void twoDepartmentsReported() throws Exception {
		fixture.reset();
		fixture.drop("市教育局", "导出_2072Q3.csv", """
				指标编码,区县,报告期,数值,备注
				T002-01,全市,2072Q3,10,"=HYPERLINK(""http://example.com"")"
				T002-02,张店区,2072Q3,3,
				T002-02,淄川区,2072Q3,4,
				""", StandardCharsets.UTF_8);
		fixture.drop("市民政局", "导出_2072Q3.csv", """
				指标编码,区县,报告期,数值,备注
				T059-01,全市,2072Q3,500,
				T059-00,全市,2072Q3,推进中,已建成床位五百张
				""", StandardCharsets.UTF_8);
		fixture.ingest();
		edu = ((Number) fixture.jdbc()
			.sql("SELECT submission_id FROM reporting.submission WHERE file_name = '导出_2072Q3.csv' AND department_code = 'edu'")
			.query()
			.singleValue()).longValue();
	}

	@BeforeEach
	void client() {
		web = new WebClient(port);
	}

	@Test
	void csvIsUtf8WithABomChineseHeadersAndPeriodsBothWays() throws Exception {
		HttpResponse<byte[]> response = web.bytes("/api/export/indicator_value.csv?period=2072Q3", WebClient.OPERATOR,
				WebClient.OPERATOR_PASSWORD);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("text/csv;charset=UTF-8");
		assertThat(response.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d)
			.startsWith("attachment;").contains("filename*=UTF-8''%E6%8C%87%E6%A0%87%E6%95%B0%E5%80%BC_2072Q3.csv"));
		byte[] body = response.body();
		assertThat(body).startsWith(0xEF, 0xBB, 0xBF);
		String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
		assertThat(text.lines().findFirst()).hasValue(VALUE_HEADER);
		assertThat(text.lines().skip(1)).containsExactly(
				"T002-01,2,370300,淄博市,2072年第三季度,2072Q3,2072-09-30,10,处,市教育局," + edu + ",否,edu",
				"T002-02,2,370300,淄博市,2072年第三季度,2072Q3,2072-09-30,7,人,市教育局,,是,edu",
				"T002-02,2,370302,淄川区,2072年第三季度,2072Q3,2072-09-30,4,人,市教育局," + edu + ",否,edu",
				"T002-02,2,370303,张店区,2072年第三季度,2072Q3,2072-09-30,3,人,市教育局," + edu + ",否,edu",
				"T059-01,59,370300,淄博市,2072年第三季度,2072Q3,2072-09-30,500,张,市民政局," + submission("civil") + ",否,civil");
	}

	@Test
	void filtersChooseThePeriodTaskAndDistrictAsPeopleWriteThem() throws Exception {
		List<CSVRecord> zhangdian = csv("/api/export/indicator_value.csv?period=2072年第三季度&district=张店区",
				WebClient.OPERATOR, WebClient.OPERATOR_PASSWORD);
		List<CSVRecord> task59 = csv("/api/export/indicator_value.csv?period=2072Q3&task=59", WebClient.OPERATOR,
				WebClient.OPERATOR_PASSWORD);
		List<CSVRecord> statuses = csv("/api/export/task_status.csv?period=2072Q3&task=59", WebClient.OPERATOR,
				WebClient.OPERATOR_PASSWORD);

		assertThat(zhangdian).extracting(r -> r.get("指标编码") + " " + r.get("区县")).containsExactly("T002-02 张店区");
		assertThat(task59).extracting(r -> r.get("指标编码")).containsExactly("T059-01");
		assertThat(statuses).singleElement().satisfies(r -> {
			assertThat(r.get("进展状态")).isEqualTo("推进中");
			assertThat(r.get("进展说明")).isEqualTo("已建成床位五百张");
			assertThat(r.get("报告期")).isEqualTo("2072年第三季度");
		});
	}

	@Test
	void aDepartmentUserGetsTheRowsOfItsOwnTasksAndItsOwnCompleteness() throws Exception {
		List<CSVRecord> eduValues = csv("/api/export/indicator_value.csv?period=2072Q3", WebClient.EDU, WebClient.EDU_PASSWORD);
		List<CSVRecord> civilValues = csv("/api/export/indicator_value.csv?period=2072Q3", WebClient.CIVIL,
				WebClient.CIVIL_PASSWORD);
		List<CSVRecord> civilStatuses = csv("/api/export/task_status.csv?period=2072Q3&task=2", WebClient.CIVIL,
				WebClient.CIVIL_PASSWORD);
		List<CSVRecord> eduCompleteness = csv("/api/export/department_completeness.csv?period=2024Q3", WebClient.EDU,
				WebClient.EDU_PASSWORD);
		List<CSVRecord> allCompleteness = csv("/api/export/department_completeness.csv?period=2024Q3", WebClient.OPERATOR,
				WebClient.OPERATOR_PASSWORD);

		assertThat(eduValues).extracting(r -> r.get("指标编码")).containsOnly("T002-01", "T002-02").hasSize(4);
		assertThat(civilValues).extracting(r -> r.get("指标编码")).containsExactly("T059-01");
		assertThat(civilStatuses).isEmpty();
		assertThat(eduCompleteness).isNotEmpty().allSatisfy(r -> assertThat(r.get("部门代码")).isEqualTo("edu"));
		assertThat(eduCompleteness).extracting(r -> r.get("报送状态")).allMatch(s -> s.matches("[\\p{IsHan}]+"));
		assertThat(allCompleteness).extracting(r -> r.get("部门代码")).contains("edu", "civil");
	}

	@Test
	void xlsxOpensInPoiWithOneSheetNamedAfterTheViewNumbersAsNumbersAndFormulasAsText() throws Exception {
		HttpResponse<byte[]> response = web.bytes("/api/export/indicator_progress.xlsx?period=2072Q3&task=2",
				WebClient.OPERATOR, WebClient.OPERATOR_PASSWORD);
		HttpResponse<byte[]> civil = web.bytes("/api/export/indicator_progress.xlsx?period=2072Q3&task=2", WebClient.CIVIL,
				WebClient.CIVIL_PASSWORD);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
			assertThat(workbook.getNumberOfSheets()).isOne();
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getSheetName()).isEqualTo("指标进度");
			List<String> header = texts(sheet.getRow(0));
			assertThat(header).startsWith("指标编码", "任务编号", "区县代码", "数据期", "数据期代码", "完成值", "目标值", "目标关系",
					"完成率", "序时进度", "进度状态").contains("备注");
			Row city = rowOf(sheet, "T002-01", "370300");
			Cell value = city.getCell(header.indexOf("完成值"));
			Cell remark = city.getCell(header.indexOf("备注"));
			assertThat(value.getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(value.getNumericCellValue()).isEqualTo(10.0);
			assertThat(city.getCell(header.indexOf("数据期")).getStringCellValue()).isEqualTo("2072年第三季度");
			assertThat(city.getCell(header.indexOf("数据期代码")).getStringCellValue()).isEqualTo("2072Q3");
			assertThat(city.getCell(header.indexOf("进度状态")).getStringCellValue()).isEqualTo("滞后");
			assertThat(remark.getCellType()).isEqualTo(CellType.STRING);
			assertThat(remark.getStringCellValue()).isEqualTo("=HYPERLINK(\"http://example.com\")");
			assertThat(remark.getCellStyle().getQuotePrefixed()).isTrue();
			assertThat(rowOf(sheet, "T002-02", "370300").getCell(header.indexOf("区县汇总")).getStringCellValue())
				.isEqualTo("是");
			assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
		}
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(civil.body()))) {
			assertThat(workbook.getSheetAt(0).getLastRowNum()).as("civil leads no row of task 2: the header only").isZero();
		}
	}

	@Test
	void whatCannotBeExportedIsRefusedWithWhy() throws Exception {
		Map<String, Integer> expected = Map.of("/api/export/indicator_value.csv?period=2072Q5", 400,
				"/api/export/indicator_value.csv?district=火星区", 400, "/api/export/department_completeness.csv?district=张店区",
				400, "/api/export/indicator_value.csv?task=abc", 400, "/api/export/indicator_value.csv?task=200", 400,
				"/api/export/warehouse_fact.csv", 404, "/api/export/indicator_value.pdf", 404);
		List<String> answers = new ArrayList<>();
		for (var request : expected.entrySet()) {
			HttpResponse<String> response = web.asOperator(request.getKey());
			assertThat(response.statusCode()).as(request.getKey() + ": " + response.body()).isEqualTo(request.getValue());
			answers.add(response.body());
		}

		assertThat(String.join("\n", answers)).contains("报告期 (period) '2072Q5' 无法识别", "区县 (district) '火星区' 不在目录中",
				"department_completeness 没有区县列", "'task' must be a whole number, not 'abc'", "任务编号 (task) 是 1 到 113",
				"No export of 'warehouse_fact'", "Exports are .csv or .xlsx");
		assertThat(web.get("/api/export/indicator_value.csv").statusCode()).isEqualTo(401);
	}

	private List<CSVRecord> csv(String path, String user, String password) throws IOException, InterruptedException {
		HttpResponse<byte[]> response = web.bytes(path, user, password);
		assertThat(response.statusCode()).as(path + ": " + new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
		String text = new String(response.body(), StandardCharsets.UTF_8).substring(1);
		return CSVFormat.EXCEL.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(text)).getRecords();
	}

	private long submission(String department) {
		return ((Number) fixture.jdbc()
			.sql("SELECT submission_id FROM reporting.submission WHERE file_name = '导出_2072Q3.csv' AND department_code = ?")
			.param(department)
			.query()
			.singleValue()).longValue();
	}

	private static List<String> texts(Row row) {
		DataFormatter formatter = new DataFormatter();
		List<String> texts = new ArrayList<>();
		row.forEach(cell -> texts.add(formatter.formatCellValue(cell)));
		return texts;
	}

	private static Row rowOf(Sheet sheet, String indicator, String district) {
		for (Row row : sheet) {
			if (row.getRowNum() > 0 && indicator.equals(row.getCell(0).getStringCellValue())
					&& district.equals(row.getCell(2).getStringCellValue())) {
				return row;
			}
		}
		throw new AssertionError("no row " + indicator + " " + district);
	}

}
