package cn.zibo.livelihood.ops.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import org.springframework.batch.core.job.Job;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.zibo.livelihood.ingest.IngestFixture;
import cn.zibo.livelihood.jobs.Executions;

import static org.assertj.core.api.Assertions.assertThat;

/** What a Prometheus server scraping {@code serve} finds after an ingest. */
@ServeIntegrationTest
class MetricsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	IngestFixture fixture;

	@Autowired
	Executions executions;

	@Autowired
	Job reconcileJob;

	@Test
	void prometheusShowsThePipelinesCountersByDepartmentAndSpringBatchTimers() throws Exception {
		fixture.reset();
		fixture.drop("市民政局", "metrics-good_2023Q1.csv", "指标编码,数值,报告期\nT059-01,1500,2023Q1\n", StandardCharsets.UTF_8);
		fixture.drop("市民政局", "metrics-bad_2023Q2.csv", "指标编码,数值,报告期\nT059-01,很多,2023Q2\nT059-01,1600,2023Q2\n",
				StandardCharsets.UTF_8);
		fixture.ingest();

		String scrape = new WebClient(port).asOperator("/actuator/prometheus").body();

		assertThat(scrape).contains("livelihood_files_received_total{department=\"civil\"}",
				"livelihood_figures_loaded_total{department=\"civil\"}", "livelihood_figures_rejected_total{department=\"civil\"}",
				"livelihood_submissions_processed_total{department=\"civil\",status=\"rejected\"}",
				"livelihood_submissions_processed_total{department=\"civil\",status=\"loaded\"}",
				"livelihood_discrepancies_open{department=", "spring_batch_job_seconds_count{", "spring_batch_job_name=\"ingestJob\"",
				"spring_batch_step_seconds_count{");
		assertThat(value(scrape, "livelihood_files_received_total{department=\"civil\"}")).isGreaterThanOrEqualTo(2);
		assertThat(value(scrape, "livelihood_figures_rejected_total{department=\"civil\"}")).isGreaterThanOrEqualTo(2);
	}

	@Test
	void openDiscrepanciesAreCountedForEachDepartmentTheyNameAndOthersStayAtTheirCount() throws Exception {
		fixture.reset();
		executions.startNew(reconcileJob); // findings of other tests' figures are opened before ours, not with them
		WebClient.Session operator = new WebClient(port).login(WebClient.OPERATOR, WebClient.OPERATOR_PASSWORD);
		String civil = "livelihood_discrepancies_open{department=\"civil\"}";
		String hrss = "livelihood_discrepancies_open{department=\"hrss\"}";
		String sasac = "livelihood_discrepancies_open{department=\"sasac\"}";
		String before = scrapeOnceCounted(operator, scrape -> scrape.contains(civil + " "));

		// co-leads of T069-02 (培训养老护理员) disagree on 2019Q4, a period no other test reports
		fixture.drop("市民政局", "metrics-民政_2019Q4.csv", "指标编码,区县,报告期,数值\nT069-02,全市,2019Q4,800\n",
				StandardCharsets.UTF_8);
		fixture.drop("市人力资源社会保障局", "metrics-人社_2019Q4.csv", "指标编码,区县,报告期,数值\nT069-02,全市,2019Q4,900\n",
				StandardCharsets.UTF_8);
		fixture.ingest();
		executions.startNew(reconcileJob);
		String after = scrapeOnceCounted(operator, scrape -> value(scrape, civil) != value(before, civil));

		assertThat(value(after, civil)).isEqualTo(value(before, civil) + 1);
		assertThat(value(after, hrss)).isEqualTo(value(before, hrss) + 1);
		assertThat(value(after, sasac)).as("a department the finding does not name").isEqualTo(value(before, sasac));
	}

	/** The scrape once the gauges' next count has run and {@code counted} holds (they count every few seconds). */
	private String scrapeOnceCounted(WebClient.Session operator, Predicate<String> counted) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(OpenDiscrepancyGauges.EVERY_SECONDS * 6L).toNanos();
		Thread.sleep(Duration.ofSeconds(OpenDiscrepancyGauges.EVERY_SECONDS + 1).toMillis());
		String scrape = operator.get("/actuator/prometheus").body();
		while (!counted.test(scrape) && System.nanoTime() < deadline) {
			Thread.sleep(500);
			scrape = operator.get("/actuator/prometheus").body();
		}
		return scrape;
	}

	private static double value(String scrape, String series) {
		return scrape.lines()
			.filter(l -> l.startsWith(series + " "))
			.mapToDouble(l -> Double.parseDouble(l.substring(series.length() + 1).trim()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no series " + series));
	}

}
