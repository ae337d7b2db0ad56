package cn.zibo.livelihood.ops.web;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The runs page with 20,000 job executions (60,000 steps) in the repository: the page's query walks
 * the job repository's indexes (V7__job_repository.sql) rather than the tables. Times are printed,
 * not asserted (a shared CI machine makes timings flaky); the plan is asserted.
 */
@ServeIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunsPageBenchmarkIntegrationTests {

	static final String JOB = "benchmarkProbeJob";

	static final int EXECUTIONS = 20_000;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@BeforeAll
	void manyExecutions() {
		long started = System.nanoTime();
		JobRepositoryRows.executions(jdbc, JOB, EXECUTIONS);
		System.out.printf("[benchmark] inserted %d job executions with 3 steps each in %d ms%n", EXECUTIONS,
				(System.nanoTime() - started) / 1_000_000);
	}

	@AfterAll
	void removeThem() {
		JobRepositoryRows.delete(jdbc, JOB);
	}

	@Test
	void aPageOfRunsReadsOnlyItsOwnRowsThroughTheIndexes() {
		String plan = explain(Runs.pageSql(false, false).replace(":size", "50")
			.replace(":offset", "15000"));
		String oneRun = explain("SELECT * FROM batch.job_execution_summary WHERE job_execution_id = 42");
		String steps = explain("SELECT * FROM batch.step_execution_summary WHERE job_execution_id = 42");

		assertThat(plan).contains("batch_job_execution_pkey", "batch_step_execution_job_execution_ix",
				"batch_job_execution_params_job_execution_ix", "batch_job_execution_instance_ix");
		assertThat(plan).doesNotContain("Seq Scan on batch_step_execution", "Seq Scan on batch_job_execution_params");
		assertThat(oneRun).doesNotContain("Seq Scan");
		assertThat(steps).contains("batch_step_execution_job_execution_ix");
	}

	private String executionTime(int offset) {
		return jdbc.sql("EXPLAIN ANALYZE " + Runs.pageSql(false, false).replace(":size", "50")
			.replace(":offset", Integer.toString(offset))).query(String.class).list()
			.stream().filter(l -> l.startsWith("Execution Time")).findFirst().orElse("?");
	}

	private String explain(String sql) {
		return String.join("\n", jdbc.sql("EXPLAIN " + sql).query(String.class).list());
	}

	@Test
	void theRunsApiAndPageAnswerQuicklyWithTwentyThousandExecutions() throws Exception {
		WebClient web = new WebClient(port);
		WebClient.Session session = web.login(WebClient.OPERATOR, WebClient.OPERATOR_PASSWORD);
		web.asOperator("/api/runs"); // warm-up: first use of the views and templates
		session.get("/runs");

		long total = web.json("/api/runs?size=1").get("total").asLong();
		long api = time(() -> web.asOperator("/api/runs"));
		long deep = time(() -> web.asOperator("/api/runs?page=300"));
		long failed = time(() -> web.asOperator("/api/runs?status=FAILED&job=" + JOB));
		long page = time(() -> session.get("/runs"));
		long deepPage = time(() -> session.get("/runs?page=300"));
		String newest = web.json("/api/runs?size=1").get("items").get(0).get("jobExecutionId").asString();
		long detail = time(() -> session.get("/runs/" + newest));

		System.out.printf("[benchmark] %d executions: /api/runs %d ms, /api/runs?page=300 %d ms, FAILED filter %d ms"
				+ " (API times include checking the bcrypt password of HTTP Basic on every request);"
				+ " /runs page %d ms, /runs?page=300 %d ms, one run's page %d ms%n", total, api, deep, failed, page, deepPage,
				detail);
		System.out.printf("[benchmark] in the database: first page %s, page 300 %s, count %s%n", executionTime(0), executionTime(15000),
				jdbc.sql("EXPLAIN ANALYZE SELECT count(*) FROM batch.batch_job_execution").query(String.class).list()
					.stream().filter(l -> l.startsWith("Execution Time")).findFirst().orElse("?"));
		assertThat(total).isGreaterThanOrEqualTo(EXECUTIONS);
		assertThat(session.get("/runs").body()).contains(JOB);
	}

	@Test
	void theRunsPageAndApiReturnOnePageOfFiftyRunsOutOfTwentyThousand() throws Exception {
		WebClient web = new WebClient(port);
		WebClient.Session session = web.login(WebClient.OPERATOR, WebClient.OPERATOR_PASSWORD);

		var first = web.json("/api/runs");
		var deep = web.json("/api/runs?page=300");
		String page = session.get("/runs").body();
		String deepPage = session.get("/runs?page=300").body();

		long total = first.get("total").asLong();
		assertThat(total).isGreaterThanOrEqualTo(EXECUTIONS);
		assertThat(first.get("items")).hasSize(Paged.DEFAULT_SIZE);
		assertThat(deep.get("items")).hasSize(Paged.DEFAULT_SIZE);
		assertThat(deep.get("items").get(0).get("jobExecutionId").asLong())
			.as("page 300 starts 15,000 runs below the newest")
			.isLessThan(first.get("items").get(0).get("jobExecutionId").asLong() - 14_999);
		assertThat(rows(page)).isEqualTo(Paged.DEFAULT_SIZE);
		assertThat(rows(deepPage)).isEqualTo(Paged.DEFAULT_SIZE);
		assertThat(page).contains("共 <span>" + (total + Paged.DEFAULT_SIZE - 1) / Paged.DEFAULT_SIZE + "</span> 页");
		assertThat(explain(Runs.pageSql(false, false).replace(":size", "50").replace(":offset", "0")))
			.as("the database stops after the page").contains("Limit");
	}

	private static long rows(String html) {
		return java.util.regex.Pattern.compile("<tr data-run=").matcher(html).results().count();
	}

	interface Call {

		HttpResponse<String> call() throws Exception;

	}

	/** Milliseconds of the fastest of three calls, each checked for 200. */
	private static long time(Call call) throws Exception {
		long best = Long.MAX_VALUE;
		for (int i = 0; i < 3; i++) {
			long started = System.nanoTime();
			HttpResponse<String> response = call.call();
			best = Math.min(best, (System.nanoTime() - started) / 1_000_000);
			assertThat(response.statusCode()).isEqualTo(200);
		}
		return best;
	}

}
