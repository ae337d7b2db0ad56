package cn.zibo.livelihood.jobs;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import cn.zibo.livelihood.reconcile.ReconcileOutcome;
import cn.zibo.livelihood.reconcile.Reconciler;

/**
 * {@code reconcile}: one step that reconciles everything the warehouse holds, in one transaction
 * (the rules are set-based SQL over the consolidated values the warehouse keeps, seconds on a million
 * facts, so there is nothing to chunk, and a run that fails leaves the findings of the last good run).
 * The ingest job ends with the same step. Write count: findings opened; filter count: findings
 * closed. The outcome is left in the job's execution context for whoever launched it.
 */
@Configuration(proxyBeanMethods = false)
public class ReconcileJobConfiguration {

	public static final String JOB_NAME = "reconcileJob";

	public static final String OUTCOME_KEY = "reconcile.outcome";

	@Bean
	Job reconcileJob(JobRepository jobRepository, Step reconcileStep) {
		return new JobBuilder(JOB_NAME, jobRepository).start(reconcileStep).build();
	}

	@Bean
	Step reconcileStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			Reconciler reconciler) {
		return reconcileStep(jobRepository, transactionManager, reconciler, false);
	}

	/**
	 * The step; {@code onlyWhenFiguresChanged} (at the end of an ingest run) skips the work when no
	 * figures changed since the last reconciliation, whichever run or instance made it, or when the
	 * run was launched with {@code reconcile=queued} (the inbox watcher, which queues a reconcile run
	 * of its own so that the next file does not wait for it), saying so in the step's exit description. Asked of the database rather than of the run's counts, so that a
	 * run restarted after a crash (whose first attempt loaded the files) still reconciles.
	 */
	static Step reconcileStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			Reconciler reconciler, boolean onlyWhenFiguresChanged) {
		return new StepBuilder("reconcileStep", jobRepository).tasklet((contribution, chunkContext) -> {
			if (onlyWhenFiguresChanged && IngestJobConfiguration.RECONCILE_QUEUED
				.equals(contribution.getStepExecution().getJobParameters().getString(IngestJobConfiguration.RECONCILE))) {
				contribution.setExitStatus(ExitStatus.COMPLETED
					.addExitDescription("Reconciliation left to the reconcile run queued by whoever launched this one"));
				return RepeatStatus.FINISHED;
			}
			if (onlyWhenFiguresChanged && !reconciler.pending()) {
				contribution.setExitStatus(ExitStatus.COMPLETED
					.addExitDescription("No figures changed since the last reconciliation: nothing to reconcile"));
				return RepeatStatus.FINISHED;
			}
			ReconcileOutcome outcome = reconciler.run();
			contribution.incrementWriteCount(outcome.opened());
			contribution.incrementFilterCount(outcome.closed());
			chunkContext.getStepContext()
				.getStepExecution()
				.getJobExecution()
				.getExecutionContext()
				.putString(OUTCOME_KEY, outcome.describe());
			return RepeatStatus.FINISHED;
		}, transactionManager).build();
	}

}
