package cn.zibo.livelihood.ops.web;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.zibo.livelihood.ingest.IngestFixture;
import cn.zibo.livelihood.report.ChineseForms;
import cn.zibo.livelihood.validate.Period;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The department page (部门主页) through plain HTTP with a session: a clerk's landing page in Chinese,
 * what is missing for a period, the findings and submissions of the department, an operator acting
 * for a department, and the page's one script.
 */
@ServeIntegrationTest
class DepartmentPageIntegrationTests {

	static final String CSV = "指标编码,区县,数值,报告期\n";

	/** Codes of the views and the API that a clerk must never read. */
	static final Pattern RAW_CODES = Pattern.compile(
			"\\b(received|loaded|rejected|duplicate|superseded|waiting|on_time|late|pending|incomplete|missing|in_progress"
					+ "|not_started|done|delayed|nothing_due|co_lead_mismatch|district_sum_mismatch|cumulative_decrease|outlier)\\b");

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
	void aClerkLandsOnItsPageAndReadsThePeriodDueNextInChinese() throws Exception {
		WebClient.Session clerk = web.new Session();
		HttpResponse<String> login = clerk.tryLogin(WebClient.EDU, WebClient.EDU_PASSWORD);
		String dueNext = fixture.jdbc()
			.sql("SELECT period FROM reporting.calendar_period WHERE due_date >= current_date ORDER BY due_date LIMIT 1")
			.query(String.class)
			.single();

		HttpResponse<String> page = clerk.get("/department");

		assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/department"));
		assertThat(page.statusCode()).isEqualTo(200);
		String text = visibleText(page.body());
		assertThat(text).contains("市教育局", "部门主页", "本期报送", ChineseForms.period(Period.parse(dueNext).orElseThrow()),
				"截止日期", "已报 / 应报", "上期", "尚未报送的指标", "填报模板", "上传报送文件", "预检", "核对发现", "最近报送");
		assertNoRawCodes(text);
	}

	@Test
	void aChosenPeriodListsWhatIsStillMissingByTaskUntilItIsReported() throws Exception {
		WebClient.Session clerk = web.login(WebClient.EDU, WebClient.EDU_PASSWORD);

		String before = clerk.get("/department?period=2084Q1").body();
		fixture.drop("市教育局", "缺报_2084Q1.csv", CSV + "T002-02,,9,2084Q1\n", StandardCharsets.UTF_8);
		fixture.ingest();
		String after = clerk.get("/department?period=2084年第一季度").body();

		assertThat(before).contains("data-indicator=\"T002-02\"", "data-indicator=\"T002-00\"", "2084年第一季度",
				"上期 <span>2083年第四季度</span>");
		assertThat(visibleText(before)).contains("任务2：", "招聘公办幼儿教师", "未到截止日", "2084年4月10日");
		int expected = Integer.parseInt(reported(before)[1]);
		assertThat(reported(before)).containsExactly("0", String.valueOf(expected));
		assertThat(after).doesNotContain("data-indicator=\"T002-02\"").contains("data-indicator=\"T002-00\"");
		assertThat(reported(after)).containsExactly("1", String.valueOf(expected));
		assertNoRawCodes(visibleText(after));
		assertThat(visibleText(clerk.get("/department?period=不久").body())).contains("“不久”不是报告期");
	}

