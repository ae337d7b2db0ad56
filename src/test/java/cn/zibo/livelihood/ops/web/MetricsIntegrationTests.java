package cn.zibo.livelihood.ops.web;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.zibo.livelihood.ingest.IngestFixture;

import static org.assertj.core.api.Assertions.assertThat;

/** What a Prometheus server scraping {@code serve} finds after an ingest. */
@ServeIntegrationTest
class MetricsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	IngestFixture fixture;

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
				"livelihood_discrepancies_open", "spring_batch_job_seconds_count{", "spring_batch_job_name=\"ingestJob\"",
				"spring_batch_step_seconds_count{");
		assertThat(value(scrape, "livelihood_files_received_total{department=\"civil\"}")).isGreaterThanOrEqualTo(2);
		assertThat(value(scrape, "livelihood_figures_rejected_total{department=\"civil\"}")).isGreaterThanOrEqualTo(2);
	}

	private static double value(String scrape, String series) {
		return scrape.lines()
			.filter(l -> l.startsWith(series + " "))
			.mapToDouble(l -> Double.parseDouble(l.substring(series.length() + 1).trim()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no series " + series));
	}

}
