package cn.zibo.livelihood.ops.web;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.zibo.livelihood.ingest.IngestFixture;
import cn.zibo.livelihood.jobs.Executions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The overview's reconciliation sections against real figures: co-leads 市民政局 and
 * 市人力资源社会保障局 disagree on T069-02 (培训养老护理员, annual target 3000) for 2026Q2, and
 * 市工业和信息化局 reports both indicators it leads (task 82) for 2026Q2, after the quarter's due day.
 * T069-02 and the periods of 2026 belong to this class.
 */
@ServeIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OverviewIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	IngestFixture fixture;

	@Autowired
	Executions executions;

	@Autowired
	Job reconcileJob;

	@Autowired
	JdbcClient jdbc;

	WebClient web;

	@BeforeAll
	void figuresReconciled() throws Exception {
		web = new WebClient(port);
		fixture.reset();
		executions.startNew(reconcileJob); // findings of other tests' figures are opened before ours, not with them
		fixture.drop("市民政局", "民政_2026Q2.csv", "指标编码,区县,报告期,数值\nT069-02,全市,2026Q2,1000\n", StandardCharsets.UTF_8);
		fixture.drop("市人力资源社会保障局", "人社_2026Q2.csv", "指标编码,区县,报告期,数值\nT069-02,全市,2026Q2,1200\n",
				StandardCharsets.UTF_8);
		fixture.drop("市工业和信息化局", "工信_2026Q2.csv", "指标编码,区县,报告期,数值\nT082-00,,2026Q2,推进中\nT082-01,,2026Q2,6%\n",
				StandardCharsets.UTF_8);
		assertThat(fixture.ingest().getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(executions.startNew(reconcileJob).getStatus()).isEqualTo(BatchStatus.COMPLETED);
	}

	@Test
	void anOperatorSeesTheOpenDiscrepancyWithIndicatorDistrictPeriodAndBothDepartments() throws Exception {
		long id = discrepancyId("2026Q2");

		String page = web.login(WebClient.OPERATOR, WebClient.OPERATOR_PASSWORD).get("/").body();

		assertThat(row(page, "data-discrepancy", Long.toString(id))).contains("牵头部门数值不一致", "T069-02", "培训养老护理员",
				"全市", "2026年第二季度", "市民政局、市人力资源社会保障局", "市民政局 填报 1,000人次", "市人力资源社会保障局 填报 1,200人次");
		assertThat(page).containsPattern("data-kind=\"co_lead_mismatch\">牵头部门数值不一致：[1-9]");
	}

	@Test
	void completenessOfAChosenPeriodShowsEachDepartmentsReportedAndExpectedFiguresOnThePageAndInTheApi() throws Exception {
		WebClient.Session operator = web.login(WebClient.OPERATOR, WebClient.OPERATOR_PASSWORD);
		// the latest ended period that holds the newest figure (of any test class), not the calendar's latest
		String latest = jdbc.sql("""
				SELECT period FROM reporting.reporting_period
				WHERE period_start <= (SELECT max(period_end) FROM reporting.indicator_value)
				ORDER BY period_end DESC LIMIT 1""")
			.query(String.class)
			.single();

		String chosen = operator.get("/?period=2026Q2").body();
		String byDefault = operator.get("/").body();
		JsonNode api = web.json("/api/completeness?period=2026Q2");

		assertThat(chosen).contains("<option value=\"2026Q2\" selected=\"selected\">2026年第二季度</option>");
		assertThat(row(chosen, "data-department", "industry")).contains("市工业和信息化局", "逾期报齐", "2 / 2", "2026年7月10日")
			.doesNotContain("未报送");
		assertThat(row(chosen, "data-department", "eco-env")).as("nothing reported: missing").contains("未报送", "0 / 1");
		assertThat(byDefault).as("the latest period with figures unless chosen")
			.contains("<option value=\"" + latest + "\" selected=\"selected\">");
		List<String> industry = new ArrayList<>();
		api.forEach(r -> {
			if (r.get("department_code").asString().equals("industry")) {
				industry.add(r.get("department").asString() + " " + r.get("period").asString() + " " + r.get("expected").asInt()
						+ " " + r.get("reported").asInt() + " " + r.get("on_time").asBoolean() + " " + r.get("status").asString());
			}
		});
		assertThat(industry).containsExactly("市工业和信息化局 2026Q2 2 2 false late");
		assertThat(api).allSatisfy(r -> assertThat(r.get("period").asString()).isEqualTo("2026Q2"));
	}

	@Test
	void progressShowsTheFirstLeadsFigureAgainstTargetAndTimeByCampaignOnThePageAndInTheApi() throws Exception {
		int campaign = jdbc.sql("SELECT campaign_no FROM reporting.task WHERE task_no = 69").query(Integer.class).single();

		String page = web.login(WebClient.OPERATOR, WebClient.OPERATOR_PASSWORD).get("/?campaign=" + campaign).body();
		JsonNode indicators = web.json("/api/progress/indicators?task=69");
		JsonNode progress = web.json("/api/progress");

		assertThat(row(page, "data-indicator", "T069-02")).contains("培训养老护理员", "2026年第二季度", "1,000 人次", "≥3,000",
				"33.3% / 49.", "滞后于序时进度");
		JsonNode t069 = null;
		for (JsonNode i : indicators) {
			assertThat(i.get("district_code").asString()).isEqualTo("370300");
			if (i.get("indicator_code").asString().equals("T069-02")) {
				t069 = i;
			}
		}
		assertThat(t069).isNotNull();
		assertThat(t069.get("latest_period").asString()).isEqualTo("2026Q2");
		assertThat(t069.get("department").asString()).isEqualTo("市民政局");
		assertThat(t069.get("completion_rate").asDouble()).isEqualTo(0.3333);
		assertThat(t069.get("expected_rate").asDouble()).isBetween(0.49, 0.50);
		assertThat(t069.get("status").asString()).isEqualTo("behind");
		long indicatorsInCatalogue = jdbc.sql("SELECT count(*) FROM reporting.indicator WHERE basis <> 'status'")
			.query(Long.class)
			.single();
		long byStatus = 0;
		for (JsonNode s : progress.get("indicatorStatus")) {
			byStatus += s.get("count").asLong();
		}
		assertThat(byStatus).as("one 全市 row per indicator").isEqualTo(indicatorsInCatalogue);
		assertThat(progress.get("campaigns")).hasSize(5);
		assertThat(page).contains("data-campaign=\"5\"");
	}

	@Test
	void aDepartmentUserSeesItsOwnCompletenessAndProgressButNoDiscrepancies() throws Exception {
		String page = web.login(WebClient.EDU, WebClient.EDU_PASSWORD).get("/?period=2026Q2").body();
		JsonNode completeness = web.json("/api/completeness?period=2026Q2", WebClient.EDU, WebClient.EDU_PASSWORD);

		assertThat(page).contains("data-department=\"edu\"").doesNotContain("data-department=\"industry\"",
				"data-discrepancy", "待核实差异");
		assertThat(completeness).singleElement()
			.satisfies(r -> assertThat(r.get("department_code").asString()).isEqualTo("edu"));
		assertThat(web.json("/api/progress/indicators?task=69", WebClient.EDU, WebClient.EDU_PASSWORD))
			.as("task 69 is not edu's").isEmpty();
		assertThat(web.json("/api/progress/indicators?task=2", WebClient.EDU, WebClient.EDU_PASSWORD)).isNotEmpty();
	}

	@Test
	void reconcileRunNowFromThePageShowsUpInTheRunsLaunchedByTheOperatorAndKeepsTheFindingOfNewFigures() throws Exception {
		fixture.reset();
		fixture.drop("市民政局", "民政_2026Q1.csv", "指标编码,区县,报告期,数值\nT069-02,全市,2026Q1,500\n", StandardCharsets.UTF_8);
		fixture.drop("市人力资源社会保障局", "人社_2026Q1.csv", "指标编码,区县,报告期,数值\nT069-02,全市,2026Q1,520\n",
				StandardCharsets.UTF_8);
		fixture.ingest();
		long before = newestReconcileRun();
		WebClient.Session operator = web.login(WebClient.OPERATOR, WebClient.OPERATOR_PASSWORD);

		HttpResponse<String> pressed = operator.post("/actions/reconcile", "_csrf=" + WebClient.enc(operator.csrf("/")));
		String runsPage = operator.get("/runs").body();
		long run = waitForNewerReconcileRun(before);

		assertThat(pressed.statusCode()).isEqualTo(302);
		assertThat(pressed.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/runs"));
		assertThat(runsPage).contains("数据核对已开始运行");
		JsonNode detail = web.json("/api/runs/" + run).get("run");
		assertThat(detail.get("status").asString()).isEqualTo("COMPLETED");
		assertThat(detail.get("parameters").asString()).contains("launched.by=operator " + WebClient.OPERATOR);
		assertThat(discrepancyId("2026Q1")).as("open after the run").isPositive();
		assertThat(operator.get("/runs?job=reconcileJob").body()).contains("data-run=\"" + run + "\"");
	}

	@Test
	void reconcileNowNeedsTheFormsTokenAndAnOperator() throws Exception {
		WebClient.Session operator = web.login(WebClient.OPERATOR, WebClient.OPERATOR_PASSWORD);
		WebClient.Session clerk = web.login(WebClient.EDU, WebClient.EDU_PASSWORD);
		long before = newestReconcileRun();

		assertThat(operator.post("/actions/reconcile", "").statusCode()).isEqualTo(403);
		assertThat(clerk.post("/actions/reconcile", "_csrf=" + WebClient.enc(clerk.csrf("/"))).statusCode()).isEqualTo(403);
		assertThat(newestReconcileRun()).isEqualTo(before);
	}

	private long newestReconcileRun() {
		return jdbc.sql("""
				SELECT coalesce(max(e.job_execution_id), 0) FROM batch.batch_job_execution e
				JOIN batch.batch_job_instance i USING (job_instance_id) WHERE i.job_name = 'reconcileJob'""")
			.query(Long.class)
			.single();
	}

	/** The id of the reconcile run started after {@code before}, once it has ended. */
	private long waitForNewerReconcileRun(long before) throws InterruptedException {
		long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
		while (System.nanoTime() < deadline) {
			List<Long> ended = jdbc.sql("""
					SELECT e.job_execution_id FROM batch.batch_job_execution e JOIN batch.batch_job_instance i USING (job_instance_id)
					WHERE i.job_name = 'reconcileJob' AND e.job_execution_id > ? AND e.end_time IS NOT NULL""")
				.param(before)
				.query(Long.class)
				.list();
			if (!ended.isEmpty()) {
				return ended.get(0);
			}
			Thread.sleep(200);
		}
		throw new AssertionError("no reconcile run after " + before + " ended within 60 s");
	}

	private long discrepancyId(String period) {
		return jdbc.sql("""
				SELECT discrepancy_id FROM reporting.discrepancy
				WHERE status = 'open' AND kind = 'co_lead_mismatch' AND indicator_code = 'T069-02' AND period = ?""")
			.param(period)
			.query(Long.class)
			.single();
	}

	/** The table row of a page carrying this data attribute, as text without tags. */
	static String row(String page, String attribute, String value) {
		int at = page.indexOf(attribute + "=\"" + value + "\"");
		assertThat(at).as("a row with " + attribute + "=" + value).isNotNegative();
		return page.substring(at, page.indexOf("</tr>", at))
			.replaceAll("<[^>]+>", " ")
			.replaceAll("\\s+", " ")
			.replace("&gt;", ">")
			.replace("&lt;", "<")
			.replace("&amp;", "&");
	}

}
