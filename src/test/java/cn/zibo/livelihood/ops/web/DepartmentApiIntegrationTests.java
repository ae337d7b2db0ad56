package cn.zibo.livelihood.ops.web;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.zibo.livelihood.ingest.IngestFixture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a department fetches through the API: its template, what is still missing, the findings that
 * name it and its originals; another department's finding, submission or original is not found.
 */
@ServeIntegrationTest
class DepartmentApiIntegrationTests {

	static final String CSV = "指标编码,区县,数值,报告期\n";

	@LocalServerPort
	int port;

	@Autowired
	IngestFixture fixture;

	WebClient web;

	@BeforeEach
	void server() {
		web = new WebClient(port);
		fixture.reset();
	}

	@Test
	void theTemplateIsTheDepartmentsWorkbookForThePeriodAsked() throws Exception {
		HttpResponse<byte[]> own = web.bytes("/api/template?period=2082Q1", WebClient.EDU, WebClient.EDU_PASSWORD);
		HttpResponse<byte[]> forCivil = web.bytes("/api/template?period=2082年第二季度&department=civil".replace("年第二季度",
				WebClient.enc("年第二季度")), WebClient.OPERATOR, WebClient.OPERATOR_PASSWORD);

		assertThat(own.statusCode()).isEqualTo(200);
		assertThat(own.headers().firstValue("Content-Type")).hasValue(ReceiptDownload.XLSX.toString());
		assertThat(own.headers().firstValue("Content-Disposition")).hasValueSatisfying(
				d -> assertThat(d).startsWith("attachment").contains(WebClient.enc("市教育局_2082年第一季度_填报模板.xlsx").replace("+", "%20")));
		assertThat(title(own.body())).isEqualTo("市教育局2082年第一季度民生重点任务进展填报表");
		assertThat(forCivil.statusCode()).isEqualTo(200);
		assertThat(title(forCivil.body())).isEqualTo("市民政局2082年第二季度民生重点任务进展填报表");
		assertThat(web.get("/api/template?period=2082Q1&department=civil", WebClient.EDU, WebClient.EDU_PASSWORD).statusCode())
			.isEqualTo(403);
		assertThat(web.get("/api/template?period=2082Q1", WebClient.OPERATOR, WebClient.OPERATOR_PASSWORD).statusCode())
			.isEqualTo(400);
		HttpResponse<String> noPeriod = web.get("/api/template?period=soon", WebClient.EDU, WebClient.EDU_PASSWORD);
		assertThat(noPeriod.statusCode()).isEqualTo(400);
		assertThat(noPeriod.body()).contains("不是报告期");
	}

	@Test
	void completenessRowsListTheCodesStillMissingAndLoseThemAsTheyAreReported() throws Exception {
		JsonNode before = eduRow("2025Q4");
		assertThat(codes(before.get("missing"))).contains("T002-02").hasSize(before.get("missing_count").asInt());

		fixture.drop("市教育局", "完整性_2025Q4.csv", CSV + "T002-02,,40,2025Q4\n", StandardCharsets.UTF_8);
		fixture.ingest();

		JsonNode after = eduRow("2025Q4");
		assertThat(codes(after.get("missing"))).doesNotContain("T002-02").hasSize(after.get("missing_count").asInt());
		assertThat(after.get("missing_count").asInt()).isEqualTo(before.get("missing_count").asInt() - 1);
		assertThat(after.get("reported").asInt()).isEqualTo(before.get("reported").asInt() + 1);
		JsonNode operators = web.json("/api/completeness?period=2025Q4");
		assertThat(operators.size()).isGreaterThan(1);
		operators.forEach(row -> assertThat(row.get("missing").size()).isEqualTo(row.get("missing_count").asInt()));
	}

	@Test
	void findingsNameTheDepartmentWithWhatToDoAndAnotherDepartmentsAreNotFound() throws Exception {
		fixture.drop("市教育局", "下降_2083.csv", CSV + "T002-01,文昌湖区,1000,2083Q1\nT002-01,文昌湖区,10,2083Q2\n",
				StandardCharsets.UTF_8);
		fixture.ingest();
		long id = fixture.submissionId("下降_2083.csv");

		JsonNode own = finding(web.json("/api/discrepancies", WebClient.EDU, WebClient.EDU_PASSWORD));
		JsonNode ofSubmission = finding(web.json("/api/discrepancies?submission=" + id, WebClient.EDU, WebClient.EDU_PASSWORD));
		JsonNode civils = web.json("/api/discrepancies", WebClient.CIVIL, WebClient.CIVIL_PASSWORD);
		long findingId = own.get("discrepancyId").asLong();

		assertThat(own.get("kindName").asString()).isEqualTo("累计值下降");
		assertThat(own.get("periodName").asString()).isEqualTo("2083年第二季度");
		assertThat(own.get("districtName").asString()).contains("文昌湖");
		assertThat(own.get("meaning").asString()).contains("累计");
		assertThat(own.get("action").asString()).contains("重新报送");
		assertThat(own.get("details").asString()).contains("报送#" + id);
		assertThat(own.get("departmentSubmissionIds").toString()).isEqualTo("[" + id + "]");
		assertThat(ofSubmission.get("discrepancyId").asLong()).isEqualTo(findingId);
		civils.forEach(f -> assertThat(f.get("departments").toString()).contains("市民政局"));
		assertThat(web.json("/api/discrepancies/" + findingId, WebClient.EDU, WebClient.EDU_PASSWORD).get("kind").asString())
			.isEqualTo("cumulative_decrease");
		assertThat(web.get("/api/discrepancies/" + findingId, WebClient.CIVIL, WebClient.CIVIL_PASSWORD).statusCode()).isEqualTo(404);
		assertThat(web.get("/api/discrepancies?submission=" + id, WebClient.CIVIL, WebClient.CIVIL_PASSWORD).statusCode())
			.isEqualTo(404);
		assertThat(finding(web.json("/api/discrepancies?department=edu")).get("discrepancyId").asLong()).isEqualTo(findingId);
	}