	@Test
	void findingsAndSubmissionsShowInChineseWithTheOriginalAndTheirFindingsLinked() throws Exception {
		fixture.drop("市教育局", "页面发现_2089.csv", CSV + "T002-01,文昌湖区,900,2089Q1\nT002-01,文昌湖区,9,2089Q2\n",
				StandardCharsets.UTF_8);
		fixture.ingest();
		long id = fixture.submissionId("页面发现_2089.csv");
		WebClient.Session clerk = web.login(WebClient.EDU, WebClient.EDU_PASSWORD);

		String page = clerk.get("/department").body();
		String findings = clerk.get("/department/findings?submission=" + id).body();
		String submission = clerk.get("/submissions/" + id).body();

		assertThat(page).contains("data-submission=\"" + id + "\"", "/api/submissions/" + id + "/original",
				"/department/findings?submission=" + id, "href=\"/submissions/" + id + "\">报送#" + id + "</a>");
		assertThat(visibleText(page)).contains("累计值下降", "2089年第二季度", "页面发现_2089.csv", "已入库", "下载原件");
		assertThat(visibleText(findings)).contains("累计值下降", "累计值是自2022年1月1日起的累计数", "重新报送", "报送#" + id);
		assertNoRawCodes(visibleText(page));
		assertThat(submission).contains("/api/submissions/" + id + "/original", "/department/findings?submission=" + id);
		assertThat(visibleText(submission)).contains("报送#" + id, "已入库", "回执表格", "问题清单");
		assertNoRawCodes(visibleText(submission));
		String list = clerk.get("/submissions").body();
		assertThat(visibleText(list)).contains("报送记录", "页面发现_2089.csv", "已入库");
		assertNoRawCodes(visibleText(list));
		WebClient.Session civil = web.login(WebClient.CIVIL, WebClient.CIVIL_PASSWORD);
		assertThat(civil.get("/department/findings?submission=" + id).statusCode()).isEqualTo(404);
		assertThat(civil.get("/department").body()).doesNotContain("页面发现_2089.csv");
	}

	@Test
	void anOperatorChoosesADepartmentAndActsForIt() throws Exception {
		WebClient.Session operator = web.login(WebClient.OPERATOR, WebClient.OPERATOR_PASSWORD);

		HttpResponse<String> choice = operator.get("/department");
		HttpResponse<String> civil = operator.get("/department?department=civil");

		assertThat(choice.body()).contains("href=\"/department?department=civil\">市民政局</a>");
		assertThat(civil.statusCode()).isEqualTo(200);
		assertThat(civil.body()).contains("<h1><span>市民政局</span>", "name=\"department\" value=\"civil\"",
				"/api/template?period=", "department=civil");
		assertThat(operator.get("/department?department=nobody").statusCode()).isEqualTo(400);
	}

	@Test
	void thePageCarriesItsScriptAsAFileAndNoInlineScriptOrStyle() throws Exception {
		WebClient.Session clerk = web.login(WebClient.EDU, WebClient.EDU_PASSWORD);

		HttpResponse<String> page = clerk.get("/department");
		HttpResponse<String> script = web.get("/js/department.js");

		assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
				csp -> assertThat(csp).startsWith("default-src 'self';").doesNotContain("unsafe-inline"));
		assertThat(page.body()).doesNotContain(" style=", "<style", "javascript:", " onclick=", " onchange=");
		assertThat(page.body().split("<script", -1)).as("one script element").hasSize(2);
		assertThat(page.body()).contains("<script src=\"/js/department.js\" defer></script>");
		assertThat(script.statusCode()).isEqualTo(200);
		assertThat(script.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("javascript"));
		assertThat(script.body()).contains("X-CSRF-TOKEN", "statusUrl");
	}

	/** What a person reads: the page without its tags, script and attribute values. */
	static String visibleText(String html) {
		return html.replaceAll("(?s)<script.*?</script>", " ").replaceAll("(?s)<[^>]*>", " ").replace("&#39;", "'")
			.replaceAll("\\s+", " ");
	}

	static void assertNoRawCodes(String text) {
		Matcher raw = RAW_CODES.matcher(text);
		boolean found = raw.find();
		assertThat(found).as("a raw code in what the clerk reads: %s", found ? raw.group() : "").isFalse();
	}

	/** "已报 / 应报" as on the page: reported and expected. */
	private static String[] reported(String html) {
		Matcher m = Pattern.compile("id=\"reported\">([\\d,]+) / ([\\d,]+)<").matcher(html);
		assertThat(m.find()).isTrue();
		return new String[] { m.group(1).replace(",", ""), m.group(2).replace(",", "") };
	}

}
