package cn.zibo.livelihood.jobs;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobExecutionNotRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.JobRestartException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

import cn.zibo.livelihood.system.ThisProcess;

/**
 * Runs jobs the way an operator expects after a crash: an execution a killed process left STARTED
 * is recovered (Batch 6 {@code JobOperator.recover}) so it does not block, and a failed last run is
 * restarted before anything new starts, so its work is finished exactly once.
 * <p>
 * Under {@code serve} the inbox watcher and the schedules launch jobs through
 * {@link #startUnlessRunning}: one run of a job at a time in this process (a second trigger while
 * one runs is skipped; the run in progress, or the next trigger, does its work), and a start that
 * clashes with one made at the same moment by another instance is skipped too, not failed.
 */
@Component
public class Executions {

	private static final Logger log = LoggerFactory.getLogger(Executions.class);

	private final JobOperator operator;

	private final JobRepository repository;

	private final NextRun nextRun;

	private final Map<String, ReentrantLock> runningHere = new ConcurrentHashMap<>();

	Executions(JobOperator operator, JobRepository repository, NextRun nextRun) {
		this.operator = operator;
		this.repository = repository;
		this.nextRun = nextRun;
	}

	/**
	 * Recovers executions of this job still marked running but not updated for {@code staleAfter}:
	 * their process is gone. A live one updates its step execution at every commit (each submission,
	 * each receipt), so the threshold must exceed the longest single transaction of a step.
	 *
	 * @return the executions recovered
	 */
	public List<JobExecution> recoverStale(Job job, Duration staleAfter) {
		return recoverAbandoned(job, execution -> notUpdatedFor(execution, staleAfter));
	}

	/**
	 * Recovers the executions of this job marked running that {@code abandoned} says were left by a
	 * process that is gone: they end FAILED and can be restarted.
	 *
	 * @return the executions recovered
	 */
	public List<JobExecution> recoverAbandoned(Job job, Predicate<JobExecution> abandoned) {
		List<JobExecution> recovered = new ArrayList<>();
		for (JobExecution execution : repository.findRunningJobExecutions(job.getName())) {
			if (abandoned.test(execution)) {
				log.warn("Recovering {} execution {}, left {} by a process that ended (last updated {})", job.getName(),
						execution.getId(), execution.getStatus(), lastSignOfLife(execution).orElse(null));
				recovered.add(operator.recover(execution));
			}
		}
		return recovered;
	}

	/** Whether neither the execution nor any of its steps was updated for {@code quiet}. */
	public static boolean notUpdatedFor(JobExecution execution, Duration quiet) {
		return lastSignOfLife(execution).map(updated -> !updated.isAfter(LocalDateTime.now().minus(quiet))).orElse(false);
	}

	/** Whether an execution of this job is marked running, by any instance. */
	public boolean anyRunning(Job job) {
		return !repository.findRunningJobExecutions(job.getName()).isEmpty();
	}

	private static Optional<LocalDateTime> lastSignOfLife(JobExecution execution) {
		return Stream
			.concat(Stream.of(execution.getCreateTime(), execution.getStartTime(), execution.getLastUpdated()),
					execution.getStepExecutions().stream().map(StepExecution::getLastUpdated))
			.filter(Objects::nonNull)
			.max(Comparator.naturalOrder());
	}

	/** Restarts the job's last execution if it failed or was stopped; empty if there was nothing to finish. */
	public Optional<JobExecution> finishLastIfFailed(Job job) throws Exception {
		return finishLastIfFailed(job, "command");
	}

	/**
	 * Restarts the job's last execution if it failed or was stopped, as {@code JobOperator.restart}
	 * would (same job instance, from the step that did not complete), but recorded as this instance's
	 * run, launched by {@code launchedBy}.
	 * <p>
	 * An execution that ended UNKNOWN is restarted too. Spring Batch ends a step so when rolling back
	 * its transaction failed, which is what losing the database mid-transaction does: it cannot tell
	 * whether the transaction committed. Every step of these jobs does its work in transactions that
	 * are recorded in the database (a claim, a processed submission, a receipt) and redoes only what
	 * is not, so the execution is taken as failed and finished like a failed one.
	 */
	public Optional<JobExecution> finishLastIfFailed(Job job, String launchedBy) throws Exception {
		JobInstance last = repository.getLastJobInstance(job.getName());
		JobExecution execution = last == null ? null : repository.getLastJobExecution(last);
		if (execution != null && execution.getStatus() == BatchStatus.UNKNOWN) {
			takeAsFailed(execution);
		}
		if (execution == null || (execution.getStatus() != BatchStatus.FAILED && execution.getStatus() != BatchStatus.STOPPED)) {
			return Optional.empty();
		}
		log.info("Restarting {} execution {} ({}) to finish its work", job.getName(), execution.getId(), execution.getStatus());
		return Optional.of(operator.start(job, nextRun.again(execution.getJobParameters(), launchedBy)));
	}

