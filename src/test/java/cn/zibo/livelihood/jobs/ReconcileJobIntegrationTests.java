package cn.zibo.livelihood.jobs;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.zibo.livelihood.PipelineIntegrationTest;
import cn.zibo.livelihood.ingest.IngestFixture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reconcile job, and the same step at the end of every ingest run: its write count is the
 * findings it opened, its filter count the findings it closed, and a run over unchanged figures
 * changes nothing. Co-leads of task 63 (市民政局, 市国资委) in period 2038Q1 are this class's.
 */
@PipelineIntegrationTest
class ReconcileJobIntegrationTests {

	@Autowired
	IngestFixture fixture;

	@Autowired
	Executions executions;

	@Autowired
	Job reconcileJob;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void emptyInbox() {
		fixture.reset();
	}

	@Test
	void findingsOpenedAndClosedAreTheStepsWriteAndFilterCounts() throws Exception {
		// given co-leads that disagree, loaded by an ingest run that reconciles at its end
		fixture.drop("市民政局", "民政_2038Q1.csv", "指标编码,数值\nT063-04,20\n", StandardCharsets.UTF_8);
		fixture.drop("市国资委", "国资_2038Q1.csv", "指标编码,数值\nT063-04,21\n", StandardCharsets.UTF_8);
		JobExecution disagreeing = fixture.ingest();

		// when the reconcile job runs over the same figures
		JobExecution again = executions.startNew(reconcileJob);

		// then the ingest run opened the finding, and the reconcile job found nothing new to do
		assertThat(Steps.counts(disagreeing).get("reconcileStep")).isEqualTo("read 0, write 1, filter 0, skip 0");
		assertThat(again.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(Steps.counts(again)).containsExactly(org.assertj.core.api.Assertions.entry("reconcileStep",
				"read 0, write 0, filter 0, skip 0"));
		assertThat(openFindings()).isEqualTo(1);

		// when the second lead corrects its file, then that run's reconcile step closes the finding
		fixture.drop("市国资委", "国资_2038Q1更正.csv", "指标编码,数值\nT063-04,20\n", StandardCharsets.UTF_8);
		JobExecution corrected = fixture.ingest();

		assertThat(Steps.counts(corrected).get("reconcileStep")).isEqualTo("read 0, write 0, filter 1, skip 0");
		assertThat(openFindings()).isZero();
	}

	private long openFindings() {
		return jdbc.sql("SELECT count(*) FROM reporting.discrepancy WHERE period = '2038Q1' AND indicator_code = 'T063-04' AND status = 'open'")
			.query(Long.class)
			.single();
	}

}
