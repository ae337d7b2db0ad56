package cn.zibo.livelihood.ops.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.zibo.livelihood.ingest.IngestFixture;
import cn.zibo.livelihood.jobs.Executions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The retention purge beside what else runs: another instance purging at the same moment, and jobs
 * running while it purges (with a retention shorter than a run, a running execution is old enough
 * to go). 市住房城乡建设局's T108-01 for the months of 2040 belongs to this class.
 */
@ServeIntegrationTest
class RetentionConcurrencyIntegrationTests {

	static final String JOB = "retentionRaceProbeJob";

	@Autowired
	RetentionPurge purge;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	IngestFixture fixture;

	@Autowired
	Executions executions;

	@Autowired
	Job ingestJob;

	final ExecutorService threads = Executors.newFixedThreadPool(2);

	@AfterEach
	void removeProbes() {
		threads.shutdownNow();
		JobRepositoryRows.delete(jdbc, JOB);
	}

	@Test
	void twoInstancesPurgingAtOnceBothFinishAndTogetherDeleteEachOldExecutionOnce() throws Exception {
		JobRepositoryRows.executions(jdbc, JOB, 3000);
		JobRepositoryRows.age(jdbc, JOB, 200);
		long before = executionCount();
		CyclicBarrier together = new CyclicBarrier(2);
		Callable<Integer> purging = () -> {
			together.await();
			return purge.purge();
		};

		Future<Integer> first = threads.submit(purging);
		Future<Integer> second = threads.submit(purging);
		int purged = first.get(2, TimeUnit.MINUTES) + second.get(2, TimeUnit.MINUTES);

		assertThat(purged).as("each execution counted by the purge that deleted it").isEqualTo(before - executionCount());
		assertThat(jdbc.sql("""
				SELECT count(*) FROM batch.batch_job_execution e JOIN batch.batch_job_instance i USING (job_instance_id)
				WHERE i.job_name = ?""").param(JOB).query(Long.class).single()).as("the latest stays").isOne();
		assertThat(jdbc.sql("""
				SELECT count(*) FROM batch.batch_step_execution s
				WHERE NOT EXISTS (SELECT 1 FROM batch.batch_job_execution e WHERE e.job_execution_id = s.job_execution_id)""")
			.query(Long.class)
			.single()).as("no step left without its execution").isZero();
	}

	@Test
	void purgesWhileIngestRunsLeaveTheRunningExecutionsAloneAndEveryRunCompletes() throws Exception {
		fixture.reset();
		List<String> periods = new ArrayList<>();
		for (int month = 1; month <= 12; month++) {
			String period = String.format("2040-%02d", month);
			periods.add(period);
			fixture.drop("市住房城乡建设局", "住建_" + period + ".csv", "指标编码,区县,报告期,数值\nT108-01,全市," + period + ",200\n",
					StandardCharsets.UTF_8);
		}

		// three runs, one after another (the first takes the files), each while purges keep running as a
		// retention shorter than a run would make them: everything created before now
		List<JobExecution> runs = new ArrayList<>();
		int purgesDuringRuns = 0;
		for (int i = 0; i < 3; i++) {
			Future<JobExecution> run = threads.submit(() -> executions.startNew(ingestJob));
			while (!run.isDone()) {
				boolean running = ingestRunning();
				jdbc.sql("SELECT batch.purge_job_executions(localtimestamp)").query(Integer.class).single();
				if (running && ingestRunning()) {
					purgesDuringRuns++;
				}
			}
			runs.add(run.get(2, TimeUnit.MINUTES));
		}

		assertThat(runs).extracting(JobExecution::getStatus).containsOnly(BatchStatus.COMPLETED);
		assertThat(purgesDuringRuns).as("purges that began and ended while a run was running").isPositive();
		assertThat(runs.get(0).getStepExecutions()).as("the first run took every file")
			.anySatisfy(step -> {
				assertThat(step.getStepName()).isEqualTo("inboxClaimStep");
				assertThat(step.getWriteCount()).isEqualTo(periods.size());
			});
		assertThat(jdbc.sql("SELECT status FROM batch.batch_job_execution WHERE job_execution_id = ?")
			.param(runs.get(2).getId())
			.query(String.class)
			.single()).as("the latest run is kept").isEqualTo("COMPLETED");
		for (String period : periods) {
			assertThat(fixture.submission("住建_" + period + ".csv")).containsEntry("status", "loaded");
		}
	}

	private boolean ingestRunning() {
		return jdbc.sql("""
				SELECT count(*) > 0 FROM batch.batch_job_execution e JOIN batch.batch_job_instance i USING (job_instance_id)
				WHERE i.job_name = 'ingestJob' AND e.status IN ('STARTING', 'STARTED')""").query(Boolean.class).single();
	}

	private long executionCount() {
		return jdbc.sql("SELECT count(*) FROM batch.batch_job_execution").query(Long.class).single();
	}

}
