package cn.zibo.livelihood.ops.web;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.zibo.livelihood.ingest.IngestFixture;

import static org.assertj.core.api.Assertions.assertThat;
import static cn.zibo.livelihood.ops.web.DepartmentPageIntegrationTests.assertNoRawCodes;
import static cn.zibo.livelihood.ops.web.DepartmentPageIntegrationTests.visibleText;

/**
 * The operators' actions through plain HTTP with a session: closing and reopening a period with a
 * reason (and a submission for it refused while closed), the progress workbook of a chosen period,
 * 催报 with its workbook and reminders, the schedules, and none of it for a department user. Periods
 * 2091 to 2093 are this class's own.
 */
@ServeIntegrationTest
class OperatorActionsIntegrationTests {

	static final String CSV = "指标编码,区县,数值,报告期\n";

	/** Codes an operator must not read either: job names and run statuses besides the clerk's codes. */
	static final Pattern OPERATOR_CODES = Pattern.compile("\\b(ingestJob|reconcileJob|catalogueLoadJob|COMPLETED|FAILED|STARTED"
			+ "|close|reopen|closed|open)\\b");

	@LocalServerPort
	int port;

	@Autowired
	IngestFixture fixture;

	WebClient web;

	WebClient.Session operator;

	@BeforeEach
	void loggedIn() throws Exception {
		fixture.reset();
		web = new WebClient(port);
		operator = web.login(WebClient.OPERATOR, WebClient.OPERATOR_PASSWORD);
	}

	@Test
	void anOperatorClosesAPeriodWithAReasonSoThatItsSubmissionsAreRefusedAndReopensIt() throws Exception {
		String csv = CSV + "T059-01,周村区,321,2091Q1\n";

		HttpResponse<String> closed = operator.post("/periods/close",
				form("period", "2091Q1", "reason", "市民生办已审核2091年第一季度"));
		String afterClose = operator.get("/periods").body();
		fixture.drop("市民政局", "关闭_2091Q1.csv", csv, StandardCharsets.UTF_8);
		fixture.ingest();

		assertThat(closed.statusCode()).isEqualTo(302);
		assertThat(row(afterClose, "2091Q1")).contains("data-closed=\"true\"", "已关闭", "市民生办已审核2091年第一季度",
				WebClient.OPERATOR, "重新开放");
		assertThat(visibleText(afterClose)).contains("已关闭2091年第一季度", "关闭和重新开放记录");
		long refused = fixture.submissionId("关闭_2091Q1.csv");
		assertThat(fixture.submission("关闭_2091Q1.csv")).containsEntry("status", "rejected");
		assertThat(fixture.errors(refused)).containsExactly("- - period_closed");
		assertThat(events("2091Q1")).containsExactly("close 市民生办已审核2091年第一季度 " + WebClient.OPERATOR);

		HttpResponse<String> reopened = operator.post("/periods/reopen", form("period", "2091Q1", "reason", "民政局更正床位数"));
		String afterReopen = operator.get("/periods").body();
		fixture.drop("市民政局", "关闭_2091Q1.csv", csv, StandardCharsets.UTF_8);
		fixture.ingest();

		assertThat(reopened.statusCode()).isEqualTo(302);
		assertThat(row(afterReopen, "2091Q1")).contains("data-closed=\"false\"", "开放", "民政局更正床位数", "关闭报告期");
		assertThat(fixture.submission("关闭_2091Q1.csv")).containsEntry("status", "loaded");
		assertThat(events("2091Q1")).containsExactly("close 市民生办已审核2091年第一季度 " + WebClient.OPERATOR,
				"reopen 民政局更正床位数 " + WebClient.OPERATOR);
		String history = afterReopen.substring(afterReopen.indexOf("id=\"period-history\""));
		assertThat(visibleText(history)).contains("2091年第一季度 重新开放 民政局更正床位数", "2091年第一季度 关闭 市民生办已审核");
		assertThat(OPERATOR_CODES.matcher(visibleText(afterReopen).replace(WebClient.OPERATOR, "")).find()).isFalse();
		assertNoRawCodes(visibleText(afterReopen));
	}

