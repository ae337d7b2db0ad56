package cn.zibo.livelihood.jobs;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.JobRestartException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * Runs jobs the way an operator expects after a crash: an execution a killed process left STARTED
 * is recovered (Batch 6 {@code JobOperator.recover}) so it does not block, and a failed last run is
 * restarted before anything new starts, so its work is finished exactly once.
 */
@Component
public class Executions {

	private static final Logger log = LoggerFactory.getLogger(Executions.class);

	private final JobOperator operator;

	private final JobRepository repository;

	Executions(JobOperator operator, JobRepository repository) {
		this.operator = operator;
		this.repository = repository;
	}

	/**
	 * Recovers executions of this job still marked running but not updated for {@code staleAfter}:
	 * their process is gone (a live one updates them as it commits).
	 */
	public void recoverStale(Job job, Duration staleAfter) {
		LocalDateTime cutoff = LocalDateTime.now().minus(staleAfter);
		for (JobExecution execution : repository.findRunningJobExecutions(job.getName())) {
			LocalDateTime updated = execution.getLastUpdated() != null ? execution.getLastUpdated() : execution.getCreateTime();
			if (updated != null && updated.isBefore(cutoff)) {
				log.warn("Recovering {} execution {}, left {} by a process that ended", job.getName(), execution.getId(),
						execution.getStatus());
				operator.recover(execution);
			}
		}
	}

	/** Restarts the job's last execution if it failed or was stopped; empty if there was nothing to finish. */
	public Optional<JobExecution> finishLastIfFailed(Job job) throws Exception {
		JobInstance last = repository.getLastJobInstance(job.getName());
		JobExecution execution = last == null ? null : repository.getLastJobExecution(last);
		if (execution == null || (execution.getStatus() != BatchStatus.FAILED && execution.getStatus() != BatchStatus.STOPPED)) {
			return Optional.empty();
		}
		log.info("Restarting {} execution {} ({}) to finish its work", job.getName(), execution.getId(), execution.getStatus());
		return Optional.of(operator.restart(execution));
	}

	/**
	 * Restarts one failed or stopped execution, as an operator asks from the web page: its job instance
	 * runs again from where it stopped. Only the latest execution of its instance can be restarted (an
	 * earlier one was restarted already).
	 *
	 * @throws IllegalArgumentException if there is no such execution
	 * @throws IllegalStateException if it is not failed or stopped, or was restarted already
	 */
	public JobExecution restart(long executionId) throws JobRestartException {
		JobExecution execution = repository.getJobExecution(executionId);
		if (execution == null) {
			throw new IllegalArgumentException("No job execution " + executionId);
		}
		if (execution.getStatus() != BatchStatus.FAILED && execution.getStatus() != BatchStatus.STOPPED) {
			throw new IllegalStateException("Job execution " + executionId + " is " + execution.getStatus()
					+ "; only a FAILED or STOPPED execution can be restarted");
		}
		JobExecution last = repository.getLastJobExecution(execution.getJobInstance());
		if (last != null && last.getId() != executionId) {
			throw new IllegalStateException("Job execution " + executionId + " was restarted already, as execution " + last.getId());
		}
		log.info("Restarting {} execution {} ({}) as asked by an operator", execution.getJobInstance().getJobName(),
				executionId, execution.getStatus());
		return operator.restart(execution);
	}

	/** Starts a new instance of the job. */
	public JobExecution startNew(Job job) throws Exception {
		return operator.start(job, NextRun.of(repository, job).toJobParameters());
	}

}
