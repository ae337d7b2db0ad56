package cn.zibo.livelihood.jobs;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.partition.support.SimplePartitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

import cn.zibo.livelihood.ingest.Intake;
import cn.zibo.livelihood.ingest.SubmissionLoader;
import cn.zibo.livelihood.reconcile.Reconciler;
import cn.zibo.livelihood.report.receipt.Receipts;
import cn.zibo.livelihood.system.Outages;
import cn.zibo.livelihood.system.PipelineProperties;
import cn.zibo.livelihood.warehouse.Submissions;

/**
 * {@code ingest --once}, the inbox watcher and the ingest schedule: take every complete file out of
 * the inbox, process each submission, write the receipts. Several instances may run it at once on
 * one database and inbox: files are taken under the database's intake lock, and submissions and
 * receipts are taken one at a time by row lock, so each is handled by exactly one of them.
 * <ol>
 * <li>{@code inboxClaimStep} archives and claims files, each claim committed on its own before the
 * file leaves the inbox (symbolic links are not followed: each gets a receipt saying why);</li>
 * <li>{@code submissionLoadStep} processes one submission per transaction, a partition per
 * department with files waiting, several at once ({@code etl.ingest.parallel-files}, the core count
 * by default), so a crash loses at most the submissions in hand, which stay waiting and are
 * processed, once, when the job is restarted;</li>
 * <li>{@code receiptWriteStep} writes the receipt of every processed submission that has none yet,
 * one per transaction, as many at once as files load, from what the warehouse holds, so receipts
 * never claim more than was committed; a receipt that cannot be written is recorded as the
 * submission's failure and skipped, so that it never holds up the others;</li>
 * <li>{@code reconcileStep} (the reconcile job's step), when the figures changed since the last
 * reconciliation (this run loaded something, or another instance did): findings, consolidated
 * values and progress follow what was just loaded. It comes last and in its own transaction, so a
 * reconciliation that fails (a wrong preferred-lead setting) fails the run but loses nothing: the
 * figures and receipts are committed, and the next run, or a restart of this one, reconciles. The
 * inbox watcher launches the job with {@code reconcile=queued}: the step then does nothing, and the
 * watcher's own reconcile run, coalesced and beside the next loads, follows instead.</li>
 * </ol>
 */
@Configuration(proxyBeanMethods = false)
public class IngestJobConfiguration {

	public static final String JOB_NAME = "ingestJob";

	/**
	 * The job parameter that, set to {@link #RECONCILE_QUEUED}, makes the run end after the receipts:
	 * its launcher has queued a reconcile run of its own.
	 */
	public static final String RECONCILE = "reconcile";

	public static final String RECONCILE_QUEUED = "queued";

	private static final Logger log = LoggerFactory.getLogger(IngestJobConfiguration.class);

	@Bean
	Job ingestJob(JobRepository jobRepository, Step inboxClaimStep, Step submissionLoadStep, Step receiptWriteStep,
			Step ingestReconcileStep) {
		return new JobBuilder(JOB_NAME, jobRepository).start(inboxClaimStep)
			.next(submissionLoadStep)
			.next(receiptWriteStep)
			.next(ingestReconcileStep)
			.build();
	}

	/** The reconcile job's step, when figures changed since the last reconciliation. */
	@Bean
	Step ingestReconcileStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			Reconciler reconciler) {
		return ReconcileJobConfiguration.reconcileStep(jobRepository, transactionManager, reconciler, true);
	}

	@Bean
	Step inboxClaimStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, Intake intake,
			Receipts receipts) {
		return new StepBuilder("inboxClaimStep", jobRepository).tasklet((contribution, chunkContext) -> {
			long execution = contribution.getStepExecution().getJobExecutionId();
			int claimed = intake.claimAll(execution, receipts::refuseLink).size();
			contribution.incrementWriteCount(claimed);
			return RepeatStatus.FINISHED;
		}, transactionManager).build();
	}

	/**
	 * A partition per department with files waiting ({@link SubmissionLoadPartitions}), run by a pool
	 * of {@code etl.ingest.parallel-files} threads (the core count by default); the manager step's
	 * counts are the sum of its partitions'.
	 */
	@Bean
	Step submissionLoadStep(JobRepository jobRepository, Step submissionLoadPartitionStep, Submissions submissions,
			PipelineProperties properties) {
		int threads = properties.ingest().filesAtOnce();
		SimpleAsyncTaskExecutor pool = new SimpleAsyncTaskExecutor("submission-load-");
		pool.setConcurrencyLimit(threads);
		return new StepBuilder("submissionLoadStep", jobRepository)
			.partitioner(submissionLoadPartitionStep.getName(), new SubmissionLoadPartitions(submissions))
			.step(submissionLoadPartitionStep)
			.gridSize(threads)
			.taskExecutor(pool)
			.build();
	}

	/**
	 * One partition: processes its department's waiting submissions one per transaction, the tasklet
	 * repeating while one waits, so a crash loses at most the submission in hand.
	 */
	@Bean
	Step submissionLoadPartitionStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			SubmissionLoader loader) {
		return new StepBuilder("submissionLoadPartitionStep", jobRepository).tasklet((contribution, chunkContext) -> {
			String department = contribution.getStepExecution()
				.getExecutionContext()
				.getString(SubmissionLoadPartitions.DEPARTMENT);
			var processed = loader.processNextOf(department);
			if (processed.isEmpty()) {
				return RepeatStatus.FINISHED;
			}
			for (int i = 0; i < processed.get().figures(); i++) {
				contribution.incrementReadCount();
			}
			contribution.incrementWriteCount(processed.get().loaded());
			contribution.incrementFilterCount(processed.get().figures() - processed.get().loaded());
			return RepeatStatus.CONTINUABLE;
		}, transactionManager).build();
	}

	/**
	 * As many partitions as files load at once, each writing receipts while any await one (the row
	 * lock gives each receipt to one of them), so a drop of several large files is answered on every
	 * core. Always that many, named by number: a restarted run restarts those that did not complete.
	 */
	@Bean
	Step receiptWriteStep(JobRepository jobRepository, Step receiptWritePartitionStep, PipelineProperties properties) {
		int threads = properties.ingest().filesAtOnce();
		SimpleAsyncTaskExecutor pool = new SimpleAsyncTaskExecutor("receipt-write-");
		pool.setConcurrencyLimit(threads);
		return new StepBuilder("receiptWriteStep", jobRepository)
			.partitioner(receiptWritePartitionStep.getName(), new SimplePartitioner())
			.step(receiptWritePartitionStep)
			.gridSize(threads)
			.taskExecutor(pool)
			.build();
	}

	@Bean
	Step receiptWritePartitionStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			Submissions submissions, Receipts receipts) {
		return new StepBuilder("receiptWritePartitionStep", jobRepository).tasklet((contribution, chunkContext) -> {
			var next = submissions.nextAwaitingReceipt();
			if (next.isEmpty()) {
				return RepeatStatus.FINISHED;
			}
			long id = next.get();
			try {
				Receipts.Written written = receipts.write(id);
				submissions.receiptWritten(id, written.workbook());
				if (written.failure() != null) {
					submissions.failed(id, written.failure());
				}
				contribution.incrementWriteCount(1);
			}
			catch (RuntimeException ex) {
				if (Outages.isOutage(ex)) {
					throw ex;
				}
				log.error("The receipt of submission {} could not be written; the run goes on with the next one", id, ex);
				submissions.receiptFailed(id, "receipt: " + Outages.describe(ex));
				contribution.incrementProcessSkipCount();
			}
			return RepeatStatus.CONTINUABLE;
		}, transactionManager).build();
	}

}