	private void takeAsFailed(JobExecution execution) {
		log.warn("{} execution {} ended UNKNOWN (a rollback failed, as when the database connection is lost); its work is"
				+ " recorded transaction by transaction, so it is taken as FAILED and finished", execution.getJobInstance().getJobName(),
				execution.getId());
		for (StepExecution step : execution.getStepExecutions()) {
			if (step.getStatus() == BatchStatus.UNKNOWN) {
				step.setStatus(BatchStatus.FAILED);
				repository.update(step);
			}
		}
		execution.setStatus(BatchStatus.FAILED);
		repository.update(execution);
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
		JobExecution execution = restartable(executionId);
		log.info("Restarting {} execution {} ({}) as asked by an operator", execution.getJobInstance().getJobName(),
				executionId, execution.getStatus());
		return operator.restart(execution);
	}

	/**
	 * Restarts one failed or stopped execution as {@link #restart(long)} does, but recorded as launched
	 * by {@code launchedBy} (an operator on the web page), the way {@link #finishLastIfFailed} records
	 * its runs: the same job instance runs again from where it stopped.
	 *
	 * @param job the execution's job
	 */
	public JobExecution restart(long executionId, Job job, String launchedBy) throws Exception {
		JobExecution execution = restartable(executionId);
		if (!execution.getJobInstance().getJobName().equals(job.getName())) {
			throw new IllegalArgumentException("Job execution " + executionId + " is not of " + job.getName());
		}
		log.info("Restarting {} execution {} ({}) as asked by {}", job.getName(), executionId, execution.getStatus(),
				launchedBy);
		return operator.start(job, nextRun.again(execution.getJobParameters(), launchedBy));
	}

	private JobExecution restartable(long executionId) {
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
		return execution;
	}

	/** Starts a new instance of the job (from the command line). */
	public JobExecution startNew(Job job) throws Exception {
		return startNew(job, "command");
	}

	/** Starts a new instance of the job and runs it to its end; {@code launchedBy} is recorded with it. */
	public JobExecution startNew(Job job, String launchedBy) throws Exception {
		return operator.start(job, nextRun.parameters(launchedBy).toJobParameters());
	}

	/**
	 * Starts a new instance of the job with these parameters, unless this process is running the job
	 * already, and runs it to its end.
	 *
	 * @param launchedBy what asked for the run, recorded as a job parameter
	 * @return empty when skipped: a run of the job was in progress here, or the start clashed with
	 * another instance's
	 */
	public Optional<JobExecution> startUnlessRunning(Job job, Map<String, String> parameters, String launchedBy) {
		ReentrantLock lock = runningHere.computeIfAbsent(job.getName(), name -> new ReentrantLock());
		if (!lock.tryLock()) {
			log.info("{} is already running in this process; the run asked for by {} is skipped", job.getName(), launchedBy);
			return Optional.empty();
		}
		try {
			JobParametersBuilder builder = nextRun.parameters(launchedBy);
			parameters.forEach(builder::addString);
			return Optional.of(operator.start(job, builder.toJobParameters()));
		}
		catch (JobExecutionAlreadyRunningException | JobInstanceAlreadyCompleteException | JobRestartException
				| DataIntegrityViolationException | ConcurrencyFailureException ex) {
			// Batch creates job instances in SERIALIZABLE transactions: two instances creating runs of one
			// job at the same moment make PostgreSQL refuse one of them (could not serialize access).
			// The refused run did not start (at most an instance without executions is left); the next
			// trigger (the watcher's next look, a second later) runs it.
			log.warn("{} asked for by {} clashed with a run started elsewhere at the same moment; skipped, the next"
					+ " trigger runs it: {}", job.getName(), launchedBy, ex.getMessage());
			return Optional.empty();
		}
		catch (InvalidJobParametersException ex) {
			throw new IllegalArgumentException("Invalid parameters for " + job.getName() + ": " + ex.getMessage(), ex);
		}
		finally {
			lock.unlock();
		}
	}

	/**
	 * Asks every job execution this instance is running to stop at its next commit (shutting down):
	 * it ends STOPPED, and is restarted at the next start-up, instead of being cut off mid-step. A
	 * reconciliation is one statement with nothing to stop between: asking it only races its own
	 * commit, so it is left to end (its caller waits for it).
	 */
	public void stopRunningHere() {
		for (String name : repository.getJobNames()) {
			if (ReconcileJobConfiguration.JOB_NAME.equals(name)) {
				continue;
			}
			for (JobExecution execution : repository.findRunningJobExecutions(name)) {
				// by process, not instance name: a command run beside serve may bear the same name
				if (ThisProcess.current().token().equals(execution.getJobParameters().getString(NextRun.PROCESS))) {
					try {
						log.info("Stopping {} execution {} (shutting down)", name, execution.getId());
						operator.stop(execution);
					}
					catch (JobExecutionNotRunningException | RuntimeException ex) {
						// one that ended between being found and being stopped (a reconciliation, say) needs no stop
						JobExecution now = repository.getJobExecution(execution.getId());
						if (now != null && !now.isRunning()) {
							log.debug("{} execution {} ended before it was asked to stop", name, execution.getId());
						}
						else {
							log.warn("Could not stop {} execution {}: {}", name, execution.getId(), ex.getMessage());
						}
					}
				}
			}
		}
	}

}
