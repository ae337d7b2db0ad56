package cn.zibo.livelihood.ops.web;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The retention purge of the job repository (etl.retention.job-executions, 90 days by default). */
@ServeIntegrationTest
class RetentionIntegrationTests {

	@Autowired
	RetentionPurge purge;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void removeProbes() {
		JobRepositoryRows.delete(jdbc, "retentionProbeJob", "retentionLoneJob");
	}

	@Test
	void executionsOlderThanTheRetentionGoWithTheirStepsContextsAndParametersButRunningAndLatestOnesStay() {
		long oldInstance = JobRepositoryRows.instance(jdbc, "retentionProbeJob");
		long oldDone = JobRepositoryRows.execution(jdbc, oldInstance, 200, "COMPLETED", 2);
		long oldFailed = JobRepositoryRows.execution(jdbc, JobRepositoryRows.instance(jdbc, "retentionProbeJob"), 200, "FAILED", 1);
		long stillRunning = JobRepositoryRows.execution(jdbc, JobRepositoryRows.instance(jdbc, "retentionProbeJob"), 199,
				"STARTED", 1);
		long recent = JobRepositoryRows.execution(jdbc, JobRepositoryRows.instance(jdbc, "retentionProbeJob"), 1, "COMPLETED", 1);
		long loneOld = JobRepositoryRows.execution(jdbc, JobRepositoryRows.instance(jdbc, "retentionLoneJob"), 300, "COMPLETED", 1);

		int purged = purge.purge();

		assertThat(purged).isGreaterThanOrEqualTo(2);
		assertThat(existing("batch.batch_job_execution", List.of(oldDone, oldFailed, stillRunning, recent, loneOld)))
			.as("running, recent and the latest of a job stay")
			.containsExactlyInAnyOrder(stillRunning, recent, loneOld);
		assertThat(existing("batch.batch_step_execution", List.of(oldDone, oldFailed))).isEmpty();
		assertThat(existing("batch.batch_job_execution_params", List.of(oldDone, oldFailed))).isEmpty();
		assertThat(existing("batch.batch_job_execution_context", List.of(oldDone, oldFailed))).isEmpty();
		assertThat(jdbc.sql("SELECT count(*) FROM batch.batch_step_execution_context c JOIN batch.batch_step_execution s"
				+ " USING (step_execution_id) WHERE s.job_execution_id IN (?, ?)").params(stillRunning, recent).query(Long.class).single())
			.isEqualTo(2);
		assertThat(jdbc.sql("SELECT count(*) FROM batch.batch_job_instance WHERE job_instance_id = ?")
			.param(oldInstance)
			.query(Long.class)
			.single()).as("the emptied instance goes").isZero();
	}

	@Test
	void theEarlierAttemptsOfARunThatIsRunningAgainStayWhateverTheirAgeForTheRestartResumesFromThem() {
		long instance = JobRepositoryRows.instance(jdbc, "retentionProbeJob");
		long firstAttempt = JobRepositoryRows.execution(jdbc, instance, 200, "FAILED", 2);
		long secondAttempt = JobRepositoryRows.execution(jdbc, instance, 150, "FAILED", 2);
		long restart = JobRepositoryRows.execution(jdbc, instance, 0, "STARTED", 1);
		JobRepositoryRows.execution(jdbc, JobRepositoryRows.instance(jdbc, "retentionProbeJob"), 0, "COMPLETED", 1);

		purge.purge();

		assertThat(existing("batch.batch_job_execution", List.of(firstAttempt, secondAttempt, restart)))
			.containsExactlyInAnyOrder(firstAttempt, secondAttempt, restart);
		assertThat(existing("batch.batch_step_execution", List.of(firstAttempt, secondAttempt)))
			.containsExactlyInAnyOrder(firstAttempt, secondAttempt);
	}

	private List<Long> existing(String table, List<Long> executions) {
		return jdbc.sql("SELECT DISTINCT job_execution_id FROM " + table + " WHERE job_execution_id = ANY (?)")
			.param(executions.toArray(Long[]::new))
			.query(Long.class)
			.list();
	}

}