	@Test
	void aPeriodIsNotClosedWithoutAReasonNorWithoutTheFormsToken() throws Exception {
		HttpResponse<String> blank = operator.post("/periods/close", form("period", "2091Q2", "reason", "  "));
		String page = operator.get(blank.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", ""))
			.body();
		HttpResponse<String> forged = operator.post("/periods/close", "period=2091Q2&reason=" + WebClient.enc("伪造"));

		assertThat(visibleText(page)).contains("关闭2091年第二季度须填写原因", "未作变更");
		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(events("2091Q2")).isEmpty();
	}

	@Test
	void aDepartmentUserMayNeitherSeeNorUseTheOperatorsActions() throws Exception {
		WebClient.Session clerk = web.login(WebClient.EDU, WebClient.EDU_PASSWORD);
		String token = "_csrf=" + WebClient.enc(clerk.csrf("/department"));

		for (String page : List.of("/schedules", "/periods", "/report", "/report/progress.xlsx?period=2092Q2",
				"/chase?period=2093Q3", "/chase.xlsx?period=2093Q3")) {
			assertThat(clerk.get(page).statusCode()).as(page).isEqualTo(403);
		}
		assertThat(clerk.post("/periods/close", token + "&period=2091Q3&reason=" + WebClient.enc("越权")).statusCode())
			.isEqualTo(403);
		assertThat(clerk.post("/periods/reopen", token + "&period=2091Q3&reason=" + WebClient.enc("越权")).statusCode())
			.isEqualTo(403);
		assertThat(events("2091Q3")).isEmpty();
		assertThat(clerk.get("/department").body()).doesNotContain("催报", "作业计划");
	}

	@Test
	void theProgressWorkbookOfAChosenPeriodDownloads() throws Exception {
		fixture.drop("市民政局", "进展报表_2092Q2.csv", CSV + "T059-01,周村区,456,2092Q2\n", StandardCharsets.UTF_8);
		fixture.ingest();

		String form = operator.get("/report").body();
		HttpResponse<byte[]> download = operator.bytes("/report/progress.xlsx?period=2092Q2");

		assertThat(visibleText(form)).contains("进展报表", "下载进展情况汇总表", "2092年第二季度（现行数据");
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment",
				"%E8%BF%9B%E5%B1%95"); // 进展…, encoded
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(download.body()))) {
			List<String> sheets = new ArrayList<>();
			workbook.forEach(s -> sheets.add(s.getSheetName()));
			assertThat(sheets).containsExactly("总览", "指标进度", "任务进展", "数据核对", "报送情况", "报送文件");
			assertThat(workbook.getProperties().getCoreProperties().getTitle()).contains("2092年第二季度");
			assertThat(texts(workbook.getSheet("报送文件"))).anySatisfy(t -> assertThat(t).contains("进展报表_2092Q2.csv"));
		}
	}

	@Test
	void theChaseListNamesADepartmentWithWhatItStillOwesAndExportsAPrintableWorkbook() throws Exception {
		fixture.drop("市民政局", "催报_2093Q3.csv", CSV + "T059-00,,推进中,2093Q3\n", StandardCharsets.UTF_8);
		fixture.ingest();
		List<String> owed = fixture.jdbc()
			.sql("SELECT indicator_name FROM reporting.department_indicator_due('civil', DATE '2093-07-01', DATE '2093-09-30')"
					+ " WHERE NOT reported ORDER BY indicator_code")
			.query(String.class)
			.list();
		assertThat(owed).as("the civil affairs bureau owes more than the status it sent").isNotEmpty();

		HttpResponse<String> page = operator.get("/chase?period=2093Q3");
		HttpResponse<byte[]> export = operator.bytes("/chase.xlsx?period=2093Q3");

		assertThat(page.statusCode()).isEqualTo(200);
		String civil = row(page.body(), "civil");
		assertThat(civil).contains("市民政局", "未到截止日", "data-indicator=\"T060-00\"").doesNotContain("data-indicator=\"T059-00\"");
		assertThat(visibleText(civil)).contains(owed.get(0));
		String text = visibleText(page.body());
		assertThat(text).contains("催报", "2093年第三季度", "2093年10月10日", "关于报送2093年第三季度民生实事数据的提醒", "市民政局：",
				"市民生工作领导小组办公室", "导出催报清单");
		assertNoRawCodes(text);
		assertThat(OPERATOR_CODES.matcher(text.replace(WebClient.OPERATOR, "")).find()).isFalse();
		assertThat(page.body()).containsPattern("<textarea readonly[^>]*data-department=\"civil\"");

		assertThat(export.statusCode()).isEqualTo(200);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(export.body()))) {
			Sheet sheet = workbook.getSheet("催报清单");
			PrintSetup print = sheet.getPrintSetup();
			assertThat(print.getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
			assertThat(print.getLandscape()).isTrue();
			assertThat(print.getFitWidth()).isEqualTo((short) 1);
			assertThat(sheet.getRepeatingRows().formatAsString()).isEqualTo("3:3");
			assertThat(sheet.getFooter().getCenter()).contains("&P", "&N");
			List<String> texts = texts(sheet);
			assertThat(texts.get(0)).isEqualTo("2093年第三季度民生实事数据催报清单");
			assertThat(texts).anySatisfy(t -> assertThat(t).startsWith("截止日期：2093年10月10日"));
			assertThat(texts).anySatisfy(t -> assertThat(t).contains("市民政局", "未到截止日", owed.get(0)));
			assertThat(workbook.getSheet("缺报指标").getRepeatingRows()).isNotNull();
		}
	}

	@Test
	void theSchedulesReadInChineseAndSayTheSchedulerIsNotRunningHere() throws Exception {
		String page = operator.get("/schedules").body();

		String text = visibleText(page.replaceAll("(?s)<details>.*?</details>", " "));
		assertThat(text).contains("作业计划", "本服务进程未启用作业调度", "数据接收", "目录加载", "工作日（周一至周五）8:00至18:50每10分钟",
				"每天02:30", "下次运行", "最近一次运行");
		assertThat(page).containsPattern("class=\"next-fire\">\\s*<span>\\d{4}年\\d{1,2}月\\d{1,2}日（周[一二三四五六日]）\\d{2}:\\d{2}</span>");
		assertThat(OPERATOR_CODES.matcher(text.replace(WebClient.OPERATOR, "")).find()).as(text).isFalse();
		// next fire times read in the schedules' own zone (Asia/Shanghai), whatever the server's
		assertThat(scheduleRow(page, "ingest")).containsPattern("（周[一二三四五]）(0[89]|1[0-8]):[0-5]0</span>");
		assertThat(scheduleRow(page, "catalogue-reload")).containsPattern("）02:30</span>");
	}

	private static String scheduleRow(String html, String name) {
		var m = Pattern.compile("(?s)<tr data-schedule=\"" + name + "\".*?</tr>").matcher(html);
		assertThat(m.find()).as("a row for " + name).isTrue();
		return m.group();
	}

	@Test
	void thePagesCarryTheContentSecurityPolicyAndNoInlineScriptOrStyle() throws Exception {
		for (String path : List.of("/schedules", "/periods", "/report", "/chase?period=2093Q4")) {
			HttpResponse<String> page = operator.get(path);

			assertThat(page.statusCode()).as(path).isEqualTo(200);
			assertThat(page.headers().firstValue("Content-Security-Policy")).as(path)
				.hasValueSatisfying(csp -> assertThat(csp).startsWith("default-src 'self';").doesNotContain("unsafe-inline"));
			assertThat(page.body()).as(path).doesNotContain(" style=", "<style", "javascript:");
			assertThat(page.body().replace("<script src=\"/js/copy.js\" defer></script>", "")).as(path).doesNotContain("<script");
			assertThat(page.body()).as(path).contains("<html lang=\"zh-CN\">").containsPattern("href=\"/chase\"[^>]*>催报</a>");
		}
		assertThat(web.get("/js/copy.js").statusCode()).isEqualTo(200);
	}

	/** One row of a table by its data attribute (data-period or data-department). */
	private static String row(String html, String key) {
		var m = Pattern.compile("(?s)<tr[^>]*data-(?:period|department)=\"" + Pattern.quote(key) + "\".*?</tr>").matcher(html);
		assertThat(m.find()).as("a row for " + key).isTrue();
		return m.group();
	}

	private List<String> events(String period) {
		return fixture.jdbc()
			.sql("SELECT action || ' ' || reason || ' ' || actor FROM warehouse.period_event WHERE period = ? ORDER BY event_id")
			.param(period)
			.query(String.class)
			.list();
	}

	private String form(String... pairs) throws Exception {
		StringBuilder form = new StringBuilder("_csrf=" + WebClient.enc(operator.csrf("/periods")));
		for (int i = 0; i < pairs.length; i += 2) {
			form.append('&').append(pairs[i]).append('=').append(WebClient.enc(pairs[i + 1]));
		}
		return form.toString();
	}

	private static List<String> texts(Sheet sheet) {
		DataFormatter formatter = new DataFormatter();
		List<String> texts = new ArrayList<>();
		for (Row row : sheet) {
			StringBuilder line = new StringBuilder();
			row.forEach(cell -> line.append(line.isEmpty() ? "" : " ").append(formatter.formatCellValue(cell)));
			texts.add(line.toString());
		}
		return texts;
	}

}
