package cn.zibo.livelihood.jobs;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;

/**
 * Parameters for a new instance of a job, to which the caller adds the job's own parameters.
 * Batch 6's {@code JobOperator.start} ignores given parameters when a job has an incrementer, and an
 * incrementer would carry the previous run's options (a {@code seeds} folder, say) into the next run;
 * so jobs here have none, and this numbers their runs, keeping only the run id.
 */
public final class NextRun {

	public static final String RUN_ID = "run.id";

	private NextRun() {
	}

	public static JobParametersBuilder of(JobRepository repository, Job job) {
		long last = 0;
		JobInstance instance = repository.getLastJobInstance(job.getName());
		if (instance != null) {
			JobExecution execution = repository.getLastJobExecution(instance);
			if (execution != null) {
				last = execution.getJobParameters().getLong(RUN_ID, 0L);
			}
		}
		return new JobParametersBuilder().addLong(RUN_ID, last + 1);
	}

}
