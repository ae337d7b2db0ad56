package cn.zibo.livelihood.jobs;

import java.util.List;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobExecutionException;

/**
 * Why a run failed, as the work itself failed: the exceptions of the job and of the steps that did
 * the work. A partitioned step fails with only "a partition failed", and its partition with the
 * cause; the first is left out, so that an operator reads the cause once.
 */
public final class Causes {

	private static final String PARTITION_SUMMARY = "Partition handler returned an unsuccessful step";

	private Causes() {
	}

	public static List<Throwable> of(JobExecution run) {
		return run.getAllFailureExceptions()
			.stream()
			.filter(ex -> !(ex instanceof JobExecutionException && String.valueOf(ex.getMessage()).startsWith(PARTITION_SUMMARY)))
			.toList();
	}

}