	@Test
	void theOriginalIsTheArchivedBytesUnderTheFilesNameForItsOwnDepartmentOnly() throws Exception {
		byte[] original = (CSV + "T002-02,,70,2087Q1\n").getBytes(StandardCharsets.UTF_8);
		fixture.drop("edu", "原件 2087年第一季度.csv", original);
		fixture.ingest();
		long id = fixture.submissionId("原件 2087年第一季度.csv");

		HttpResponse<byte[]> own = web.bytes("/api/submissions/" + id + "/original", WebClient.EDU, WebClient.EDU_PASSWORD);

		assertThat(own.statusCode()).isEqualTo(200);
		assertThat(own.body()).isEqualTo(original);
		assertThat(own.headers().firstValue("Content-Type")).hasValue("text/csv");
		assertThat(own.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d)
			.startsWith("attachment").contains("filename*=UTF-8''" + WebClient.enc("原件 2087年第一季度.csv").replace("+", "%20")));
		assertThat(web.bytes("/api/submissions/" + id + "/original", WebClient.OPERATOR, WebClient.OPERATOR_PASSWORD).body())
			.isEqualTo(original);
		assertThat(web.get("/api/submissions/" + id + "/original", WebClient.CIVIL, WebClient.CIVIL_PASSWORD).statusCode())
			.isEqualTo(404);
		assertThat(web.get("/api/submissions/999999999/original", WebClient.OPERATOR, WebClient.OPERATOR_PASSWORD).statusCode())
			.isEqualTo(404);
	}

	@Test
	void aDepartmentsProgressAgainstTargetsCountsTheTasksItLeads() throws Exception {
		long led = fixture.jdbc().sql("""
				SELECT count(*) FROM reporting.indicator_progress p
				WHERE p.district_code = '370300' AND p.task_no IN (SELECT l.task_no FROM catalogue.task_lead l
				      WHERE l.version_id = (SELECT version_id FROM catalogue.current_version) AND l.department_code = 'edu')""")
			.query(Long.class)
			.single();

		JsonNode own = web.json("/api/progress", WebClient.EDU, WebClient.EDU_PASSWORD);
		JsonNode city = web.json("/api/progress");

		assertThat(led).isPositive();
		assertThat(sum(own.get("campaigns"), "indicators")).isEqualTo(led);
		assertThat(sum(own.get("indicatorStatus"), "count")).isEqualTo(led);
		assertThat(sum(city.get("campaigns"), "indicators")).isGreaterThan(led);
	}

	private static long sum(JsonNode rows, String field) {
		long sum = 0;
		for (JsonNode row : rows) {
			sum += row.get(field).asLong();
		}
		return sum;
	}

	private JsonNode eduRow(String period) throws Exception {
		JsonNode rows = web.json("/api/completeness?period=" + period, WebClient.EDU, WebClient.EDU_PASSWORD);
		assertThat(rows).singleElement().satisfies(row -> assertThat(row.get("department_code").asString()).isEqualTo("edu"));
		return rows.get(0);
	}

	private static List<String> codes(JsonNode array) {
		List<String> codes = new ArrayList<>();
		array.forEach(code -> codes.add(code.asString()));
		return codes;
	}

	/** The cumulative decrease this class makes, among a department's findings. */
	private static JsonNode finding(JsonNode findings) {
		List<JsonNode> found = new ArrayList<>();
		findings.forEach(f -> {
			if (f.get("kind").asString().equals("cumulative_decrease") && f.get("period").asString().equals("2083Q2")) {
				found.add(f);
			}
		});
		assertThat(found).hasSize(1);
		return found.get(0);
	}

	private static String title(byte[] workbook) throws Exception {
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
			return book.getSheet("填报").getRow(0).getCell(0).getStringCellValue();
		}
	}

}
